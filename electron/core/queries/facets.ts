// The values the Trail's filter menus offer. Tenants, operations and resource types come from the
// vault; frameworks and classifications are the contract's fixed lists.
import type Database from 'better-sqlite3';
import { CLASSIFICATIONS, FRAMEWORKS } from '../../../shared/records/enums';

export interface Facets {
  tenants: string[];
  operations: string[];
  resourceTypes: string[];
  frameworks: string[];
  classifications: string[];
}

export function facets(db: Database.Database): Facets {
  const column = (sql: string) => (db.prepare(sql).all() as Array<{ v: unknown }>).map((r) => String(r.v));
  return {
    tenants: column('SELECT tenant AS v FROM tenants ORDER BY tenant'),
    operations: column(distinctByIndex('operation')),
    resourceTypes: column(distinctByIndex('resource_type')),
    frameworks: [...FRAMEWORKS],
    classifications: [...CLASSIFICATIONS],
  };
}

/**
 * The distinct values of a column that leads an index, one index seek per value (a skip scan):
 * `SELECT DISTINCT` walks every entry of the index, over a second at a million records, and the
 * single-threaded backend answers nothing else meanwhile; there are only a few dozen values. The
 * indexes leave out rows without a value (migration 0008): the first seek must say so to use them.
 */
function distinctByIndex(column: 'operation' | 'resource_type'): string {
  return `WITH RECURSIVE distinct_values(v) AS (
      SELECT min(${column}) FROM records WHERE ${column} IS NOT NULL
      UNION ALL
      SELECT (SELECT min(${column}) FROM records WHERE ${column} > v) FROM distinct_values WHERE v IS NOT NULL
    ) SELECT v FROM distinct_values WHERE v IS NOT NULL`;
}
