// The tombstone a purged record leaves in the vault (issue 6): {"id","seq","tenant"} (RFC 8785). It
// keeps exactly the members the (tenant, id) and (tenant, seq) indexes need: its place in the chain
// and the id a re-import or a restore is matched by. Nothing of the content, not even the time or the
// kind (every byte of a tombstone is paid a million times at 1M records, and each index over content
// would keep an entry per tombstone; the time is in the archive and in the chain's PURGE note's seq
// range). Its audit_hash stays the hash of the original record, records.leaf_hash keeps the
// original's ledger leaf hash, and records.purged_at marks the row as purged.
// Tombstones written before also kept "kind" and said "purged": true, and those of migration 0004 kept
// prev_hash as well. The marker repeats purged_at, which is what verify goes by; kind only put
// tombstones back into filters by kind, when every other content filter leaves them out; prev_hash was
// never hashed, so it could not show a changed predecessor (that record's own hash and leaf hash do).
// Verify accepts all three forms.
import { canonicalJson, type JsonObject } from '../../../shared/canonical-json';

const KEPT = ['id', 'tenant', 'seq'] as const;
/** The members of a tombstone, sorted: as written now, as written before, and as migration 0004 wrote them. */
const TOMBSTONE_KEYS = new Set(
  [[...KEPT], [...KEPT, 'kind', 'purged'], [...KEPT, 'kind', 'prev_hash', 'purged']].map((keys) => keys.sort().join(',')),
);

export function tombstoneOf(canonical: string): string {
  return tombstoneFrom(JSON.parse(canonical) as JsonObject);
}

/**
 * The tombstone from the kept members alone (the purge passes the record's generated columns, so
 * the content is never parsed in JavaScript). A member that is absent (or null, as SQL gives it)
 * is left out.
 */
export function tombstoneFrom(members: Partial<Record<(typeof KEPT)[number], unknown>>): string {
  const kept: JsonObject = {};
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
  if ('purged' in record && record.purged !== true) return false;
  const keys = Object.keys(record).sort();
  return TOMBSTONE_KEYS.has(keys.join(',')) && canonicalJson(record) === canonical;
}
