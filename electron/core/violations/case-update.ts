// Moves a violation's case on: every change (status, assignee, notes, resolution) is a new record in
// the violation's own tenant chain — kind log, operation UPDATE, resource audit_violation/ID, with
// who, when, from (old_data) and to (new_data) — so the case history is as tamper-evident as the
// trail. The violation record itself is never changed. Bulk updates go in one transaction.
import type Database from 'better-sqlite3';
import type { JsonObject } from '../../../shared/canonical-json';
import type { AuditRecord } from '../../../shared/records/record-schema';
import { UserError } from '../errors';
import { nodeSha256 } from '../node-sha';
import { Admission } from '../vault/admission';
import { CASE_RESOURCE, caseHistory, findViolation, stateOf, type CaseEvent } from './case-history';
import { isCaseStatus, refuseTransition, type CaseStatus } from './workflow';

export interface CaseChange {
  /** The new status; omitted: the status stays (an assignment or a note). */
  to?: CaseStatus;
  /** The new assignee; '' unassigns; omitted: unchanged. */
  assignee?: string;
  notes?: string;
  /** What was found and done; kept with RESOLVED (and CLOSED) cases. */
  resolution?: string;
}

export interface CaseRef {
  id: string;
  tenant?: string;
}

export type CaseUpdateOutcome =
  | { id: string; tenant: string; ok: true; event: CaseEvent }
  | { id: string; tenant: string | null; ok: false; reason: string };

/** Who makes the change, written as the record's user. */
export interface Actor {
  user: string;
  apiKeyId?: number | null;
}

export class TransitionRefused extends UserError {}

/** One case update; throws TransitionRefused (or ViolationNotFound) when it cannot be made. */
export function updateCase(db: Database.Database, ref: CaseRef, change: CaseChange, by: Actor): CaseEvent {
  findViolation(db, ref.id, ref.tenant); // throws ViolationNotFound, so callers can answer 404
  const [outcome] = updateCases(db, [ref], change, by);
  if (!outcome!.ok) throw new TransitionRefused(outcome!.reason);
  return outcome!.event;
}

/**
 * The same change for many cases (bulk triage), in one transaction. Cases the change does not apply
 * to (not found, or a move the workflow forbids) are reported and left as they are; the others move.
 */
export function updateCases(db: Database.Database, refs: CaseRef[], change: CaseChange, by: Actor): CaseUpdateOutcome[] {
  if (change.to !== undefined && !isCaseStatus(change.to)) {
    throw new UserError(`unknown status ${JSON.stringify(change.to)}: say OPEN, INVESTIGATING, RESOLVED or CLOSED`);
  }
  if (change.to === undefined && change.assignee === undefined && change.notes === undefined && change.resolution === undefined) {
    throw new UserError('nothing to change: give a status, an assignee, notes or a resolution');
  }
  const outcomes: CaseUpdateOutcome[] = [];
  db.transaction(() => {
    const admission = new Admission(db, nodeSha256);
    const timestamp = new Date().toISOString();
    for (const ref of refs) {
      let found;
      try {
        found = findViolation(db, ref.id, ref.tenant);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        outcomes.push({ id: ref.id, tenant: ref.tenant ?? null, ok: false, reason: error.message });
        continue;
      }
      const tenant = found.record.tenant;
      const history = caseHistory(db, tenant, ref.id);
      const current = stateOf(found.record, history);
      const to = change.to ?? current.status;
      const refused = change.to !== undefined ? refuseTransition(current.status, to) : null;
      if (refused) {
        outcomes.push({ id: ref.id, tenant, ok: false, reason: `${ref.id}: ${refused}` });
        continue;
      }
      const assignee = change.assignee ?? current.assignee ?? '';
      const newData: JsonObject = { status: to, assignee };
      if (change.notes !== undefined) newData.notes = change.notes;
      if (change.resolution !== undefined) newData.resolution = change.resolution;
      const changed = [
        ...(to !== current.status ? ['status'] : []),
        ...(assignee !== (current.assignee ?? '') ? ['assignee'] : []),
        ...(change.notes !== undefined ? ['notes'] : []),
        ...(change.resolution !== undefined ? ['resolution'] : []),
      ];
      const record: AuditRecord = {
        // Counting the case's events makes each id unique in the tenant without reading the clock.
        id: `case:${ref.id}:${history.length + 1}`,
        kind: 'log',
        tenant,
        user: by.user,
        timestamp,
        operation: 'UPDATE',
        resource_type: CASE_RESOURCE,
        resource_id: ref.id,
        resource_name: String(found.record.violation_type ?? 'violation'),
        old_data: { status: current.status, assignee: current.assignee ?? '' },
        new_data: newData,
        changed_fields: changed,
      };
      const admitted = admission.admit(record, by.apiKeyId ? { apiKeyId: by.apiKeyId } : {});
      if (admitted !== 'inserted') throw new Error(`the case record ${record.id} could not be added (${admitted})`);
      const event = caseHistory(db, tenant, ref.id).at(-1)!;
      outcomes.push({ id: ref.id, tenant, ok: true, event });
    }
    admission.finish();
  })();
  return outcomes;
}
