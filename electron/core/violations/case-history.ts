// A violation's case: the violation record itself never changes, so its state is read from the
// records that follow it in its tenant's chain (kind log, resource audit_violation/ID — the
// convention of the collector's resolve path). The latest one gives the status; the latest that
// names an assignee gives the assignee.
import type Database from 'better-sqlite3';
import type { JsonObject } from '../../../shared/canonical-json';
import { UserError } from '../errors';
import { isCaseStatus, type CaseStatus } from './workflow';
import { kindIs } from '../vault/kind-sql';

export const CASE_RESOURCE = 'audit_violation';

export interface CaseEvent {
  id: string;
  seq: number;
  audit_hash: string;
  by: string | null;
  at: string;
  from: CaseStatus | null;
  to: CaseStatus;
  assignee: string | null;
  notes: string | null;
  resolution: string | null;
}

export interface ViolationCase {
  violation: JsonObject & { id: string; tenant: string };
  audit_hash: string;
  pos: number;
  status: CaseStatus;
  assignee: string | null;
  resolution: string | null;
  history: CaseEvent[];
}

export class ViolationNotFound extends UserError {}

/** The violation `id` (in `tenant` when given; needed when the id exists in several tenants). */
export function findViolation(db: Database.Database, id: string, tenant?: string): { record: JsonObject & { id: string; tenant: string }; audit_hash: string; pos: number } {
  const rows = db
    .prepare(`SELECT pos, canonical, audit_hash FROM records WHERE ${kindIs('violation')} AND id = ?${tenant ? ' AND tenant = ?' : ''} LIMIT 2`)
    .all(...(tenant ? [id, tenant] : [id])) as Array<{ pos: number; canonical: string; audit_hash: string }>;
  if (rows.length === 0) throw new ViolationNotFound(`no violation with id ${JSON.stringify(id)}${tenant ? ` in tenant ${tenant}` : ''}`);
  if (rows.length > 1) throw new UserError(`violation id ${JSON.stringify(id)} exists in several tenants: name the tenant`);
  const row = rows[0]!;
  return { record: JSON.parse(row.canonical) as ViolationCase['violation'], audit_hash: row.audit_hash, pos: row.pos };
}

export function caseHistory(db: Database.Database, tenant: string, violationId: string): CaseEvent[] {
  const rows = db
    .prepare(
      `SELECT canonical, audit_hash FROM records WHERE tenant = ? AND resource_type = ? AND resource_id = ? AND kind = 'log' ORDER BY pos`,
    )
    .all(tenant, CASE_RESOURCE, violationId) as Array<{ canonical: string; audit_hash: string }>;
  return rows.map(caseEventOf).filter((e): e is CaseEvent => e !== null);
}

/**
 * Every case's history at once, keyed by caseKey(tenant, violation id): one walk of the case records
 * (resource type audit_violation) instead of one query per violation, for the queue over thousands.
 */
export function allCaseHistories(db: Database.Database): Map<string, CaseEvent[]> {
  const rows = db
    .prepare(`SELECT tenant, resource_id, canonical, audit_hash FROM records WHERE resource_type = ? AND kind = 'log' ORDER BY pos`)
    .iterate(CASE_RESOURCE) as Iterable<{ tenant: string; resource_id: string; canonical: string; audit_hash: string }>;
  const byCase = new Map<string, CaseEvent[]>();
  for (const row of rows) {
    const event = caseEventOf(row);
    if (!event) continue;
    const key = caseKey(row.tenant, row.resource_id);
    const events = byCase.get(key);
    if (events) events.push(event);
    else byCase.set(key, [event]);
  }
  return byCase;
}

export const caseKey = (tenant: string, violationId: string) => `${tenant}\u0000${violationId}`;

/** A case record as an event; null for a purged or foreign record (no case status in new_data). */
function caseEventOf(row: { canonical: string; audit_hash: string }): CaseEvent | null {
  const r = JSON.parse(row.canonical) as JsonObject;
  const next = (r.new_data ?? {}) as JsonObject;
  const old = (r.old_data ?? {}) as JsonObject;
  if (!isCaseStatus(next.status)) return null;
  return {
    id: r.id as string,
    seq: r.seq as number,
    audit_hash: row.audit_hash,
    by: typeof r.user === 'string' ? r.user : null,
    at: r.timestamp as string,
    from: isCaseStatus(old.status) ? old.status : null,
    to: next.status,
    assignee: typeof next.assignee === 'string' ? next.assignee : null,
    notes: typeof next.notes === 'string' ? next.notes : null,
    resolution: typeof next.resolution === 'string' ? next.resolution : null,
  };
}

export function readCase(db: Database.Database, id: string, tenant?: string): ViolationCase {
  const found = findViolation(db, id, tenant);
  const history = caseHistory(db, found.record.tenant, found.record.id);
  return { violation: found.record, audit_hash: found.audit_hash, pos: found.pos, ...stateOf(found.record, history), history };
}

/** The current state: from the latest case event, else the violation's own status. */
export function stateOf(violation: JsonObject, history: CaseEvent[]): { status: CaseStatus; assignee: string | null; resolution: string | null } {
  const own = isCaseStatus(violation.status) ? violation.status : 'OPEN';
  const last = history.at(-1);
  let assignee: string | null = null;
  let resolution: string | null = null;
  for (const e of history) {
    if (e.assignee !== null) assignee = e.assignee === '' ? null : e.assignee;
    if (e.resolution !== null) resolution = e.resolution;
  }
  // Reopening clears the resolution: it no longer describes the case.
  if (last && (last.to === 'INVESTIGATING' || last.to === 'OPEN')) resolution = null;
  return { status: last?.to ?? own, assignee, resolution };
}
