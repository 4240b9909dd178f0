// Counts the records matching a Trail filter without holding the (single-threaded) backend for long:
// every other request (the next page, a filter change) waits while a count runs. Filters the summary
// cube can answer are counted from it for the records already indexed; the rest of the vault (the
// records not indexed yet, or every record for filters the cube cannot answer) is counted in slices
// in admission order, each call within a small time budget, and the caller resumes where it stopped.
import type Database from 'better-sqlite3';
import type { TrailFilter } from '../../../shared/api/trail';
import { ftsMatchExpression } from './fts-query';
import { indexedPos } from './review-indexer';
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

/** A resource's history: an index answers it by reading only the matching entries (the cube has no ids). */
const RESOURCE = new Set(['tenant', 'resource_type', 'resource_id']);
/** Records per counting statement: small enough that one slice is a few milliseconds at most. */
const SLICE = 5_000;

export function countTrail(
  db: Database.Database,
  filter: TrailFilter,
  resume: { from: number; count: number } | null = null,
  budgetMs = 40,
): TrailCount {
  const where = trailWhere(filter);
  const keys = Object.entries(filter).filter(([, v]) => v !== undefined).map(([k]) => k);
  if (!resume && keys.includes('resource_id') && keys.every((k) => RESOURCE.has(k))) {
    const n = (db.prepare(`SELECT count(*) AS n FROM records ${whereText(where)}`).get(...where.params) as { n: number }).n;
    return { count: n, exact: true, resume: null, progress: 1 };
  }
  if (!resume && keys.length === 1 && keys[0] === 'q') {
    // A search alone: the search index counts its own matches (the same records the Trail lists:
    // only indexed records are searchable). Slices would each re-read every match of the words.
    const match = ftsMatchExpression(filter.q!);
    const n = match === null ? 0 : (db.prepare('SELECT count(*) AS n FROM records_fts WHERE records_fts MATCH ?').get(match) as { n: number }).n;
    return { count: n, exact: true, resume: null, progress: 1 };
  }
  if (!resume && cubeCanAnswer(filter)) {
    // The cube covers every record up to the indexer's position, exactly; slices count the rest.
    const upto = indexedPos(db);
    resume = { from: upto, count: cubeRows(db, filter, { tail: false }).reduce((t, r) => t + r.n, 0) };
  }
  const max = (db.prepare('SELECT ifnull(max(pos), 0) AS m FROM records').get() as { m: number }).m;
  // NOT INDEXED: a slice reads its range of positions, never every index entry of a common value.
  const slice = db.prepare(`SELECT count(*) AS n FROM records NOT INDEXED ${whereText(where, ['pos > ?', 'pos <= ?'])}`);
  let from = resume?.from ?? 0;
  let count = resume?.count ?? 0;
  const started = performance.now();
  do {
    if (from >= max) break;
    count += (slice.get(...where.params, from, from + SLICE) as { n: number }).n;
    from += SLICE;
  } while (performance.now() - started < budgetMs);
  const exact = from >= max;
  return { count, exact, resume: exact ? null : { from, count }, progress: max ? Math.min(1, from / max) : 1 };
}
