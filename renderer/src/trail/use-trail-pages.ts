// Keyset pages of the Trail for the current view: the first page at once, more as the table scrolls
// near the end, and the count in the background (in slices, so the backend stays responsive).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/result';
import type { SearchCoverage, TrailCount, TrailRow } from '../../../shared/api/trail';
import type { Result } from '../../../shared/api/result';
import { api } from '../api/transport';
import { reportLocked } from '../api/session-events';
import { filterOf, type TrailView } from './trail-url';

export interface TrailPages {
  rows: TrailRow[];
  loading: boolean;
  error: ApiError | null;
  hasMore: boolean;
  count: TrailCount | null;
  search: SearchCoverage | null;
  loadMore(): void;
  retry(): void;
}

const PAGE = 200;

export function useTrailPages(view: TrailView): TrailPages {
  const key = JSON.stringify(view);
  const [rows, setRows] = useState<TrailRow[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [count, setCount] = useState<TrailCount | null>(null);
  const [search, setSearch] = useState<SearchCoverage | null>(null);
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const inFlight = useRef(false);

  useEffect(() => {
    const mine = ++generation.current;
    const current = JSON.parse(key) as TrailView;
    setRows([]);
    setNext(null);
    setError(null);
    setCount(null);
    setLoading(true);
    inFlight.current = true;
    void api.call('trail.list', { ...current, limit: PAGE }).then((result) => {
      if (mine !== generation.current) return;
      inFlight.current = false;
      setLoading(false);
      if (!result.ok) {
        if (result.error.code === 'locked') reportLocked();
        setError(result.error);
        return;
      }
      setRows(result.value.rows);
      setNext(result.value.next);
      setSearch(result.value.search);
    });
    // Count apart from the page: the rows show at once, the number when it is known.
    void (async () => {
      let resume: TrailCount['resume'] = null;
      for (;;) {
        const counted: Result<TrailCount> = await api.call('trail.count', { filter: filterOf(current), resume });
        if (mine !== generation.current || !counted.ok) return;
        setCount(counted.value);
        if (counted.value.exact || !counted.value.resume) return;
        resume = counted.value.resume;
      }
    })();
  }, [key, attempt]);

  const loadMore = useCallback(() => {
    if (!next || inFlight.current) return;
    const mine = generation.current;
    inFlight.current = true;
    setLoading(true);
    void api.call('trail.list', { ...(JSON.parse(key) as TrailView), limit: PAGE, after: next }).then((result) => {
      if (mine !== generation.current) return;
      inFlight.current = false;
      setLoading(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setRows((before) => before.concat(result.value.rows));
      setNext(result.value.next);
    });
  }, [key, next]);

  return { rows, loading, error, hasMore: next !== null, count, search, loadMore, retry: () => setAttempt((a) => a + 1) };
}
