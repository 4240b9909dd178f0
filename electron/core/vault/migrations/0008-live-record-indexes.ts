// Migration 8: the indexes over a record's content leave purged records out (issue 6), so a purge
// shrinks the vault to its tombstones. A tombstone (retention/tombstone.ts) keeps no time, user,
// operation or resource, yet each of these indexes kept an entry for it with NULL keys: 93 MB of a
// fully purged 1M-record vault of 415 MB. Same names, same columns; only the WHERE is new.
// - The time indexes hold the records not purged (purged_at IS NULL): the Trail and the API list
//   live records newest first by walking them, so those queries say `purged_at IS NULL`
//   (queries/trail-where.ts, collector/reads/log-queries.ts); a live record whose timestamp SQLite
//   cannot read (ts_utc NULL) stays in them, last in time order as before.
// - The others leave out rows without their leading value: every query that uses one compares that
//   column (user = ?, operation = ?, resource_type > ?), which SQLite takes as proof the value is not
//   NULL, so those queries need no change. Records of other kinds than `log`, which have no operation
//   or resource, leave them too.
// - records_violations, used only by the API's count of logs, leaves purged records out as that count
//   now does.
// records_parent and records_archived leave tombstones out already; (tenant, id) and (tenant, seq)
// keep every tombstone: re-imports and the chains need them.
// Also (detection, issue 6): violation_links loses its index by violation, which nothing reads now.
import type { Migration } from './migration';

const INDEXES: Array<[name: string, columns: string, where: string]> = [
  ['records_time', 'ts_utc', 'purged_at IS NULL'],
  ['records_tenant_time', 'tenant, ts_utc', 'purged_at IS NULL'],
  ['records_user_time', 'user, ts_utc', 'user IS NOT NULL'],
  ['records_operation', 'operation, ts_utc', 'operation IS NOT NULL'],
  ['records_tenant_operation', 'tenant, operation', 'operation IS NOT NULL'],
  ['records_resource', 'resource_type, resource_id', 'resource_type IS NOT NULL'],
  ['records_resource_type_time', 'resource_type, ts_utc', 'resource_type IS NOT NULL'],
  // Only the API's count of logs uses it (kind <> 'log'), now that count leaves purged records out.
  ['records_violations', 'kind, status, severity, violation_type', "kind <> 'log' AND purged_at IS NULL"],
];

export const liveRecordIndexes: Migration = {
  version: 8,
  name: 'content indexes without purged records; no index of detection links by violation',
  up: `${INDEXES.map(([name, columns, where]) => `DROP INDEX ${name}; CREATE INDEX ${name} ON records(${columns}) WHERE ${where};`).join('\n')}
    -- The case view finds a violation's records by the ids its details name (detection names every
    -- record it links), so nothing looks links up by violation. The index cost a first detection run
    -- over 1M records 37 MB of pages written (for 307,000 links) and half a second.
    DROP INDEX violation_links_violation;
    -- The collector counts live records as max(pos) until some record is purged (retention/purge.ts
    -- marks it from now on; a vault purged before this version is marked here, once).
    INSERT INTO settings(key, value) SELECT 'records_purged', 'true' WHERE EXISTS (SELECT 1 FROM records WHERE purged_at IS NOT NULL);`,
};
