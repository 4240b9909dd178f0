// Producing RFC 9162 proofs (§2.1.3.1 PATH, §2.1.4.1 PROOF/SUBPROOF) from a NodeStore of complete
// subtrees. The recursions are written as loops over the leaf range [start, start + n): each step
// needs one sibling hash, which is a complete subtree (one read) except at most once per proof, the
// right-border sibling, which is folded from its O(log n) complete parts. So a proof costs O(log n)
// node reads for any past tree size, without touching the leaves.
import { defaultMerkleHasher, type MerkleHasher } from './merkle-hasher';
import type { NodeStore } from './node-store';
import { isTreeSize, perfectSubtrees, splitPoint } from './tree-math';

function readNode(store: NodeStore, level: number, index: number): Uint8Array {
  const hash = store.get(level, index);
  if (!hash) throw new Error(`ledger node store has no node at level ${level}, index ${index}: it is incomplete for this tree size`);
  return hash;
}

/** MTH(D[start:end]) for a range on a subtree's right border (the only kind proofs need). */
function rangeHash(store: NodeStore, start: number, end: number, hasher: MerkleHasher): Uint8Array {
  const parts = perfectSubtrees(start, end);
  let hash = readNode(store, parts[parts.length - 1]!.level, parts[parts.length - 1]!.index);
  for (let i = parts.length - 2; i >= 0; i--) hash = hasher.hashChildren(readNode(store, parts[i]!.level, parts[i]!.index), hash);
  return hash;
}

/** The root of the tree made of the first `treeSize` leaves held in the store. */
export function rootAtSize(store: NodeStore, treeSize: number, hasher: MerkleHasher = defaultMerkleHasher): Uint8Array {
  if (!isTreeSize(treeSize)) throw new RangeError(`tree size ${String(treeSize)} is not a non-negative safe integer`);
  return treeSize === 0 ? hasher.emptyRoot() : rangeHash(store, 0, treeSize, hasher);
}

/** The inclusion proof (audit path) of leaf `leafIndex` in the tree of size `treeSize`, leaf side first. */
export function inclusionProof(
  store: NodeStore,
  leafIndex: number,
  treeSize: number,
  hasher: MerkleHasher = defaultMerkleHasher,
): Uint8Array[] {
  if (!isTreeSize(treeSize) || !isTreeSize(leafIndex) || leafIndex >= treeSize) {
    throw new RangeError(`no inclusion proof for leaf ${leafIndex} in a tree of size ${treeSize}`);
  }
  const topDown: Uint8Array[] = [];
  let start = 0;
  let n = treeSize;
  let m = leafIndex;
  while (n > 1) {
    const k = splitPoint(n);
    if (m < k) {
      topDown.push(rangeHash(store, start + k, start + n, hasher));
      n = k;
    } else {
      topDown.push(rangeHash(store, start, start + k, hasher));
      start += k;
      m -= k;
      n -= k;
    }
  }
  return topDown.reverse();
}

/**
 * The consistency proof that the tree of size `size1` is a prefix of the tree of size `size2`.
 * Empty when the sizes are equal. size1 = 0 is refused: every tree extends the empty one, so there is
 * nothing to prove (and RFC 9162 verifiers reject such a proof); compare against EMPTY_ROOT instead.
 */
export function consistencyProof(
  store: NodeStore,
  size1: number,
  size2: number,
  hasher: MerkleHasher = defaultMerkleHasher,
): Uint8Array[] {
  if (!isTreeSize(size1) || !isTreeSize(size2) || size1 < 1 || size1 > size2) {
    throw new RangeError(`no consistency proof from size ${size1} to size ${size2}`);
  }
  const topDown: Uint8Array[] = [];
  let start = 0;
  let m = size1;
  let n = size2;
  let wholeOldTreeKnown = true; // RFC 9162's `b`: the old root itself needs no proof node
  for (;;) {
    if (m === n) {
      if (!wholeOldTreeKnown) topDown.push(rangeHash(store, start, start + n, hasher));
      break;
    }
    const k = splitPoint(n);
    if (m <= k) {
      topDown.push(rangeHash(store, start + k, start + n, hasher));
      n = k;
    } else {
      topDown.push(rangeHash(store, start, start + k, hasher));
      start += k;
      m -= k;
      n -= k;
      wholeOldTreeKnown = false;
    }
  }
  return topDown.reverse();
}
