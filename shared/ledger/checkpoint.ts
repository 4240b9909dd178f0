// c2sp.org/tlog-checkpoint: the signed tree head. Its note text is
//   <origin>\n<tree size, decimal, no leading zeroes>\n<base64 root hash>\n[<extension line>\n]…
// signed as a c2sp.org/signed-note by the log's key (AuditDesk uses the origin as the key name).
import { equalBytes, fromBase64, parseDecimal, toBase64 } from './encoding';
import { failed, LedgerFormatError, type Verified } from './ledger-errors';
import { defaultMerkleHasher, HASH_SIZE, type MerkleHasher } from './merkle-hasher';
import { verifyConsistency } from './merkle-verify';
import { parseVerifierKey, type NoteSigner, type NoteVerifier } from './note-keys';
import { openNote, signNote, type NoteSignature } from './signed-note';
import { isTreeSize } from './tree-math';

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  /** Optional extension lines (without their newline); NOT RECOMMENDED by the spec, kept verbatim. */
  extensions?: string[];
}

/** Parses a checkpoint's note text (not the signatures); throws LedgerFormatError naming the problem. */
export function parseCheckpointBody(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw new LedgerFormatError('checkpoint: text does not end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new LedgerFormatError(`checkpoint: needs origin, size and root lines, got ${lines.length} line(s)`);
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin === '') throw new LedgerFormatError('checkpoint: origin line is empty');
  const size = parseDecimal(sizeText);
  if (size === undefined) throw new LedgerFormatError(`checkpoint: size "${sizeText}" is not a decimal without leading zeroes`);
  const rootHash = fromBase64(rootText);
  if (!rootHash) throw new LedgerFormatError('checkpoint: root hash line is not valid base64');
  if (rootHash.length !== HASH_SIZE) throw new LedgerFormatError(`checkpoint: root hash is ${rootHash.length} bytes, not 32`);
  const emptyExt = extensions.findIndex((e) => e === '');
  if (emptyExt >= 0) throw new LedgerFormatError(`checkpoint: extension line ${emptyExt + 1} is empty`);
  return extensions.length > 0 ? { origin, size, rootHash, extensions } : { origin, size, rootHash };
}

export function formatCheckpointBody(cp: Checkpoint): string {
  if (cp.origin === '' || cp.origin.includes('\n')) throw new LedgerFormatError('checkpoint: origin must be one non-empty line');
  if (!isTreeSize(cp.size)) throw new LedgerFormatError(`checkpoint: size ${String(cp.size)} is not a non-negative safe integer`);
  if (cp.rootHash.length !== HASH_SIZE) throw new LedgerFormatError(`checkpoint: root hash is ${cp.rootHash.length} bytes, not 32`);
  const ext = cp.extensions ?? [];
  if (ext.some((e) => e === '' || e.includes('\n'))) throw new LedgerFormatError('checkpoint: extension lines must be non-empty single lines');
  return [cp.origin, String(cp.size), toBase64(cp.rootHash), ...ext].map((l) => l + '\n').join('');
}

/** The signed checkpoint note (text, blank line, signature lines). */
export function signCheckpoint(cp: Checkpoint, signer: NoteSigner, keep: readonly NoteSignature[] = []): string {
  return signNote(formatCheckpointBody(cp), [signer], keep);
}

/** Trusted keys: vkey strings (`name+keyid+base64`) or verifier objects. */
export type TrustedKeys = string | NoteVerifier | readonly (string | NoteVerifier)[];

/** Turns TrustedKeys into verifiers; throws LedgerFormatError for a malformed vkey. */
export function toVerifiers(keys: TrustedKeys): NoteVerifier[] {
  const list = typeof keys === 'string' || !Array.isArray(keys) ? [keys as string | NoteVerifier] : (keys as (string | NoteVerifier)[]);
  return list.map((k) => (typeof k === 'string' ? parseVerifierKey(k) : k));
}

export interface CheckpointVerifyOptions {
  /** When given, the checkpoint's origin must be exactly this. */
  origin?: string;
}

/**
 * Checks a signed checkpoint: a trusted key's signature, then the body's format (and origin, if
 * expected). Returns the checkpoint and the signatures that verified, or the reason it failed.
 */
export function verifyCheckpoint(
  signedCheckpoint: string | Uint8Array,
  keys: TrustedKeys,
  options: CheckpointVerifyOptions = {},
): Verified<{ checkpoint: Checkpoint; verifiedBy: NoteSignature[] }> {
  let verifiers: NoteVerifier[];
  try {
    verifiers = toVerifiers(keys);
  } catch (e) {
    return failed((e as Error).message);
  }
  const opened = openNote(signedCheckpoint, verifiers);
  if (!opened.ok) return opened;
  let checkpoint: Checkpoint;
  try {
    checkpoint = parseCheckpointBody(opened.note.text);
  } catch (e) {
    return failed((e as Error).message);
  }
  if (options.origin !== undefined && checkpoint.origin !== options.origin) {
    return failed(`checkpoint: origin "${checkpoint.origin}" is not the expected "${options.origin}"`);
  }
  return { ok: true, checkpoint, verifiedBy: opened.verifiedBy };
}

/**
 * Is `newer` a consistent extension of `older` (same origin, RFC 9162 consistency proof)? Unlike
 * verifyConsistency this accepts an empty older checkpoint, provided its root is the empty-tree root,
 * since every log extends its empty beginning.
 */
export function verifyCheckpointConsistency(
  older: Checkpoint,
  newer: Checkpoint,
  proof: readonly Uint8Array[],
  hasher: MerkleHasher = defaultMerkleHasher,
): Verified {
  if (older.origin !== newer.origin) return failed(`checkpoints are from different logs ("${older.origin}" and "${newer.origin}")`);
  if (older.size === 0) {
    if (!equalBytes(older.rootHash, hasher.emptyRoot())) return failed('the empty checkpoint does not carry the empty-tree root');
    if (proof.length > 0) return failed('a proof from the empty tree must be empty');
    return newer.size === 0 && !equalBytes(newer.rootHash, older.rootHash)
      ? failed('two empty checkpoints with different roots')
      : { ok: true };
  }
  return verifyConsistency(older.size, newer.size, proof, older.rootHash, newer.rootHash, hasher);
}
