// A consistency proof file (issue 4): two signed checkpoints of one log and the RFC 9162 consistency
// proof between them, so anyone holding the log's public key can check offline that the newer tree
// extends the older one (nothing logged before was changed, removed or reordered). One JSON object
// (docs/ledger-formats.md §9):
//   {"format":"auditdesk.consistency-proof@v1","old":"<signed note>","new":"<signed note>","proof":["<base64>",…]}
import { fromBase64, toBase64 } from './encoding';
import { verifyCheckpoint, verifyCheckpointConsistency, type Checkpoint, type TrustedKeys } from './checkpoint';
import { defaultMerkleHasher, type MerkleHasher } from './merkle-hasher';

export const CONSISTENCY_PROOF_FORMAT = 'auditdesk.consistency-proof@v1';

export function formatConsistencyFile(oldCheckpoint: string, newCheckpoint: string, proof: readonly Uint8Array[]): string {
  return `${JSON.stringify({ format: CONSISTENCY_PROOF_FORMAT, old: oldCheckpoint, new: newCheckpoint, proof: proof.map(toBase64) })}\n`;
}

export type ConsistencyFileResult =
  | { ok: true; old: Checkpoint; new: Checkpoint }
  | { ok: false; stage: 'format' | 'checkpoint' | 'consistency'; reason: string };

/** Checks both checkpoints' signatures with the trusted keys, then the proof between them. */
export function verifyConsistencyFile(
  text: string,
  keys: TrustedKeys,
  hasher: MerkleHasher = defaultMerkleHasher,
): ConsistencyFileResult {
  let json: { format?: unknown; old?: unknown; new?: unknown; proof?: unknown };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    return { ok: false, stage: 'format', reason: 'the file is not JSON' };
  }
  if (json.format !== CONSISTENCY_PROOF_FORMAT) return { ok: false, stage: 'format', reason: `not a "${CONSISTENCY_PROOF_FORMAT}" file` };
  if (typeof json.old !== 'string' || typeof json.new !== 'string' || !Array.isArray(json.proof)) {
    return { ok: false, stage: 'format', reason: 'the file needs "old" and "new" checkpoints and a "proof" list' };
  }
  const proof = json.proof.map((p) => (typeof p === 'string' ? fromBase64(p) : undefined));
  const bad = proof.findIndex((p) => p === undefined);
  if (bad >= 0) return { ok: false, stage: 'format', reason: `proof hash ${bad} is not base64` };
  const older = verifyCheckpoint(json.old, keys);
  if (!older.ok) return { ok: false, stage: 'checkpoint', reason: `the old checkpoint is refused: ${older.reason}` };
  const newer = verifyCheckpoint(json.new, keys);
  if (!newer.ok) return { ok: false, stage: 'checkpoint', reason: `the new checkpoint is refused: ${newer.reason}` };
  if (older.checkpoint.size > newer.checkpoint.size) {
    return { ok: false, stage: 'consistency', reason: `the log shrank: the old checkpoint has ${older.checkpoint.size} entries, the new one ${newer.checkpoint.size}` };
  }
  const consistent = verifyCheckpointConsistency(older.checkpoint, newer.checkpoint, proof as Uint8Array[], hasher);
  if (!consistent.ok) return { ok: false, stage: 'consistency', reason: consistent.reason };
  return { ok: true, old: older.checkpoint, new: newer.checkpoint };
}
