// The integrity ledger: an RFC 9162 Merkle log over the vault's records, c2sp.org signed notes and
// checkpoints, and c2sp.org/tlog-proof files. Pure code (no node:*, no I/O); the vault persists the
// CompactRange state and a NodeStore, and signs checkpoints with a key kept outside its tables.
// Formats are documented for third parties in docs/ledger-formats.md.
export { toBase64, fromBase64, equalBytes } from './encoding';
export { LedgerFormatError, type Verified } from './ledger-errors';
export {
  HASH_SIZE,
  EMPTY_ROOT,
  defaultMerkleHasher,
  merkleHasherFrom,
  leafHash,
  nodeHash,
  type MerkleHasher,
  type Sha256Parts,
} from './merkle-hasher';
export { CompactRange, type CompactRangeJson } from './compact-range';
export { MemoryNodeStore, type NodeStore } from './node-store';
export {
  rootFromLeafHashes,
  rootFromLeaves,
  rootFromLeafHashesAsync,
  rootFromLeavesAsync,
  type TreeHead,
} from './streaming-root';
export { rootAtSize, inclusionProof, consistencyProof } from './merkle-proofs';
export { verifyInclusion, verifyConsistency, rootFromInclusionProof } from './merkle-verify';
export {
  ED25519_SIGNATURE_TYPE,
  noteKeyId,
  formatKeyId,
  isValidKeyName,
  formatVerifierKey,
  parseVerifierKey,
  formatSignerKey,
  parseSignerKey,
  ed25519Verifier,
  ed25519Signer,
  generateNoteKey,
  type NoteVerifier,
  type NoteSigner,
  type Ed25519NoteVerifier,
  type Ed25519NoteSigner,
} from './note-keys';
export { parseNote, formatNote, signNote, openNote, MAX_NOTE_SIGNATURES, type Note, type NoteSignature } from './signed-note';
export {
  parseCheckpointBody,
  formatCheckpointBody,
  signCheckpoint,
  verifyCheckpoint,
  verifyCheckpointConsistency,
  toVerifiers,
  type Checkpoint,
  type TrustedKeys,
  type CheckpointVerifyOptions,
} from './checkpoint';
export {
  TLOG_PROOF_HEADER,
  formatProofFile,
  parseProofFile,
  verifyProofFile,
  type TlogProof,
  type ProofFileResult,
  type ProofFileVerifyOptions,
} from './tlog-proof';
export { buildProofFile } from './proof-file-builder';
export {
  EXPORT_PROOFS_FORMAT,
  ExportProofChecker,
  exportLineLeaf,
  formatExportProofEntry,
  formatExportProofsHeader,
  type ExportProofEntry,
  type ExportLineResult,
} from './export-proofs';
export {
  CONSISTENCY_PROOF_FORMAT,
  formatConsistencyFile,
  verifyConsistencyFile,
  type ConsistencyFileResult,
} from './consistency-file';
