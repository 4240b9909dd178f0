// Says that a summary counts only the records indexed so far, and asks for it again every few seconds
// (keeping the figures on screen) until the indexer has caught up and every record is counted.
import { useEffect } from 'react';
import type { Counting } from '../../../shared/api/summary';
import { formatCount } from './format';

const REFRESH_MS = 3000;

export function CountingNote({ counting, refresh }: { counting: Counting; refresh: () => void }) {
  useEffect(() => {
    if (!counting) return;
    const timer = setTimeout(refresh, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [counting, refresh]);
  if (!counting) return null;
  return (
    <div className="state state-counting" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      Still indexing: these figures count the first {formatCount(counting.indexed)} of {formatCount(counting.total)} records,
      and fill in as indexing proceeds.
    </div>
  );
}
