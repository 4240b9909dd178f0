// Violations as the seed lists them, and their resolution. Records are never changed, so resolving a
// violation appends a record saying so (kind log, operation UPDATE, resource audit_violation/ID,
// new_data.status RESOLVED) in the violation's own tenant chain; a violation's status is that of its
// latest such record, else its own.
import type Database from 'better-sqlite3';
import type { JsonObject } from '../../../../shared/canonical-json';
import type { AuditRecord } from '../../../../shared/records/record-schema';
import { admitBatch } from '../admit-batch';
import { findRecord, rows } from './log-queries';
import { violationRow, type StoredRecord } from './seed-shapes';
import { kindIs } from '../../vault/kind-sql';

export const RESOLUTION_RESOURCE = 'audit_violation';

export interface ViolationFilter {
  tenant?: string;
  violation_type?: string;
  severity?: string;
  status?: string;
  user?: string;
  start_date?: string;
  end_date?: string;
}

const LATEST_STATUS = `(SELECT json_extract(r.canonical, '$.new_data.status') FROM records r
  WHERE r.kind = 'log' AND r.tenant = v.tenant AND r.resource_type = '${RESOLUTION_RESOURCE}' AND r.resource_id = v.id
  ORDER BY r.pos DESC LIMIT 1)`;

export function listViolations(db: Database.Database, filter: ViolationFilter, page: number, pageSize: number) {
  const clauses = [kindIs('violation', 'v.')];
  const params: unknown[] = [];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    clauses.push(`${column} = ?`);
    params.push(value);
  };
  equal('v.tenant', filter.tenant);
  equal('v.violation_type', filter.violation_type);
  equal('v.severity', filter.severity);
  equal('v.user', filter.user);
  equal(`coalesce(${LATEST_STATUS}, v.status, 'OPEN')`, filter.status);
  if (filter.start_date) {
    clauses.push(`v.ts_utc >= strftime('%Y-%m-%dT%H:%M:%fZ', ?)`);
    params.push(filter.start_date);
  }
  if (filter.end_date) {
    const wholeDay = /^\d{4}-\d{2}-\d{2}$/.test(filter.end_date);
    clauses.push(wholeDay ? `v.ts_utc < strftime('%Y-%m-%dT%H:%M:%fZ', ?, '+1 day')` : `v.ts_utc <= strftime('%Y-%m-%dT%H:%M:%fZ', ?)`);
    params.push(filter.end_date);
  }
  const where = `WHERE ${clauses.join(' AND ')}`;
  const total = (db.prepare(`SELECT count(*) AS n FROM records v ${where}`).get(...params) as { n: number }).n;
  const found = rows(db, `SELECT v.canonical, v.audit_hash FROM records v ${where} ORDER BY v.ts_utc DESC, v.pos DESC LIMIT ? OFFSET ?`, [
    ...params,
    pageSize,
    (page - 1) * pageSize,
  ]);
  return {
    results: found.map((v) => violationRow(v, latestResolution(db, v))),
    count: total,
    page,
    page_size: pageSize,
    total_pages: Math.ceil(total / pageSize),
  };
}

export function latestResolution(db: Database.Database, violation: StoredRecord): JsonObject | null {
  const [found] = rows(
    db,
    `SELECT canonical, audit_hash FROM records WHERE kind = 'log' AND tenant = ? AND resource_type = ? AND resource_id = ?
     ORDER BY pos DESC LIMIT 1`,
    [violation.record.tenant, RESOLUTION_RESOURCE, violation.record.id],
  );
  return found?.record ?? null;
}

/** Appends the resolution of violation `id`; resolving an already resolved violation adds nothing. */
export function resolveViolation(
  db: Database.Database,
  id: string,
  tenant: string | undefined,
  notes: string,
  by: { user: string; apiKeyId: number | null },
): { already: boolean } {
  const violation = findRecord(db, id, 'violation', tenant);
  const current = violationRow(violation, latestResolution(db, violation)).status;
  if (current === 'RESOLVED' || current === 'CLOSED') return { already: true };
  const timestamp = new Date().toISOString();
  const resolution: AuditRecord = {
    id: `resolution:${id}:${timestamp}`,
    kind: 'log',
    tenant: violation.record.tenant as string,
    user: by.user,
    timestamp,
    operation: 'UPDATE',
    resource_type: RESOLUTION_RESOURCE,
    resource_id: id,
    old_data: { status: current },
    new_data: { status: 'RESOLVED', notes },
    changed_fields: ['status'],
  };
  admitBatch(db, [resolution], by.apiKeyId);
  return { already: false };
}

