// Migration 1: the first vault schema. Migrations are immutable once released: change the schema with a
// new numbered file, never by editing this one.
import type { Migration } from './migration';

// One table for all four kinds, because one chain spans every kind of a tenant and the ledger (issue 4)
// spans every record in admission order. `canonical` is the exact text that was hashed; every other
// column is a projection of it (generated, so it cannot drift from what was verified).
const column = (name: string, path = name) =>
  `${name} GENERATED ALWAYS AS (json_extract(canonical, '$.${path}')) VIRTUAL`;

const PROJECTIONS = [
  'id', 'kind', 'tenant', 'seq', 'prev_hash', 'user', 'timestamp', 'operation', 'resource_type', 'resource_id',
  'resource_name', 'compliance_framework', 'data_classification', 'is_sensitive', 'request_id', 'session_id',
  'ip_address', 'parent_audit_id', 'query_type', 'export_type', 'model_name', 'record_count', 'violation_type',
  'severity', 'description', 'status',
];

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE records (
      pos INTEGER PRIMARY KEY,            -- admission order, from 1; the ledger's leaf index is pos - 1
      canonical TEXT NOT NULL,            -- RFC 8785 text of the record without audit_hash: what was hashed
      audit_hash TEXT NOT NULL,           -- as assigned by the vault or as received from the producer
      admitted_at TEXT NOT NULL,
      import_id INTEGER,                  -- set when the record came from a file import
      api_key_id INTEGER,                 -- set when the record came through the collector
      ${PROJECTIONS.map((p) => column(p)).join(',\n      ')},
      -- Timestamps arrive with any offset; this UTC form sorts and filters correctly.
      ts_utc TEXT GENERATED ALWAYS AS (strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(canonical, '$.timestamp'))) VIRTUAL
    );
    CREATE UNIQUE INDEX records_tenant_id ON records(tenant, id);
    CREATE UNIQUE INDEX records_tenant_seq ON records(tenant, seq);
    CREATE INDEX records_tenant_time ON records(tenant, ts_utc);
    CREATE INDEX records_time ON records(ts_utc);
    CREATE INDEX records_tenant_operation ON records(tenant, operation);
    CREATE INDEX records_operation ON records(operation, ts_utc);
    CREATE INDEX records_resource ON records(resource_type, resource_id);
    CREATE INDEX records_user ON records(user);
    CREATE INDEX records_violations ON records(kind, status, severity, violation_type) WHERE kind <> 'log';

    CREATE TABLE tenants (
      tenant TEXT PRIMARY KEY,
      first_seen TEXT NOT NULL
    );

    -- The head each tenant's chain must reach: a tail cut off the records table shows as 'truncated'.
    CREATE TABLE chain_heads (
      tenant TEXT PRIMARY KEY REFERENCES tenants(tenant),
      seq INTEGER NOT NULL,
      hash TEXT NOT NULL
    );

    CREATE TABLE imports (
      id INTEGER PRIMARY KEY,
      file_name TEXT NOT NULL,
      file_size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      format TEXT NOT NULL,
      started_at TEXT NOT NULL,
      finished_at TEXT NOT NULL,
      imported INTEGER NOT NULL,
      duplicates INTEGER NOT NULL,
      conflicts INTEGER NOT NULL
    );

    -- Records that reuse a tenant's id (or seq) with different content: kept for review, never merged.
    CREATE TABLE conflicts (
      id INTEGER PRIMARY KEY,
      tenant TEXT NOT NULL,
      record_id TEXT NOT NULL,
      reason TEXT NOT NULL,
      received TEXT NOT NULL,             -- the incoming record as JSON
      import_id INTEGER REFERENCES imports(id),
      line INTEGER,
      at TEXT NOT NULL
    );

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL                 -- JSON
    );

    CREATE VIEW audit_logs AS SELECT pos, audit_hash, ${PROJECTIONS.join(', ')}, json_extract(canonical, '$.old_data') AS old_data, json_extract(canonical, '$.new_data') AS new_data, json_extract(canonical, '$.changed_fields') AS changed_fields, json_extract(canonical, '$.user_agent') AS user_agent FROM records WHERE kind = 'log';
    CREATE VIEW audit_queries AS SELECT pos, audit_hash, id, tenant, seq, prev_hash, user, timestamp, query_type, model_name, json_extract(canonical, '$.filters_applied') AS filters_applied, json_extract(canonical, '$.fields_accessed') AS fields_accessed, record_count, data_classification, is_sensitive FROM records WHERE kind = 'query';
    CREATE VIEW audit_exports AS SELECT pos, audit_hash, id, tenant, seq, prev_hash, user, timestamp, export_type, model_name, json_extract(canonical, '$.filters_applied') AS filters_applied, record_count, json_extract(canonical, '$.file_path') AS file_path, json_extract(canonical, '$.file_size') AS file_size FROM records WHERE kind = 'export';
    CREATE VIEW audit_violations AS SELECT pos, audit_hash, id, tenant, seq, prev_hash, user, timestamp, violation_type, severity, description, json_extract(canonical, '$.details') AS details, status FROM records WHERE kind = 'violation';
  `,
  seed: [
    ['sensitive_fields', ['password', 'ssn', 'credit_card', 'bank_account']],
    ['retention_days', { SOX: 2555, PCI_DSS: 1095, GDPR: 2555, HIPAA: 2555, BASEL_III: 2555, ISO_27001: 1095 }],
    ['archive_after_days', 365],
    ['classification_levels', { PUBLIC: 1, INTERNAL: 2, CONFIDENTIAL: 3, RESTRICTED: 4, TOP_SECRET: 5 }],
  ],
};
