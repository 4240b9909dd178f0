// Read queries behind the seed-compatible GET paths (CONTRACT §4), over the records table's indexed
// projections. Written here rather than in electron/core/queries because the seed pages by number
// (page, page_size, count) where the review UI's Trail pages by cursor. Newest first, as the seed's
// `order_by('-timestamp')`, with admission order breaking ties so pages never overlap.
import type Database from 'better-sqlite3';
import type { JsonObject } from '../../../../shared/canonical-json';
import { filterSql, type RecordFilter } from '../../vault/record-filter';
import { ApiError } from '../http/api-error';
import type { StoredRecord } from './seed-shapes';
import { RECORDS_PURGED_KEY } from '../../retention/purge';

export interface LogFilter extends RecordFilter {
  compliance_framework?: string;
  data_classification?: string;
  is_sensitive?: boolean;
}

export interface Where {
  sql: string;
  params: unknown[];
}

export function logWhere(filter: LogFilter): Where {
  const base = filterSql(filter);
  const clauses = base.where ? [base.where.replace(/^WHERE /, '')] : [];
  // Purged records are gone from these paths, as the seed's cleanup deleted them; the time indexes
  // the pages walk hold only the others (migration 0008), and SQLite uses them only when told so.
  clauses.push('purged_at IS NULL');
  const params = [...base.params];
  if (filter.compliance_framework !== undefined) {
    clauses.push('compliance_framework = ?');
    params.push(filter.compliance_framework);
  }
  if (filter.data_classification !== undefined) {
    clauses.push('data_classification = ?');
    params.push(filter.data_classification);
  }
  if (filter.is_sensitive !== undefined) clauses.push(filter.is_sensitive ? 'is_sensitive = 1' : 'ifnull(is_sensitive, 0) = 0');
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function rows(db: Database.Database, sql: string, params: unknown[]): StoredRecord[] {
  return (db.prepare(sql).all(...params) as Array<{ canonical: string; audit_hash: string }>).map((row) => ({
    record: JSON.parse(row.canonical) as JsonObject,
    audit_hash: row.audit_hash,
  }));
}

export function count(db: Database.Database, where: Where): number {
  const allLogs = where.sql === 'WHERE kind = ? AND purged_at IS NULL' && where.params.length === 1 && where.params[0] === 'log';
  if (allLogs) return countAllLogs(db);
  return (db.prepare(`SELECT count(*) AS n FROM records ${where.sql}`).get(...where.params) as { n: number }).n;
}

/**
 * The number of log records not purged, without reading a record. A vault never purged counts
 * max(pos) less the live records of other kinds (a small partial index): positions run from 1 without
 * gaps. Once a purge has run (it marks the vault so: retention/purge.ts), the live records are counted
 * through the time index, which holds exactly those (migration 0008): 0.1-0.3 s at 1M records and
 * more during an import, where max(pos) is instant. `count(*) WHERE kind = 'log'` would decrypt the whole table (5 s at
 * 1M records) for the seed's `count` on every unfiltered page.
 */
function countAllLogs(db: Database.Database): number {
  const purged = db.prepare('SELECT 1 FROM settings WHERE key = ?').get(RECORDS_PURGED_KEY);
  const live = purged ? '(SELECT count(*) FROM records WHERE purged_at IS NULL)' : '(SELECT ifnull(max(pos), 0) FROM records)';
  const sql = `SELECT ${live} - (SELECT count(*) FROM records WHERE kind <> 'log' AND purged_at IS NULL) AS n`;
  return (db.prepare(sql).get() as { n: number }).n;
}

export function pageOf(db: Database.Database, where: Where, page: number, pageSize: number): StoredRecord[] {
  return rows(
    db,
    `SELECT canonical, audit_hash FROM records ${where.sql} ORDER BY ts_utc DESC, pos DESC LIMIT ? OFFSET ?`,
    [...where.params, pageSize, (page - 1) * pageSize],
  );
}

/** The record `id` of `kind` (in `tenant`, when given). Ids are unique per tenant only: an id found in
 *  several tenants needs ?tenant= (400 says so). */
export function findRecord(db: Database.Database, id: string, kind: string, tenant: string | undefined): StoredRecord {
  const where = logWhere({ kind: kind as RecordFilter['kind'], tenant });
  const found = rows(db, `SELECT canonical, audit_hash FROM records ${where.sql}${where.sql ? ' AND' : ' WHERE'} id = ? LIMIT 2`, [
    ...where.params,
    id,
  ]);
  if (found.length === 0) throw new ApiError(404, `no ${kind} record with id ${JSON.stringify(id)}`);
  if (found.length > 1) {
    throw new ApiError(400, `id ${JSON.stringify(id)} exists in several tenants: add ?tenant=`, { field: 'tenant' });
  }
  return found[0]!;
}

/** Records of the same request, session, parent or resource as `of` (not itself), newest first. */
export function relatedRecords(db: Database.Database, of: JsonObject, limit = 50): StoredRecord[] {
  const ors: string[] = [];
  const params: unknown[] = [of.tenant];
  const add = (sql: string, value: unknown) => {
    if (typeof value === 'string' && value !== '') {
      ors.push(sql);
      params.push(value);
    }
  };
  add('request_id = ?', of.request_id);
  add('session_id = ?', of.session_id);
  add('parent_audit_id = ?', of.id);
  add('id = ?', of.parent_audit_id);
  if (typeof of.resource_type === 'string' && typeof of.resource_id === 'string') {
    ors.push('(resource_type = ? AND resource_id = ?)');
    params.push(of.resource_type, of.resource_id);
  }
  if (ors.length === 0) return [];
  return rows(
    db,
    `SELECT canonical, audit_hash FROM records WHERE kind = 'log' AND tenant = ? AND (${ors.join(' OR ')}) AND id <> ?
     ORDER BY ts_utc DESC, pos DESC LIMIT ?`,
    [...params, of.id, limit],
  );
}

/** The seed's summary and compliance-report counts over the logs matching `where`. */
export function logCounts(db: Database.Database, where: Where) {
  const group = (column: string) => {
    const out: Record<string, number> = {};
    const sql = `SELECT ${column} AS k, count(*) AS n FROM records ${where.sql} GROUP BY ${column} ORDER BY n DESC, k`;
    for (const row of db.prepare(sql).all(...where.params) as Array<{ k: unknown; n: number }>) {
      if (row.k !== null && row.k !== '') out[String(row.k)] = row.n;
    }
    return out;
  };
  const distinct = (column: string) =>
    (db.prepare(`SELECT DISTINCT ${column} AS k FROM records ${where.sql} ORDER BY k`).all(...where.params) as Array<{ k: unknown }>).map(
      (row) => row.k,
    );
  const sensitive = `${where.sql}${where.sql ? ' AND' : ' WHERE'} is_sensitive = 1`;
  return {
    total_operations: count(db, where),
    operations_by_type: group('operation'),
    operations_by_user: group('user'),
    operations_by_resource: group('resource_type'),
    sensitive_operations: (db.prepare(`SELECT count(*) AS n FROM records ${sensitive}`).get(...where.params) as { n: number }).n,
    compliance_frameworks: distinct('compliance_framework'),
    data_classifications: distinct('data_classification'),
  };
}

/** Users with logs matching `where`, most active first: GET user-activity/ without a user. */
export function activeUsers(db: Database.Database, where: Where, page: number, pageSize: number) {
  const sql = `SELECT user, count(*) AS count, max(ts_utc) AS last_activity FROM records ${where.sql}${where.sql ? ' AND' : ' WHERE'} user IS NOT NULL
    GROUP BY user ORDER BY count DESC, user LIMIT ? OFFSET ?`;
  const results = db.prepare(sql).all(...where.params, pageSize, (page - 1) * pageSize);
  const total = (
    db.prepare(`SELECT count(DISTINCT user) AS n FROM records ${where.sql}${where.sql ? ' AND' : ' WHERE'} user IS NOT NULL`).get(
      ...where.params,
    ) as { n: number }
  ).n;
  return { results, count: total, page, page_size: pageSize };
}
