// Counts the records matching a Trail filter without holding the (single-threaded) backend for long:
// filters on indexed columns are counted at once; others are counted over slices of the vault in
// admission order, each call within a small time budget, and the caller resumes where it stopped.
import type Database from 'better-sqlite3';
import type { TrailFilter } from '../../../shared/api/trail';
import { cubeCanAnswer, cubeRows } from './summary';
import { trailWhere, whereText } from './trail-where';

export interface TrailCount {
  count: number;
  /** False while counting continues: pass `resume` back to go on. */
  exact: boolean;
  resume: { from: number; count: number } | null;
  /** How far counting got, as a fraction of the vault's positions. */
  progress: number;
}

/** Filters answered by an index (or none at all): counting them reads index pages only. */
const INDEXED = new Set(['tenant', 'user', 'operation', 'resource_type', 'resource_id']);
const SLICE = 20_000;

export function countTrail(
  db: Database.Database,
  filter: TrailFilter,
  resume: { from: number; count: number } | null = null,
  budgetMs = 150,
): TrailCount {
  const where = trailWhere(filter);
  const keys = Object.entries(filter).filter(([, v]) => v !== undefined).map(([k]) => k);
  if (!resume && keys.every((k) => INDEXED.has(k))) {
    const n = (db.prepare(`SELECT count(*) AS n FROM records ${whereText(where)}`).get(...where.params) as { n: number }).n;
    return { count: n, exact: true, resume: null, progress: 1 };
  }
  if (!resume && keys.length > 0 && cubeCanAnswer(filter)) {
    return { count: cubeRows(db, filter).reduce((t, r) => t + r.n, 0), exact: true, resume: null, progress: 1 };
  }
  const max = (db.prepare('SELECT ifnull(max(pos), 0) AS m FROM records').get() as { m: number }).m;
  const slice = db.prepare(`SELECT count(*) AS n FROM records ${whereText(where, ['pos > ?', 'pos <= ?'])}`);
  let from = resume?.from ?? 0;
  let count = resume?.count ?? 0;
  const started = performance.now();
  while (from < max && performance.now() - started < budgetMs) {
    count += (slice.get(...where.params, from, from + SLICE) as { n: number }).n;
    from += SLICE;
  }
  const exact = from >= max;
  return { count, exact, resume: exact ? null : { from, count }, progress: max ? Math.min(1, from / max) : 1 };
}
