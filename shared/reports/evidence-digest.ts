// The digest of the records a report counted (see EvidenceHashesSchema): SHA-256 over each
// audit_hash, lowercase hex, followed by "\n", sorted bytewise. This in-memory form serves small
// record sets (samples, tests); the engine streams the same text out of the vault in SQL order.
import type { Sha256Port } from '../hash';
import type { EvidenceHashes } from './report-model';

export const EVIDENCE_DIGEST_OF =
  'SHA-256 of the audit_hash (lowercase hex) of every record counted, each followed by "\\n", sorted bytewise ' +
  '(LC_ALL=C sort); recompute from an export with: jq -r .audit_hash FILE.ndjson | LC_ALL=C sort | sha256sum';

/** Bytewise order of ASCII hex strings is plain string order. */
export function evidenceDigestOf(auditHashes: string[], sha: Sha256Port): EvidenceHashes {
  const sorted = auditHashes.map((h) => h.toLowerCase()).sort();
  return {
    algorithm: 'sha256',
    of: EVIDENCE_DIGEST_OF,
    count: sorted.length,
    digest: sha.hexOfText(sorted.map((h) => `${h}\n`).join('')),
  };
}
