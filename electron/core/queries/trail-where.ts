// The Trail's filters as SQL over the records table's indexed projections. The contract's common
// filters come from the vault's record-filter; the review UI adds framework, classification,
// sensitivity, severity, status and full-text search.
import type { TrailFilter } from '../../../shared/api/trail';
import { filterSql } from '../vault/record-filter';
import { ftsMatchExpression } from './fts-query';

export interface WhereSql {
  clauses: string[];
  params: unknown[];
}

export function trailWhere(filter: TrailFilter): WhereSql {
  const base = filterSql({
    tenant: filter.tenant,
    kind: filter.kind,
    user: filter.user,
    operation: filter.operation,
    resource_type: filter.resource_type,
    resource_id: filter.resource_id,
    start_date: filter.start_date,
    end_date: filter.end_date,
  });
  const clauses = base.where ? [base.where.replace(/^WHERE /, '')] : [];
  // The Trail lists records that hold content; a purged one (a tombstone) is still opened by its
  // position and counted by verify. The time indexes the Trail walks hold only records not purged
  // (migration 0008), and SQLite uses them only when the query says so.
  clauses.push('purged_at IS NULL');
  const params = [...base.params];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    clauses.push(`${column} = ?`);
    params.push(value);
  };
  equal('compliance_framework', filter.framework);
  equal('data_classification', filter.classification);
  equal('severity', filter.severity);
  equal('status', filter.status);
  // json_extract gives 1 for true, 0 for false; a record without the member is not sensitive.
  if (filter.sensitive !== undefined) clauses.push(filter.sensitive ? 'is_sensitive = 1' : 'ifnull(is_sensitive, 0) = 0');
  if (filter.q !== undefined) {
    const match = ftsMatchExpression(filter.q);
    if (match === null) clauses.push('0'); // nothing searchable in the words given: nothing matches
    else {
      // '+pos': check matches while walking the sort's index, rather than fetching and sorting every
      // match (a broad search matches tens of thousands of records; the page needs a hundred).
      clauses.push('+pos IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)');
      params.push(match);
    }
  }
  return { clauses, params };
}

export function whereText(where: WhereSql, extra: string[] = []): string {
  const all = [...where.clauses, ...extra];
  return all.length ? `WHERE ${all.join(' AND ')}` : '';
}
