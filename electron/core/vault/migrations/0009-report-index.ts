// Migration 9: what lets a compliance report over a verified vault read the members it counts
// without reading and parsing every record (issue 5: 1M records in 5 s; docs/reports.md, "A verified
// vault").
// - records_report: an index of every live record's members that a report counts, in chain order
//   (tenant, seq). SQLite keeps it in step with the records (the members are generated columns of
//   `canonical`, recomputed on every insert and update), and a report reads its entries without
//   touching the records' pages: ~190 bytes a record instead of ~1,400, and no JSON to parse. Every
//   byte of it is written by every import (at 1M records it costs an import ~2.5 s), so it holds what
//   a report counts and no more: no prev_hash (the verification checked the links), and the timestamp
//   only where it is not already its ts_utc text (most records carry the UTC form). In chain order,
//   a new record (an import's, a violation detection raises) is added at the end of its tenant's
//   entries; widening the Trail's (tenant, time) index instead cost about as much at import, but a
//   detection run 1.5 s more, its violations falling between the entries of the records they name.
//   Purged records (tombstones) are left out, so a purge still shrinks the vault (migration 8).
// - file_path and resolved_at become generated columns like the others, so the index can hold them.
// - last_verification: the last full `auditdesk verify` (or the app's Verify): when, up to which
//   position, and which chains had a break. A report re-hashes only the records admitted after it,
//   and says so (reports/vault/report-from-vault.ts); restoring an archive, which changes earlier
//   records' content, forgets it (vault/last-verification.ts).
import type { Migration } from './migration';

/** After tenant and seq: the members the report's accumulator reads (shared/reports/report-record.ts). */
const REPORT_INDEX_COLUMNS = [
  'audit_hash', 'ts_utc', 'nullif(timestamp, ts_utc)', 'kind', 'user', 'operation', 'resource_type', 'resource_id',
  'compliance_framework', 'data_classification', 'is_sensitive', 'query_type', 'model_name', 'record_count',
  'export_type', 'violation_type', 'severity', 'status', 'file_path', 'resolved_at',
] as const;

export const reportIndex: Migration = {
  version: 9,
  name: 'an index of the members a report counts; the last full verification',
  up: `
    ALTER TABLE records ADD COLUMN file_path GENERATED ALWAYS AS (json_extract(canonical, '$.file_path')) VIRTUAL;
    ALTER TABLE records ADD COLUMN resolved_at GENERATED ALWAYS AS (json_extract(canonical, '$.resolved_at')) VIRTUAL;
    CREATE INDEX records_report ON records(tenant, seq, ${REPORT_INDEX_COLUMNS.join(', ')}) WHERE purged_at IS NULL;
    CREATE TABLE last_verification (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      verified_at TEXT NOT NULL,          -- when that verify started
      through_pos INTEGER NOT NULL,       -- every record with pos <= this was re-hashed and linked
      broken_tenants TEXT NOT NULL        -- JSON array of the tenants whose chain had a break
    );`,
};
