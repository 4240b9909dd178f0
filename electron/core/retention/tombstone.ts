// The tombstone a purged record leaves in the vault (issue 6). It keeps exactly the members the
// generated columns, the (tenant, id) and (tenant, seq) indexes and the chain links need; nothing of
// the content, not even the time (every index over it would keep an entry per tombstone: the purge
// must shrink the vault, and the time is in the archive and in the chain's PURGE note's seq range). Its audit_hash stays the
// hash of the original record, and records.leaf_hash keeps the original's ledger leaf hash.
import { canonicalJson, type JsonObject } from '../../../shared/canonical-json';

const KEPT = ['id', 'kind', 'tenant', 'seq', 'prev_hash'] as const;
const TOMBSTONE_KEYS = [...KEPT, 'purged'].sort().join(',');

export function tombstoneOf(canonical: string): string {
  return tombstoneFrom(JSON.parse(canonical) as JsonObject);
}

/**
 * The tombstone from the kept members alone (the purge passes the record's generated columns, so
 * the content is never parsed in JavaScript). A member that is absent (or null, as SQL gives it)
 * is left out.
 */
export function tombstoneFrom(members: Partial<Record<(typeof KEPT)[number], unknown>>): string {
  const kept: JsonObject = { purged: true };
  for (const key of KEPT) if (members[key] !== undefined && members[key] !== null) kept[key] = members[key] as JsonObject[string];
  return canonicalJson(kept);
}

/**
 * Whether stored text is a tombstone and nothing more. Verify trusts a purged row's audit_hash only
 * if its text is a bare tombstone: a row marked purged but still carrying content (someone editing
 * the vault to pass off altered content as purged) is re-hashed like any record and fails.
 */
export function isTombstone(canonical: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(canonical);
  } catch {
    return false;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as JsonObject;
  if (record.purged !== true) return false;
  const keys = Object.keys(record).sort();
  return keys.join(',') === TOMBSTONE_KEYS && canonicalJson(record) === canonical;
}
