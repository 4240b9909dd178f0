// The audit_hash check without re-canonicalising, when the record's own bytes allow it. A record as
// AuditDesk exports it is `{"audit_hash":"H",` followed by the rest of the canonical text that was
// hashed. If those remaining bytes hash to H they ARE the canonical form (anything else would be a
// SHA-256 collision), so the check is one hash; if they do not, we canonicalise properly and decide.
import { hash } from 'node:crypto';
import type { JsonObject } from '../../shared/canonical-json';
import { hashedForm } from '../../shared/chain/record-hash';

const PREFIX = '{"audit_hash":"';
// One-shot hashing: for records of a few hundred bytes the Hash object costs more than the hashing.
const sha256Hex = (text: string) => hash('sha256', text, 'hex');

/** SHA-256 (hex) of the record's hashed form: its canonical text without audit_hash. */
export function recomputeAuditHash(line: string, record: JsonObject): string {
  const claimed = record.audit_hash;
  if (typeof claimed === 'string' && line.startsWith(PREFIX) && line.startsWith(`${claimed}",`, PREFIX.length)) {
    const rest = line.slice(PREFIX.length + claimed.length + 2).trimEnd();
    const fast = sha256Hex(`{${rest}`);
    if (fast === claimed) return fast;
  }
  return sha256Hex(hashedForm(record));
}
