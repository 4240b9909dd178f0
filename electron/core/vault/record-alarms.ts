// Tamper alarms from `verify` and `witness` (issue 4): each break found becomes one INTEGRITY_FAILURE
// violation, named by what broke, so running the check again finds the violation there and adds nothing.
import type Database from 'better-sqlite3';
import { nodeSha256 } from '../node-sha';
import type { LedgerProblem } from '../ledger/verify-ledger';
import type { WitnessResult } from '../ledger/witness';
import { Admission, type TenantBreak } from './admission';
import { integrityViolation, witnessMismatchViolation } from './integrity-violation';
import type { AuditRecord } from '../../../shared/records/record-schema';

export function recordAlarms(db: Database.Database, breaks: TenantBreak[], ledgerProblems: LedgerProblem[]): number {
  const now = new Date().toISOString();
  return admitAlarms(db, [
    ...breaks.map((found) => integrityViolation(found, now)),
    ...ledgerProblems.map((problem) =>
      integrityViolation({ tenant: '(ledger)', seq: problem.size ?? 0, kind: problem.kind as TenantBreak['kind'], detail: problem.detail }, now),
    ),
  ]);
}

/** A witnessed checkpoint the records do not match; returns whether the alarm is new. */
export function recordWitnessAlarm(db: Database.Database, mismatch: WitnessResult): boolean {
  return admitAlarms(db, [witnessMismatchViolation(mismatch, new Date().toISOString())]) === 1;
}

function admitAlarms(db: Database.Database, alarms: AuditRecord[]): number {
  const exists = db.prepare('SELECT 1 FROM records WHERE tenant = ? AND id = ?').pluck();
  let added = 0;
  db.transaction(() => {
    const admission = new Admission(db, nodeSha256);
    for (const alarm of alarms) {
      if (!exists.get(alarm.tenant, alarm.id) && admission.admit(alarm) === 'inserted') added++;
    }
    admission.finish();
  })();
  return added;
}
