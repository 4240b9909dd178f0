// Admits one request's records in one transaction and returns only after it committed: a 2xx from the
// collector means the records are in the vault. Re-sent records (same tenant and id, same content) are
// counted as duplicates, not stored again; records with their own chain are checked, and a break is
// raised as an integrity violation by the admission itself.
import type Database from 'better-sqlite3';
import type { AuditRecord } from '../../../shared/records/record-schema';
import { nodeSha256 } from '../node-sha';
import { Admission, type AdmitOutcome, type TenantBreak } from '../vault/admission';
import { ApiError } from './http/api-error';
import { detectAfterIngest } from '../violations/detection/detect-at-ingest';

export interface BatchResult {
  received: number;
  inserted: number;
  duplicates: number;
  conflicts: number;
  outcomes: AdmitOutcome[];
  chain_breaks: TenantBreak[];
}

export function admitBatch(db: Database.Database, records: AuditRecord[], apiKeyId: number | null, retryAfter = '1'): BatchResult {
  const result: BatchResult = { received: records.length, inserted: 0, duplicates: 0, conflicts: 0, outcomes: [], chain_breaks: [] };
  const run = db.transaction(() => {
    const admission = new Admission(db, nodeSha256);
    for (const record of records) {
      const outcome = admission.admit(record, { apiKeyId: apiKeyId ?? undefined });
      result.outcomes.push(outcome);
      if (outcome === 'inserted') result.inserted++;
      else if (outcome === 'duplicate') result.duplicates++;
      else result.conflicts++;
    }
    result.chain_breaks = admission.finish();
  });
  try {
    run.immediate();
  } catch (error) {
    // Another writer (an import in another process) holds the vault beyond busy_timeout: ask to retry.
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new ApiError(503, 'the vault is busy with another write; send again shortly', {}, { 'retry-after': retryAfter });
    }
    throw error;
  }
  detectAfterIngest(db); // issue 6: detection rules over the records just committed
  return result;
}
