// Tamper alarms from `verify` (issue 4): each break found becomes one INTEGRITY_FAILURE violation, named
// by what broke, so running verify again finds the violation already there and adds nothing.
import type Database from 'better-sqlite3';
import { nodeSha256 } from '../node-sha';
import type { LedgerProblem } from '../ledger/verify-ledger';
import { Admission, type TenantBreak } from './admission';
import { integrityViolation, SYSTEM_TENANT } from './integrity-violation';

export function recordAlarms(db: Database.Database, breaks: TenantBreak[], ledgerProblems: LedgerProblem[]): number {
  const now = new Date().toISOString();
  const exists = db.prepare('SELECT 1 FROM records WHERE tenant = ? AND id = ?').pluck();
  let added = 0;
  db.transaction(() => {
    const admission = new Admission(db, nodeSha256);
    for (const found of breaks) {
      const alarm = integrityViolation(found, now);
      if (!exists.get(alarm.tenant, alarm.id) && admission.admit(alarm) === 'inserted') added++;
    }
    for (const problem of ledgerProblems) {
      const alarm = integrityViolation(
        { tenant: '(ledger)', seq: problem.size ?? 0, kind: problem.kind as TenantBreak['kind'], detail: problem.detail },
        now,
      );
      if (!exists.get(SYSTEM_TENANT, alarm.id) && admission.admit(alarm) === 'inserted') added++;
    }
    admission.finish();
  })();
  return added;
}
