// The Trail: one page of records matching the filters, in the chosen order, with keyset pagination.
// A page after the first continues strictly after the last row seen (sort value, then pos as the tie
// breaker), so paging deep into a million records costs the same as the first page and rows never
// shift or repeat when new records arrive during review.
import type Database from 'better-sqlite3';
import { trailQuerySchema, type TrailPage, type TrailQuery, type TrailSort } from '../../../shared/api/trail';
import { indexCoverage } from './review-indexer';
import { TRAIL_ROW_COLUMNS, toTrailRow, type RawTrailRow } from './trail-row';
import { trailWhere, whereText } from './trail-where';

/** The ORDER BY expression of each sort. Time uses the bare indexed column; others fold NULL to ''. */
const SORT_EXPR: Record<TrailSort, string> = {
  time: 'ts_utc',
  tenant: 'tenant',
  user: "ifnull(user, '')",
  operation: "ifnull(operation, '')",
  resource_type: "ifnull(resource_type, '')",
  kind: 'kind',
};

export class BadCursorError extends Error {}

export function listTrail(db: Database.Database, input: TrailQuery): TrailPage {
  const query = trailQuerySchema.parse(input);
  const where = trailWhere(query);
  const expr = SORT_EXPR[query.sort];
  const dir = query.dir === 'asc' ? 'ASC' : 'DESC';
  const op = query.dir === 'asc' ? '>' : '<';
  const extra: string[] = [];
  const params = [...where.params];
  if (query.after) {
    const [value, pos] = decodeCursor(query.after);
    extra.push(`(${expr}, pos) ${op} (?, ?)`);
    params.push(value, pos);
  }
  const sql = `SELECT ${TRAIL_ROW_COLUMNS}, ${expr} AS sort_value FROM records ${whereText(where, extra)}
    ORDER BY ${expr} ${dir}, pos ${dir} LIMIT ?`;
  const raw = db.prepare(sql).all(...params, query.limit + 1) as Array<RawTrailRow & { sort_value: unknown }>;
  const more = raw.length > query.limit;
  const page = raw.slice(0, query.limit);
  const rows = page.map(({ sort_value: _, ...row }) => toTrailRow(row));
  const last = page.at(-1);
  const next = more && last ? encodeCursor(last.sort_value, last.pos) : null;
  return { rows, next, search: query.q ? indexCoverage(db) : null };
}

function encodeCursor(value: unknown, pos: number): string {
  return Buffer.from(JSON.stringify([value, pos]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [unknown, number] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && Number.isInteger(parsed[1])) return [parsed[0], parsed[1] as number];
  } catch {
    // fall through
  }
  throw new BadCursorError('the page cursor is not one this server gave out');
}
