// Collector API keys (CONTRACT §3 `auditdesk keys`, §4). A key is shown once, when created; the vault
// keeps only its SHA-256 and a short prefix to recognise it in lists. A revoked key stays listed (records
// still name it through records.api_key_id) but no longer authenticates. Creating and revoking a key
// decides who may write records, so each is itself a record in the vault's own chain (kind log,
// resource_type `api_key`, in auditdesk:system), written in the same transaction as the change.
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { UserError } from '../errors';
import { noteActions } from '../retention/actions-log';

/** Keys start with this, so that secret scanners and people recognise them. */
export const KEY_PREFIX = 'adk_';
const PREFIX_SHOWN = KEY_PREFIX.length + 6;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export interface ApiKeyInfo {
  id: number;
  name: string;
  /** The first characters of the key, e.g. `adk_3fQx9a`. */
  prefix: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface CreatedKey extends ApiKeyInfo {
  /** The key itself: shown once, never stored. */
  key: string;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function createApiKey(db: Database.Database, name: string, by: string, now = new Date()): CreatedKey {
  if (!NAME.test(name)) {
    throw new UserError(`key name ${JSON.stringify(name)}: use 1-64 letters, digits, '.', '_', '@' or '-'`);
  }
  if (db.prepare('SELECT 1 FROM api_keys WHERE name = ?').get(name)) {
    throw new UserError(`a key named ${JSON.stringify(name)} already exists (revoked keys keep their name)`);
  }
  // 32 random bytes: guessing is hopeless, so a plain SHA-256 (no slow KDF) is the right way to store it.
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const created_at = now.toISOString();
  const prefix = key.slice(0, PREFIX_SHOWN);
  return db.transaction(() => {
    const id = Number(
      db.prepare('INSERT INTO api_keys(name, prefix, key_hash, created_at) VALUES (?, ?, ?, ?)')
        .run(name, prefix, hashKey(key), created_at).lastInsertRowid,
    );
    // The name and the prefix, never the key or its hash.
    noteActions(db, [{ tenant: null, user: by, operation: 'CREATE', resource_type: 'api_key', resource_id: String(id), resource_name: `API key ${name}`, new_data: { name, prefix, created_at } }]);
    return { id, name, prefix, created_at, revoked_at: null, last_used_at: null, key };
  })();
}

export function listApiKeys(db: Database.Database): ApiKeyInfo[] {
  return db.prepare('SELECT id, name, prefix, created_at, revoked_at, last_used_at FROM api_keys ORDER BY id').all() as ApiKeyInfo[];
}

/** Revokes the key named `nameOrId` (its name, or its numeric id). Revoking twice is harmless (and noted once). */
export function revokeApiKey(db: Database.Database, nameOrId: string, by: string, now = new Date()): ApiKeyInfo {
  const found = findKey(db, nameOrId);
  if (!found) throw new UserError(`no API key named ${JSON.stringify(nameOrId)}`);
  if (!found.revoked_at) {
    const revoked_at = now.toISOString();
    db.transaction(() => {
      db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ?').run(revoked_at, found.id);
      noteActions(db, [{
        tenant: null, user: by, operation: 'UPDATE', resource_type: 'api_key', resource_id: String(found.id), resource_name: `API key ${found.name}`,
        old_data: { name: found.name, revoked_at: null }, new_data: { name: found.name, revoked_at },
      }]);
    })();
  }
  return findKey(db, String(found.id))!;
}

/** The active (not revoked) key that `key` is, or null. */
export function authenticateApiKey(db: Database.Database, key: string): { id: number; name: string } | null {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const row = db.prepare('SELECT id, name FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL').get(hashKey(key)) as
    | { id: number; name: string }
    | undefined;
  return row ?? null;
}

export function touchApiKey(db: Database.Database, id: number, now = new Date()): void {
  db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(now.toISOString(), id);
}

function findKey(db: Database.Database, nameOrId: string): ApiKeyInfo | undefined {
  const byName = db.prepare('SELECT id, name, prefix, created_at, revoked_at, last_used_at FROM api_keys WHERE name = ?');
  const byId = db.prepare('SELECT id, name, prefix, created_at, revoked_at, last_used_at FROM api_keys WHERE id = ?');
  return (byName.get(nameOrId) ?? (/^\d+$/.test(nameOrId) ? byId.get(Number(nameOrId)) : undefined)) as ApiKeyInfo | undefined;
}
