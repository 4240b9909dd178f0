// Detection at ingest: called right after an import or a collector batch has committed. The records
// are already safe in the vault, so a failing rule must not fail the ingest; the watermark is only
// moved on success, so the next ingest (or `violations detect`) picks the records up again.
import type Database from 'better-sqlite3';
import { detectNew, type DetectResult } from './detect';

export function detectAfterIngest(db: Database.Database): DetectResult | { error: string } {
  try {
    return detectNew(db);
  } catch (error) {
    return { error: (error as Error).message };
  }
}
