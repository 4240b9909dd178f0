// The vault's tables as drizzle-orm sees them, for typed queries. The SQL of record is the numbered
// migrations (vault/migrations/); tests/integration/vault-schema.test.ts checks that every table and
// column here exists in a freshly migrated vault, so the two cannot drift apart unnoticed.
// The hot paths (admission, verify) use prepared statements directly: they run a million times.
import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Records: `canonical` and `audit_hash` are stored; the other columns are generated projections. */
export const records = sqliteTable('records', {
  pos: integer('pos').primaryKey(),
  canonical: text('canonical').notNull(),
  auditHash: text('audit_hash').notNull(),
  admittedAt: text('admitted_at').notNull(),
  importId: integer('import_id'),
  apiKeyId: integer('api_key_id'),
  id: text('id'),
  kind: text('kind'),
  tenant: text('tenant'),
  seq: integer('seq'),
  prevHash: text('prev_hash'),
  user: text('user'),
  timestamp: text('timestamp'),
  tsUtc: text('ts_utc'),
  operation: text('operation'),
  resourceType: text('resource_type'),
  resourceId: text('resource_id'),
  purgedAt: text('purged_at'),
  leafHash: blob('leaf_hash'),
});

export const tenants = sqliteTable('tenants', {
  tenant: text('tenant').primaryKey(),
  firstSeen: text('first_seen').notNull(),
});

export const chainHeads = sqliteTable('chain_heads', {
  tenant: text('tenant').primaryKey(),
  seq: integer('seq').notNull(),
  hash: text('hash').notNull(),
});

export const imports = sqliteTable('imports', {
  id: integer('id').primaryKey(),
  fileName: text('file_name').notNull(),
  fileSize: integer('file_size').notNull(),
  sha256: text('sha256').notNull(),
  format: text('format').notNull(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at').notNull(),
  imported: integer('imported').notNull(),
  duplicates: integer('duplicates').notNull(),
  conflicts: integer('conflicts').notNull(),
});

export const conflicts = sqliteTable('conflicts', {
  id: integer('id').primaryKey(),
  tenant: text('tenant').notNull(),
  recordId: text('record_id').notNull(),
  reason: text('reason').notNull(),
  received: text('received').notNull(),
  importId: integer('import_id'),
  line: integer('line'),
  at: text('at').notNull(),
});

/** Values are JSON text. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const apiKeys = sqliteTable('api_keys', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  keyHash: text('key_hash').notNull(),
  createdAt: text('created_at').notNull(),
  revokedAt: text('revoked_at'),
  lastUsedAt: text('last_used_at'),
});

export const checkpoints = sqliteTable('checkpoints', {
  id: integer('id').primaryKey(),
  size: integer('size').notNull(),
  root: text('root').notNull(),
  note: text('note').notNull(),
  reason: text('reason').notNull(),
  createdAt: text('created_at').notNull(),
});

export const SCHEMA = { records, tenants, chainHeads, imports, conflicts, settings, apiKeys, checkpoints };
