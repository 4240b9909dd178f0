// The values the Trail's filter menus offer. Tenants, operations and resource types come from the
// vault (index scans); frameworks and classifications are the contract's fixed lists.
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
    operations: column('SELECT DISTINCT operation AS v FROM records WHERE operation IS NOT NULL ORDER BY v'),
    resourceTypes: column('SELECT DISTINCT resource_type AS v FROM records WHERE resource_type IS NOT NULL ORDER BY v'),
    frameworks: [...FRAMEWORKS],
    classifications: [...CLASSIFICATIONS],
  };
}
