// c2sp.org/tlog-proof@v1: an offline proof that one entry is in a log, as one text file:
//   c2sp.org/tlog-proof@v1
//   extra <base64 extra data>          (optional; AuditDesk puts the record's leaf bytes here)
//   index <zero-based leaf index>
//   <base64 inclusion proof hash>      (zero or more, leaf side first)
//                                      (empty line)
//   <signed checkpoint, verbatim>
// Extra data is not authenticated by itself; it becomes trustworthy only because its leaf hash is
// proven included under a checkpoint signed by a trusted key, which is what verifyProofFile checks.
import { fromBase64, fromUtf8, parseDecimal, toBase64 } from './encoding';
import { verifyCheckpoint, type Checkpoint, type TrustedKeys } from './checkpoint';
import { LedgerFormatError } from './ledger-errors';
import { defaultMerkleHasher, HASH_SIZE, type MerkleHasher } from './merkle-hasher';
import { verifyInclusion } from './merkle-verify';
import type { NoteSignature } from './signed-note';
import { isTreeSize } from './tree-math';

export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';
/** A tree of at most 2^64 leaves has at most 64 proof hashes. */
const MAX_PROOF_HASHES = 64;

export interface TlogProof {
  index: number;
  /** Inclusion proof hashes, leaf side first (RFC 6962 §2.1.1 audit path). */
  hashes: Uint8Array[];
  /** The signed checkpoint note, verbatim (ends with "\n"). */
  checkpoint: string;
  extra?: Uint8Array;
}

export function formatProofFile(proof: TlogProof): string {
  if (!isTreeSize(proof.index)) throw new LedgerFormatError(`tlog-proof: index ${String(proof.index)} is not a non-negative safe integer`);
  proof.hashes.forEach((h, i) => {
    if (h.length !== HASH_SIZE) throw new LedgerFormatError(`tlog-proof: proof hash ${i} is ${h.length} bytes, not 32`);
  });
  if (!proof.checkpoint.endsWith('\n')) throw new LedgerFormatError('tlog-proof: checkpoint must end with a newline');
  const lines = [TLOG_PROOF_HEADER];
  if (proof.extra !== undefined) lines.push(`extra ${toBase64(proof.extra)}`);
  lines.push(`index ${proof.index}`, ...proof.hashes.map(toBase64), '');
  return lines.join('\n') + '\n' + proof.checkpoint;
}

/** Parses a proof file; throws LedgerFormatError naming the line that is wrong. */
export function parseProofFile(file: string | Uint8Array): TlogProof {
  const text = typeof file === 'string' ? file : fromUtf8(file);
  if (text === undefined) throw new LedgerFormatError('tlog-proof: file is not valid UTF-8');
  if (text.includes('\r')) throw new LedgerFormatError('tlog-proof: file contains carriage returns; lines must end with "\\n" only');
  let at = 0;
  let lineNo = 0;
  const nextLine = (): string => {
    const end = text.indexOf('\n', at);
    if (end < 0) throw new LedgerFormatError(`tlog-proof: file ends inside line ${lineNo + 1}, before the checkpoint`);
    const line = text.slice(at, end);
    at = end + 1;
    lineNo++;
    return line;
  };
  const header = nextLine();
  if (header !== TLOG_PROOF_HEADER) throw new LedgerFormatError(`tlog-proof: first line is not "${TLOG_PROOF_HEADER}"`);
  let line = nextLine();
  let extra: Uint8Array | undefined;
  if (line.startsWith('extra ')) {
    extra = fromBase64(line.slice('extra '.length));
    if (!extra) throw new LedgerFormatError(`tlog-proof: line ${lineNo}: extra data is not valid base64`);
    line = nextLine();
  }
  if (!line.startsWith('index ')) throw new LedgerFormatError(`tlog-proof: line ${lineNo}: expected "index N"`);
  const index = parseDecimal(line.slice('index '.length));
  if (index === undefined) throw new LedgerFormatError(`tlog-proof: line ${lineNo}: index is not a decimal without leading zeroes`);
  const hashes: Uint8Array[] = [];
  for (line = nextLine(); line !== ''; line = nextLine()) {
    const hash = fromBase64(line);
    if (!hash || hash.length !== HASH_SIZE) throw new LedgerFormatError(`tlog-proof: line ${lineNo}: not a base64 SHA-256 hash`);
    if (hashes.length === MAX_PROOF_HASHES) throw new LedgerFormatError(`tlog-proof: more than ${MAX_PROOF_HASHES} proof hashes`);
    hashes.push(hash);
  }
  const checkpoint = text.slice(at);
  if (checkpoint === '') throw new LedgerFormatError('tlog-proof: no checkpoint after the empty line');
  return extra === undefined ? { index, hashes, checkpoint } : { index, hashes, checkpoint, extra };
}

export interface ProofFileVerifyOptions {
  /** The leaf hash to check, when the caller has the hash rather than the bytes. */
  leafHash?: Uint8Array;
  /** When given, the checkpoint's origin must be exactly this. */
  origin?: string;
  hasher?: MerkleHasher;
}

export type ProofFileResult =
  | {
      ok: true;
      index: number;
      checkpoint: Checkpoint;
      leafHash: Uint8Array;
      /** Where the checked leaf came from: the caller, or the proof's extra data. */
      leafFrom: 'leafHash' | 'leafBytes' | 'extra';
      /** The proof's extra data (for AuditDesk proofs, the record's canonical bytes). */
      extra?: Uint8Array;
      verifiedBy: NoteSignature[];
    }
  | { ok: false; stage: 'format' | 'checkpoint' | 'leaf' | 'inclusion'; reason: string };

/**
 * Checks a tlog-proof file offline: the checkpoint is signed by a trusted key, and the leaf is
 * included at `index` under the checkpoint's root. The leaf is, in order of preference,
 * options.leafHash, the hash of `leafBytes`, or the hash of the proof's extra data.
 */
export function verifyProofFile(
  file: string | Uint8Array,
  keys: TrustedKeys,
  leafBytes?: Uint8Array,
  options: ProofFileVerifyOptions = {},
): ProofFileResult {
  const hasher = options.hasher ?? defaultMerkleHasher;
  let proof: TlogProof;
  try {
    proof = parseProofFile(file);
  } catch (e) {
    return { ok: false, stage: 'format', reason: (e as Error).message };
  }
  const signed = verifyCheckpoint(proof.checkpoint, keys, options.origin === undefined ? {} : { origin: options.origin });
  if (!signed.ok) return { ok: false, stage: 'checkpoint', reason: signed.reason };
  const { checkpoint } = signed;

  let leafHash: Uint8Array;
  let leafFrom: 'leafHash' | 'leafBytes' | 'extra';
  if (options.leafHash) {
    [leafHash, leafFrom] = [options.leafHash, 'leafHash'];
  } else if (leafBytes) {
    [leafHash, leafFrom] = [hasher.hashLeaf(leafBytes), 'leafBytes'];
  } else if (proof.extra) {
    [leafHash, leafFrom] = [hasher.hashLeaf(proof.extra), 'extra'];
  } else {
    return { ok: false, stage: 'leaf', reason: 'no leaf to check: give the leaf bytes, or use a proof carrying them as extra data' };
  }

  const included = verifyInclusion(proof.index, checkpoint.size, leafHash, proof.hashes, checkpoint.rootHash, hasher);
  if (!included.ok) {
    return { ok: false, stage: 'inclusion', reason: `entry ${proof.index} is not proven in the log of size ${checkpoint.size}: ${included.reason}` };
  }
  const result: ProofFileResult = { ok: true, index: proof.index, checkpoint, leafHash, leafFrom, verifiedBy: signed.verifiedBy };
  return proof.extra ? { ...result, extra: proof.extra } : result;
}
