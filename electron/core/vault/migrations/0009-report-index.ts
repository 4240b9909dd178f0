// Migration 9: what lets a compliance report over a verified vault read the members it counts
// without reading and parsing every record (issue 5: 1M records in 5 s; docs/reports.md, "A verified
// vault").
// - records_tenant_time, the Trail's index of live records by tenant and time (migration 8), also
//   holds every member a report counts. SQLite keeps it in step with the records (the members are
//   generated columns of `canonical`, recomputed on every insert and update), and a report reads the
//   entries of its tenants and period without touching the records' pages: ~190 bytes a record
//   instead of ~1,400, and no JSON to parse. Widening this index rather than adding one is what keeps
//   imports within issue 2's 2.5 times their yardstick: a separate index of the same members cost an
//   import of 1M records ~3 s, and every byte of it is written by every import. For the same reason it
//   holds no prev_hash (the verification checked the links) and the timestamp only where it is not
//   already its ts_utc text (most records carry the UTC form). Purged records stay out of it, as before.
// - file_path and resolved_at become generated columns like the others, so the index can hold them.
// - last_verification: the last full `auditdesk verify` (or the app's Verify): when, up to which
//   position, and which chains had a break. A report re-hashes only the records admitted after it,
//   and says so (reports/vault/report-from-vault.ts); restoring an archive, which changes earlier
//   records' content, forgets it (vault/last-verification.ts).
import type { Migration } from './migration';

/** After tenant and ts_utc: the members the report's accumulator reads (shared/reports/report-record.ts). */
const REPORT_INDEX_COLUMNS = [
  'seq', 'audit_hash', 'nullif(timestamp, ts_utc)', 'kind', 'user', 'operation', 'resource_type', 'resource_id',
  'compliance_framework', 'data_classification', 'is_sensitive', 'query_type', 'model_name', 'record_count',
  'export_type', 'violation_type', 'severity', 'status', 'file_path', 'resolved_at',
] as const;

export const reportIndex: Migration = {
  version: 9,
  name: 'the tenant and time index holds the members a report reads; the last full verification',
  up: `
    ALTER TABLE records ADD COLUMN file_path GENERATED ALWAYS AS (json_extract(canonical, '$.file_path')) VIRTUAL;
    ALTER TABLE records ADD COLUMN resolved_at GENERATED ALWAYS AS (json_extract(canonical, '$.resolved_at')) VIRTUAL;
    DROP INDEX records_tenant_time;
    CREATE INDEX records_tenant_time ON records(tenant, ts_utc, ${REPORT_INDEX_COLUMNS.join(', ')}) WHERE purged_at IS NULL;
    CREATE TABLE last_verification (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      verified_at TEXT NOT NULL,          -- when that verify started
      through_pos INTEGER NOT NULL,       -- every record with pos <= this was re-hashed and linked
      broken_tenants TEXT NOT NULL        -- JSON array of the tenants whose chain had a break
    );`,
};
