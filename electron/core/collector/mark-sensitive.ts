// Sensitive-data marking (and redaction, when configured) of a collector batch, with the vault's own
// settings, before admission: the same policy as imports apply (electron/core/ingest/sensitive).
import type Database from 'better-sqlite3';
import type { AuditRecord } from '../../../shared/records/record-schema';
import { applySensitivePolicy, readSensitivePolicy } from '../ingest/sensitive';

export function markSensitive(db: Database.Database, records: AuditRecord[]): AuditRecord[] {
  const policy = readSensitivePolicy(db);
  return records.map((r) => applySensitivePolicy(r, policy).record as AuditRecord);
}
