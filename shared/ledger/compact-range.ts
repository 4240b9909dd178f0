// The incremental state of the log's Merkle tree: a "compact range" [0, size) holding only the roots
// of the perfect subtrees on the tree's right border (one per 1-bit of `size`, largest first). That
// is at most 53 hashes, enough to append a leaf in O(log n) (amortised O(1) hashes) and to compute
// the root at any time, and small enough to persist in one row after every append batch.
// The vault keeps this state (toJSON/toBytes) and, through a NodeStore, every completed subtree, so
// proofs can be produced later without rereading the leaves.
import { fromBase64, toBase64 } from './encoding';
import { LedgerFormatError } from './ledger-errors';
import { defaultMerkleHasher, HASH_SIZE, type MerkleHasher } from './merkle-hasher';
import type { NodeStore } from './node-store';
import { isTreeSize } from './tree-math';

/** Persisted form: `hashes` are base64 right-border subtree roots, largest subtree first. */
export interface CompactRangeJson {
  size: number;
  hashes: string[];
}

function popCount(n: number): number {
  let bits = 0;
  for (let v = n; v > 0; v = Math.floor(v / 2)) bits += v % 2;
  return bits;
}

export class CompactRange {
  private constructor(
    private treeSize: number,
    private readonly border: Uint8Array[],
    private readonly hasher: MerkleHasher,
  ) {}

  /** The state of an empty log. */
  static empty(hasher: MerkleHasher = defaultMerkleHasher): CompactRange {
    return new CompactRange(0, [], hasher);
  }

  /** Rebuilds the state from its parts; throws LedgerFormatError if they cannot belong together. */
  static fromParts(size: number, borderHashes: readonly Uint8Array[], hasher: MerkleHasher = defaultMerkleHasher): CompactRange {
    if (!isTreeSize(size)) throw new LedgerFormatError(`compact range: size ${String(size)} is not a non-negative safe integer`);
    if (borderHashes.length !== popCount(size)) {
      throw new LedgerFormatError(
        `compact range: a tree of size ${size} has ${popCount(size)} border hashes, got ${borderHashes.length}`,
      );
    }
    borderHashes.forEach((h, i) => {
      if (h.length !== HASH_SIZE) throw new LedgerFormatError(`compact range: border hash ${i} is ${h.length} bytes, not 32`);
    });
    return new CompactRange(size, borderHashes.map((h) => h.slice()), hasher);
  }

  static fromJSON(json: unknown, hasher: MerkleHasher = defaultMerkleHasher): CompactRange {
    const j = json as Partial<CompactRangeJson> | null;
    if (typeof j !== 'object' || j === null || !Array.isArray(j.hashes)) {
      throw new LedgerFormatError('compact range: expected {"size": n, "hashes": [base64…]}');
    }
    const hashes = j.hashes.map((h, i) => {
      const bytes = typeof h === 'string' ? fromBase64(h) : undefined;
      if (!bytes) throw new LedgerFormatError(`compact range: hashes[${i}] is not base64`);
      return bytes;
    });
    return CompactRange.fromParts(j.size as number, hashes, hasher);
  }

  /** Binary form: 8-byte big-endian size, then the border hashes (32 bytes each), largest first. */
  static fromBytes(bytes: Uint8Array, hasher: MerkleHasher = defaultMerkleHasher): CompactRange {
    if (bytes.length < 8 || (bytes.length - 8) % HASH_SIZE !== 0) {
      throw new LedgerFormatError(`compact range: ${bytes.length} bytes is not 8 + 32·k`);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const size = view.getUint32(0) * 2 ** 32 + view.getUint32(4);
    const hashes: Uint8Array[] = [];
    for (let at = 8; at < bytes.length; at += HASH_SIZE) hashes.push(bytes.slice(at, at + HASH_SIZE));
    return CompactRange.fromParts(size, hashes, hasher);
  }

  /** Number of leaves appended so far. */
  get size(): number {
    return this.treeSize;
  }

  /** Copies of the right-border subtree roots, largest first. */
  get borderHashes(): Uint8Array[] {
    return this.border.map((h) => h.slice());
  }

  /**
   * Appends one leaf hash. With a store, also writes the leaf (level 0) and every subtree this
   * append completes, which is what later proofs read. Returns the new leaf's index.
   */
  append(leafHash: Uint8Array, store?: NodeStore): number {
    if (leafHash.length !== HASH_SIZE) throw new LedgerFormatError(`leaf hash is ${leafHash.length} bytes, not 32`);
    const index = this.treeSize;
    let hash: Uint8Array = leafHash.slice();
    store?.put(0, index, hash);
    // Each trailing 1-bit of the old size is a border subtree of equal height: merge them upward.
    let level = 0;
    for (let s = index; s % 2 === 1; s = (s - 1) / 2) {
      const left = this.border.pop()!;
      hash = this.hasher.hashChildren(left, hash);
      level++;
      store?.put(level, Math.floor(index / 2 ** level), hash);
    }
    this.border.push(hash);
    this.treeSize = index + 1;
    return index;
  }

  /** Hashes `leafBytes` as a leaf and appends it; returns the leaf hash. */
  appendLeaf(leafBytes: Uint8Array, store?: NodeStore): Uint8Array {
    const h = this.hasher.hashLeaf(leafBytes);
    this.append(h, store);
    return h;
  }

  /** The RFC 9162 root of the tree so far (SHA-256("") when empty). */
  root(): Uint8Array {
    if (this.border.length === 0) return this.hasher.emptyRoot();
    let hash = this.border[this.border.length - 1]!;
    for (let i = this.border.length - 2; i >= 0; i--) hash = this.hasher.hashChildren(this.border[i]!, hash);
    return hash;
  }

  clone(): CompactRange {
    return new CompactRange(this.treeSize, this.border.map((h) => h.slice()), this.hasher);
  }

  toJSON(): CompactRangeJson {
    return { size: this.treeSize, hashes: this.border.map(toBase64) };
  }

  toBytes(): Uint8Array {
    const out = new Uint8Array(8 + this.border.length * HASH_SIZE);
    const view = new DataView(out.buffer);
    view.setUint32(0, Math.floor(this.treeSize / 2 ** 32));
    view.setUint32(4, this.treeSize % 2 ** 32);
    this.border.forEach((h, i) => out.set(h, 8 + i * HASH_SIZE));
    return out;
  }
}
