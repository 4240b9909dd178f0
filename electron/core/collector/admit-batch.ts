// Admits one request's records in one transaction and returns only after it committed: a 2xx from the
// collector means the records are in the vault. Re-sent records (same tenant and id, same content) are
// counted as duplicates, not stored again; records with their own chain are checked, and a break is
// raised as an integrity violation by the admission itself. Detection rules run on the batch in the
// same transaction, and a checkpoint is signed after it when the vault's signer is registered.
import type Database from 'better-sqlite3';
import type { AuditRecord } from '../../../shared/records/record-schema';
import { nodeSha256 } from '../node-sha';
import { Admission, type AdmitOutcome, type TenantBreak } from '../vault/admission';
import { makeCheckpoint } from '../ledger/checkpoints';
import { Ledger } from '../ledger/ledger';
import { signerFor } from '../ledger/signer-registry';
import { prepareRecord } from '../vault/prepared-record';
import { detectAdmitted, DetectionHits } from '../violations/detection/detect';
import { Rules } from '../violations/detection/rules';
import { readRulesConfig } from '../violations/detection/rules-config';
import { scanRowOf } from '../violations/detection/scan-record';
import { ApiError } from './http/api-error';

export interface BatchResult {
  received: number;
  inserted: number;
  duplicates: number;
  conflicts: number;
  outcomes: AdmitOutcome[];
  chain_breaks: TenantBreak[];
}

export interface BatchPart {
  records: AuditRecord[];
  apiKeyId: number | null;
}

export function admitBatch(db: Database.Database, records: AuditRecord[], apiKeyId: number | null, retryAfter = '1'): BatchResult {
  return admitBatches(db, [{ records, apiKeyId }], retryAfter)[0]!;
}

/**
 * Several requests' records in one transaction (group commit, group-commit.ts): one commit, one
 * detection pass and one checkpoint for all, and a result per request. A chain break is reported to
 * each request that sent records of that tenant.
 */
export function admitBatches(db: Database.Database, parts: BatchPart[], retryAfter = '1'): BatchResult[] {
  const results: BatchResult[] = parts.map((p) => ({ received: p.records.length, inserted: 0, duplicates: 0, conflicts: 0, outcomes: [], chain_breaks: [] }));
  const run = db.transaction(() => {
    const admission = new Admission(db, nodeSha256);
    const config = readRulesConfig(db);
    const rules = config.at_ingest ? new Rules(config) : null;
    const hits = rules ? new DetectionHits(rules) : null;
    parts.forEach(({ records, apiKeyId }, i) => {
      const result = results[i]!;
      for (const record of records) {
        const prepared = prepareRecord(record);
        const outcome = admission.admitPrepared(prepared, { apiKeyId: apiKeyId ?? undefined });
        if (rules && outcome === 'inserted') {
          const scan = scanRowOf(record, config);
          if (scan) hits!.add({ ...scan, pos: admission.lastPos });
        }
        result.outcomes.push(outcome);
        if (outcome === 'inserted') result.inserted++;
        else if (outcome === 'duplicate') result.duplicates++;
        else result.conflicts++;
      }
    });
    const breaks = admission.finish();
    parts.forEach(({ records }, i) => {
      const tenants = new Set(records.map((r) => r.tenant));
      results[i]!.chain_breaks = breaks.filter((b) => tenants.has(b.tenant));
    });
    if (hits) {
      try {
        detectAdmitted(db, hits);
      } catch {
        // Detection never refuses records: its savepoint rolled back, the next run covers them.
      }
    }
    const signer = signerFor(db);
    if (signer && results.some((r) => r.inserted > 0)) makeCheckpoint(db, new Ledger(db), signer, 'collector batch');
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
  return results;
}
