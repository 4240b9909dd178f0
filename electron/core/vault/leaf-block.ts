// One block of the Merkle tree as verify rebuilds it: the RFC 9162 compact range of up to 4096
// consecutive leaves (shared/ledger/compact-range.ts does the same for the whole log, and the tests
// hold the two to the same roots and borders).
//
// Why not CompactRange here: verify hashes an interior node for every leaf, a million at 1M records,
// and what costs is not SHA-256 over 65 bytes but the objects around it: Node's one-shot hash returns
// a string much cheaper than a Buffer (a node ~0.45 µs against ~1.1 µs on the bench machine). So
// hashes are kept as 32-character latin1 strings, one char per byte ('binary' to node:crypto), and
// each node's input, 0x01 ‖ left ‖ right, is written into one preallocated buffer.
import { hash } from 'node:crypto';

/** A hash as latin1 text: 32 characters, each one byte of the SHA-256 digest. */
export type HashText = string;

export class LeafBlock {
  private readonly border: HashText[] = [];
  private leaves = 0;
  private readonly node = Buffer.alloc(65);

  constructor() {
    this.node[0] = 0x01;
  }

  /** A hash given as bytes (a purged record's kept leaf hash). */
  static fromBytes(hash32: Uint8Array): HashText {
    return Buffer.from(hash32.buffer, hash32.byteOffset, hash32.byteLength).toString('latin1');
  }

  get size(): number {
    return this.leaves;
  }

  append(leaf: HashText): void {
    let merged = leaf;
    // Each trailing 1-bit of the old size is a border subtree of equal height: merge them upward.
    for (let s = this.leaves; s % 2 === 1; s = (s - 1) / 2) merged = this.hashChildren(this.border.pop()!, merged);
    this.border.push(merged);
    this.leaves++;
  }

  /** The root of the leaves so far (at least one). */
  root(): Uint8Array {
    let root = this.border[this.border.length - 1]!;
    for (let i = this.border.length - 2; i >= 0; i--) root = this.hashChildren(this.border[i]!, root);
    return toBytes(root);
  }

  /** The right-border subtree roots, largest first, as CompactRange gives them. */
  borderHashes(): Uint8Array[] {
    return this.border.map(toBytes);
  }

  clear(): void {
    this.border.length = 0;
    this.leaves = 0;
  }

  private hashChildren(left: HashText, right: HashText): HashText {
    this.node.write(left, 1, 'latin1');
    this.node.write(right, 33, 'latin1');
    return hash('sha256', this.node, 'binary');
  }
}

function toBytes(text: HashText): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}
