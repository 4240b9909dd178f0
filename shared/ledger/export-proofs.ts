// The proof bundle of an NDJSON export (issue 4): one signed checkpoint, then one inclusion proof per
// exported record, so that each record of a (filtered) export verifies on its own, offline, with only
// the vault's public key. Layout (NDJSON, docs/ledger-formats.md §8):
//   {"format":"auditdesk.export-proofs@v1","checkpoint":"<signed note>"}
//   {"line":L,"audit_hash":"<hex>","index":I,"proof":["<base64>",…]}            one per record
//   {"line":L,"audit_hash":"<hex>","index":I,"proof":[…],"leaf_hash":"<base64>"} a purged record
// A record's entry is found by its audit_hash, not by its line, so removing records from the export
// (or from the bundle) leaves every other record verifiable. Its leaf bytes are its export line
// without the leading audit_hash member: exactly the canonical bytes the vault hashed into the log.
import { fromBase64, toBase64 } from './encoding';
import { verifyCheckpoint, type Checkpoint, type TrustedKeys } from './checkpoint';
import { defaultMerkleHasher, type MerkleHasher } from './merkle-hasher';
import { verifyInclusion } from './merkle-verify';

export const EXPORT_PROOFS_FORMAT = 'auditdesk.export-proofs@v1';

export interface ExportProofEntry {
  /** The record's line in the export as written (for people; matching is by audit_hash). */
  line: number;
  audit_hash: string;
  /** Zero-based leaf index in the vault's log. */
  index: number;
  /** RFC 9162 inclusion proof, leaf side first, base64. */
  proof: string[];
  /** Only for a purged record: its leaf hash, since its content (hence its leaf bytes) is gone. */
  leaf_hash?: string;
}

export function formatExportProofsHeader(signedCheckpoint: string): string {
  return `${JSON.stringify({ format: EXPORT_PROOFS_FORMAT, checkpoint: signedCheckpoint })}\n`;
}

export function formatExportProofEntry(entry: {
  line: number;
  auditHash: string;
  index: number;
  proof: Uint8Array[];
  purgedLeafHash?: Uint8Array;
}): string {
  const json: ExportProofEntry = { line: entry.line, audit_hash: entry.auditHash, index: entry.index, proof: entry.proof.map(toBase64) };
  if (entry.purgedLeafHash) json.leaf_hash = toBase64(entry.purgedLeafHash);
  return `${JSON.stringify(json)}\n`;
}

const EXPORT_LINE = /^\{"audit_hash":"([^"\\]*)",/;

/** An export line's audit_hash and leaf bytes (the line minus its leading audit_hash member). */
export function exportLineLeaf(line: string): { auditHash: string; leaf: string } | undefined {
  const match = EXPORT_LINE.exec(line);
  return match ? { auditHash: match[1]!, leaf: `{${line.slice(match[0].length)}` } : undefined;
}

export type ExportLineResult =
  | { ok: true; index: number; purged: boolean }
  | { ok: false; reason: string };

/**
 * Checks the records of an export, line by line, against its proof bundle. Open it with the bundle's
 * first line (the checkpoint is verified once), add() the bundle's other lines, call check() for every
 * line of the export, then unused() lists the proofs no line claimed (records removed from the
 * export, which is not by itself an error: each record stands on its own).
 */
export class ExportProofChecker {
  readonly checkpoint: Checkpoint;
  /** The bundle's entries by audit_hash, kept as text (a large bundle parsed at once would not fit). */
  private readonly entries = new Map<string, string>();
  private readonly used = new Set<string>();

  private constructor(checkpoint: Checkpoint, private readonly hasher: MerkleHasher) {
    this.checkpoint = checkpoint;
  }

  /** Parses the bundle's header and verifies its checkpoint; returns the reason when either fails. */
  static open(headerLine: string, keys: TrustedKeys, hasher: MerkleHasher = defaultMerkleHasher): ExportProofChecker | { reason: string } {
    const header = parseJson(headerLine) as { format?: unknown; checkpoint?: unknown } | undefined;
    if (header?.format !== EXPORT_PROOFS_FORMAT) return { reason: `line 1 of the proof bundle is not a "${EXPORT_PROOFS_FORMAT}" header` };
    if (typeof header.checkpoint !== 'string') return { reason: 'the proof bundle has no checkpoint' };
    const signed = verifyCheckpoint(header.checkpoint, keys);
    if (!signed.ok) return { reason: `the proof bundle's checkpoint is refused: ${signed.reason}` };
    return new ExportProofChecker(signed.checkpoint, hasher);
  }

  /** One more line of the bundle; a malformed one is skipped and leaves its record without proof. */
  add(bundleLine: string): void {
    const hash = (parseJson(bundleLine) as { audit_hash?: unknown } | undefined)?.audit_hash;
    if (typeof hash === 'string') this.entries.set(hash, bundleLine);
  }

  check(line: string): ExportLineResult {
    const parsed = exportLineLeaf(line);
    if (!parsed) return { ok: false, reason: 'not a record as AuditDesk exports it (it must begin with {"audit_hash":"…",)' };
    const text = this.entries.get(parsed.auditHash);
    if (text === undefined) return { ok: false, reason: `the proof bundle has no proof for audit_hash ${parsed.auditHash}` };
    this.used.add(parsed.auditHash);
    const entry = parseEntry(text);
    if (!entry) return { ok: false, reason: `the proof bundle's entry for audit_hash ${parsed.auditHash} is malformed` };
    const leafHash = entry.leafHash ?? this.hasher.hashLeaf(new TextEncoder().encode(parsed.leaf));
    const included = verifyInclusion(entry.index, this.checkpoint.size, leafHash, entry.proof, this.checkpoint.rootHash, this.hasher);
    if (!included.ok) {
      return { ok: false, reason: `the record is not the one the vault logged as entry ${entry.index} (changed since?): ${included.reason}` };
    }
    return { ok: true, index: entry.index, purged: entry.leafHash !== undefined };
  }

  /** The bundle's entries (line as written, leaf index) that no checked line used. */
  unused(): Array<{ line: number; index: number }> {
    const left: Array<{ line: number; index: number }> = [];
    for (const [hash, text] of this.entries) {
      const entry = this.used.has(hash) ? undefined : parseEntry(text);
      if (entry) left.push({ line: entry.line, index: entry.index });
    }
    return left;
  }
}

interface ParsedEntry {
  line: number;
  auditHash: string;
  index: number;
  proof: Uint8Array[];
  leafHash?: Uint8Array;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseEntry(text: string): ParsedEntry | undefined {
  const json = parseJson(text) as Partial<ExportProofEntry> | undefined;
  if (!json || typeof json.audit_hash !== 'string' || !Array.isArray(json.proof)) return undefined;
  if (!Number.isSafeInteger(json.index) || json.index! < 0 || !Number.isSafeInteger(json.line)) return undefined;
  const proof = json.proof.map((p) => (typeof p === 'string' ? fromBase64(p) : undefined));
  if (proof.some((p) => p === undefined)) return undefined;
  const entry: ParsedEntry = { line: json.line!, auditHash: json.audit_hash, index: json.index!, proof: proof as Uint8Array[] };
  if (json.leaf_hash === undefined) return entry;
  const leafHash = typeof json.leaf_hash === 'string' ? fromBase64(json.leaf_hash) : undefined;
  return leafHash ? { ...entry, leafHash } : undefined;
}
