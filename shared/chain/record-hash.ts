// CONTRACT §2: audit_hash = SHA-256 of the JCS form of the record without its audit_hash member.
import { canonicalJson, type JsonObject } from '../canonical-json';
import type { Sha256Port } from '../hash';

/** The canonical bytes that are hashed: the record minus `audit_hash`, in RFC 8785 form. */
export function hashedForm(record: JsonObject): string {
  if (!('audit_hash' in record)) return canonicalJson(record);
  const { audit_hash: _omit, ...rest } = record;
  return canonicalJson(rest);
}

export function computeAuditHash(record: JsonObject, sha: Sha256Port): string {
  return sha.hexOfText(hashedForm(record));
}
