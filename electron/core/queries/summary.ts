// Aggregates for the dashboard and the user activity screen. Records already indexed are counted from
// the summary cube (a few thousand rows instead of a million decrypted pages); records not indexed yet
// are read directly. Filters the cube cannot express (search, resource id, classification, status, a
// time of day) fall back to reading the matching records.
import type Database from 'better-sqlite3';
import type { Count, Summary } from '../../../shared/api/summary';
import type { TrailFilter } from '../../../shared/api/trail';
import { CUBE_DIMS_SQL, foldCube, type CubeRow } from './cube-dims';
import { indexCoverage, indexedPos } from './review-indexer';
import { trailWhere, whereText } from './trail-where';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CUBE_FILTERS = new Set(['tenant', 'user', 'kind', 'operation', 'resource_type', 'framework', 'sensitive', 'severity']);

export function cubeCanAnswer(filter: TrailFilter): boolean {
  return Object.entries(filter).every(([key, value]) => {
    if (value === undefined) return true;
    if (key === 'start_date' || key === 'end_date') return DAY.test(String(value));
    return CUBE_FILTERS.has(key);
  });
}

/**
 * Cube rows for the filter: the cube for indexed records plus the unindexed tail, folded alike
 * (`tail: false`: the indexed records only, for a caller that reads the tail itself, in slices).
 */
export function cubeRows(db: Database.Database, filter: TrailFilter, options: { tail?: boolean } = {}): CubeRow[] {
  const where = trailWhere(filter);
  if (!cubeCanAnswer(filter)) {
    const rows = db.prepare(`SELECT ${CUBE_DIMS_SQL} FROM records ${whereText(where)}`).iterate(...where.params);
    return [...foldCube(rows as Iterable<CubeRow>).values()];
  }
  const upto = indexedPos(db);
  const clauses: string[] = [];
  const params: unknown[] = [];
  const equal = (column: string, value: unknown) => {
    if (value === undefined) return;
    clauses.push(`${column} = ?`);
    params.push(value);
  };
  equal('tenant', filter.tenant);
  equal('user', filter.user);
  equal('kind', filter.kind);
  equal('operation', filter.operation);
  equal('resource_type', filter.resource_type);
  equal('framework', filter.framework);
  equal('severity', filter.severity);
  equal('sensitive', filter.sensitive === undefined ? undefined : filter.sensitive ? 1 : 0);
  if (filter.start_date) {
    clauses.push('day >= ?');
    params.push(filter.start_date);
  }
  if (filter.end_date) {
    clauses.push('day <= ?');
    params.push(filter.end_date);
  }
  const cube = db.prepare(`SELECT * FROM summary_cube ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}`).all(...params) as CubeRow[];
  if (options.tail === false) return cube;
  const tail = db.prepare(`SELECT ${CUBE_DIMS_SQL} FROM records ${whereText(where, ['pos > ?', 'purged_at IS NULL'])}`).iterate(...where.params, upto);
  return [...foldCube(tail as Iterable<CubeRow>, foldCube(cube)).values()];
}

/**
 * Records not in the cube yet are read one by one (~15 µs each at 1M records, all of it holding the
 * single-threaded backend): beyond this many, a summary counts the indexed records only and says so
 * (`counting`), and the screen asks again as the indexer catches up (~2 minutes after opening a
 * freshly imported 1M-record vault; before, the dashboard's first answer took 10-17 s).
 */
export const TAIL_READ_LIMIT = 25_000;

export function summarize(db: Database.Database, filter: TrailFilter, tailReadLimit = TAIL_READ_LIMIT): Summary {
  const coverage = indexCoverage(db);
  const partial = cubeCanAnswer(filter) && coverage.total - coverage.indexed > tailReadLimit;
  const rows = cubeRows(db, filter, { tail: !partial });
  const where = trailWhere(filter);
  // The time index gives the exact first and last instants cheaply, but only one min() or max() per
  // statement: SQLite's min/max optimisation does not apply to both at once.
  const edge = (fn: 'min' | 'max') =>
    (db.prepare(`SELECT ${fn}(ts_utc) AS t FROM records ${whereText(where)}`).get(...where.params) as { t: string | null }).t;
  const span = { first: edge('min'), last: edge('max') };
  const byMonth = span.first && span.last && (Date.parse(span.last) - Date.parse(span.first)) / 86_400_000 > 186;
  const logs = rows.filter((r) => r.kind === 'log');
  const open = rows.filter((r) => r.open === 1);
  return {
    total: sum(rows),
    first: span.first,
    last: span.last,
    // Days for up to ~6 months, months beyond: a chart of 3,000 daily bars helps nobody.
    byDay: group(rows, (r) => (byMonth ? r.day.slice(0, 7) : r.day), { byKey: true }),
    byOperation: group(logs, (r) => r.operation),
    byKind: group(rows, (r) => r.kind),
    byUser: group(rows, (r) => r.user, { limit: 10 }),
    byResourceType: group(logs, (r) => r.resource_type, { limit: 12 }),
    byFramework: group(logs, (r) => r.framework),
    byTenant: group(rows, (r) => r.tenant, { limit: 20 }),
    sensitive: sum(rows.filter((r) => r.sensitive === 1)),
    openViolations: sum(open),
    violationsBySeverity: group(open, (r) => r.severity),
    counting: partial ? coverage : null,
  };
}

function sum(rows: CubeRow[]): number {
  return rows.reduce((total, r) => total + r.n, 0);
}

export function group(rows: CubeRow[], key: (r: CubeRow) => string, options: { limit?: number; byKey?: boolean } = {}): Count[] {
  const totals = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k !== '') totals.set(k, (totals.get(k) ?? 0) + r.n);
  }
  const list = [...totals].map(([k, count]) => ({ key: k, count }));
  list.sort(options.byKey ? (a, b) => (a.key < b.key ? -1 : 1) : (a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  return options.limit ? list.slice(0, options.limit) : list;
}
