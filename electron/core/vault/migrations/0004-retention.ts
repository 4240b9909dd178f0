// Migration 4: violation cases and detection (issue 6), legal holds, archives and purge tombstones.
//
// Purge keeps a record's row but replaces its canonical text with a tombstone (id, kind, tenant, seq,
// prev_hash, "purged": true), so the generated columns, the (tenant, seq) index and the
// chain links still work. Two columns keep what the content can no longer give:
// - leaf_hash: the record's ledger leaf hash (SHA-256(0x00 ‖ original canonical)), so the Merkle tree
//   and every signed checkpoint still verify;
// - purged_at: when, which tells verify not to re-hash the tombstone (its audit_hash stays as it was).
// archive_id names the archive file a record was written to (records stay in the vault once archived).
import type { Migration } from './migration';

export const retention: Migration = {
  version: 4,
  name: 'violation cases, legal holds, archives and purge tombstones',
  up: `
    ALTER TABLE records ADD COLUMN purged_at TEXT;
    ALTER TABLE records ADD COLUMN leaf_hash BLOB;
    ALTER TABLE records ADD COLUMN archive_id INTEGER;
    CREATE INDEX records_archived ON records(archive_id) WHERE archive_id IS NOT NULL;

    -- Legal holds: records they cover (every given criterion matches) are never archived or purged while
    -- released_at is null. Each change is also a record in the chain (resource_type legal_hold).
    CREATE TABLE legal_holds (
      id INTEGER PRIMARY KEY,
      tenant TEXT,
      resource_type TEXT,
      resource_id TEXT,
      user TEXT,
      from_utc TEXT,                      -- inclusive, compared with records.ts_utc
      to_utc TEXT,                        -- exclusive
      reason TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      released_at TEXT,
      released_by TEXT
    );

    CREATE TABLE archives (
      id INTEGER PRIMARY KEY,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL,               -- of the archive file as written
      records INTEGER NOT NULL,
      checkpoint_size INTEGER NOT NULL,
      created_at TEXT NOT NULL
    );

    -- Which records a detected violation covers, per rule: a record already covered is never raised
    -- again by the same rule (the violation ids are deterministic too). Rebuildable from the
    -- violations' details.record_ids.
    CREATE TABLE violation_links (
      rule TEXT NOT NULL,
      record_pos INTEGER NOT NULL,
      violation_tenant TEXT NOT NULL,
      violation_id TEXT NOT NULL,
      PRIMARY KEY (rule, record_pos)
    ) WITHOUT ROWID;
    CREATE INDEX violation_links_violation ON violation_links(violation_tenant, violation_id);

    -- Detection at ingest resumes after the last record it looked at.
    CREATE TABLE detection_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      detected_pos INTEGER NOT NULL
    );
    INSERT INTO detection_state(id, detected_pos) VALUES (1, 0);
  `,
  seed: [
    [
      'detection_rules',
      {
        at_ingest: true,
        UNAUTHORIZED_ACCESS: { enabled: true, severity: 'HIGH' },
        DATA_LEAKAGE: { enabled: true, severity: 'HIGH', threshold: 10000 },
        UNAUTHORIZED_EXPORT: { enabled: true, severity: 'HIGH', threshold: 10000 },
        POLICY_VIOLATION: {
          enabled: true,
          severity: 'MEDIUM',
          classifications: ['RESTRICTED', 'TOP_SECRET'],
          include_sensitive: true,
          business_hours: { start: '08:00', end: '18:00', days: [1, 2, 3, 4, 5], time_zone: 'UTC' },
          max_records_per_violation: 200,
        },
        PRIVILEGE_ESCALATION: {
          enabled: true,
          severity: 'CRITICAL',
          fields: ['role', 'roles', 'permission', 'permissions', 'is_superuser', 'is_staff', 'is_admin', 'groups', 'privileges'],
          resource_types: ['role', 'permission', 'group', 'user_role'],
        },
      },
    ],
  ],
};
