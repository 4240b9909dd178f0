// Builds the tlog-proof file for one leaf against a signed checkpoint, reading the proof from the
// vault's NodeStore at the checkpoint's size, so the proof always matches the checkpoint it embeds.
import { parseCheckpointBody } from './checkpoint';
import { LedgerFormatError } from './ledger-errors';
import { defaultMerkleHasher, type MerkleHasher } from './merkle-hasher';
import { inclusionProof } from './merkle-proofs';
import type { NodeStore } from './node-store';
import { parseNote } from './signed-note';
import { formatProofFile } from './tlog-proof';

export function buildProofFile(args: {
  store: NodeStore;
  index: number;
  /** The signed checkpoint note the proof is for (its size must exceed `index`). */
  signedCheckpoint: string;
  /** Extra data; AuditDesk passes the record's leaf bytes so the file is self-contained. */
  extra?: Uint8Array;
  hasher?: MerkleHasher;
}): string {
  const { size } = parseCheckpointBody(parseNote(args.signedCheckpoint).text);
  if (args.index >= size) throw new LedgerFormatError(`tlog-proof: leaf ${args.index} is not in the checkpoint of size ${size}`);
  const hashes = inclusionProof(args.store, args.index, size, args.hasher ?? defaultMerkleHasher);
  return formatProofFile({ index: args.index, hashes, checkpoint: args.signedCheckpoint, ...(args.extra ? { extra: args.extra } : {}) });
}
