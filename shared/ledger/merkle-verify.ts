// Verifying RFC 9162 proofs, step by step as §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) write
// them, so a reader can check this file against the RFC line by line. The RFC's "right-shift" is
// done with division because sizes may exceed 32 bits and JS bitwise operators are 32-bit.
// Results are values with a reason, never exceptions: a bad proof is an expected outcome.
import { equalBytes } from './encoding';
import { failed, type Verified } from './ledger-errors';
import { defaultMerkleHasher, HASH_SIZE, type MerkleHasher } from './merkle-hasher';
import { isTreeSize } from './tree-math';

const isOdd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

function badHashes(proof: readonly Uint8Array[]): string | undefined {
  const i = proof.findIndex((p) => p.length !== HASH_SIZE);
  return i < 0 ? undefined : `proof hash ${i} is ${proof[i]!.length} bytes, not 32`;
}

/** The root an inclusion proof leads to, or the reason it cannot lead anywhere. */
export function rootFromInclusionProof(
  leafIndex: number,
  treeSize: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  hasher: MerkleHasher = defaultMerkleHasher,
): Verified<{ root: Uint8Array }> {
  if (!isTreeSize(treeSize)) return failed(`tree size ${String(treeSize)} is not a non-negative safe integer`);
  if (!isTreeSize(leafIndex)) return failed(`leaf index ${String(leafIndex)} is not a non-negative safe integer`);
  // Step 1: the leaf must be inside the tree.
  if (leafIndex >= treeSize) return failed(`leaf index ${leafIndex} is not below tree size ${treeSize}`);
  if (leafHash.length !== HASH_SIZE) return failed(`leaf hash is ${leafHash.length} bytes, not 32`);
  const bad = badHashes(proof);
  if (bad) return failed(bad);
  // Steps 2-3.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  // Step 4.
  for (const p of proof) {
    if (sn === 0) return failed('proof is longer than the path from the leaf to the root');
    if (isOdd(fn) || fn === sn) {
      r = hasher.hashChildren(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hasher.hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5 (first half): the proof must reach the root exactly.
  if (sn !== 0) return failed('proof is shorter than the path from the leaf to the root');
  return { ok: true, root: r };
}

/** RFC 9162 §2.1.3.2: is the leaf with this hash at `leafIndex` in the tree of `treeSize` with `root`? */
export function verifyInclusion(
  leafIndex: number,
  treeSize: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
  hasher: MerkleHasher = defaultMerkleHasher,
): Verified {
  const computed = rootFromInclusionProof(leafIndex, treeSize, leafHash, proof, hasher);
  if (!computed.ok) return computed;
  // Step 5 (second half).
  if (!equalBytes(computed.root, root)) return failed('inclusion proof leads to a different root than the one given');
  return { ok: true };
}

/**
 * RFC 9162 §2.1.4.2: is the tree of `size1` with `root1` a prefix of the tree of `size2` with `root2`?
 * size1 = 0 is rejected (a proof from the empty tree proves nothing); equal sizes need an empty proof
 * and identical roots.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
  hasher: MerkleHasher = defaultMerkleHasher,
): Verified {
  if (!isTreeSize(size1)) return failed(`size1 ${String(size1)} is not a non-negative safe integer`);
  if (!isTreeSize(size2)) return failed(`size2 ${String(size2)} is not a non-negative safe integer`);
  if (size1 === 0) return failed('size1 is 0: a consistency proof from the empty tree proves nothing');
  if (size2 < size1) return failed(`size2 ${size2} is smaller than size1 ${size1}`);
  if (size1 === size2) {
    if (proof.length > 0) return failed('sizes are equal but the proof is not empty');
    return equalBytes(root1, root2) ? { ok: true } : failed('sizes are equal but the roots differ');
  }
  // Step 1.
  if (proof.length === 0) return failed('consistency proof is empty');
  const bad = badHashes(proof);
  if (bad) return failed(bad);
  // Step 2: when size1 is a power of two, the old root is itself a node of the path.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  // Step 3.
  let fn = size1 - 1;
  let sn = size2 - 1;
  // Step 4.
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5.
  let fr = path[0]!;
  let sr = path[0]!;
  // Step 6.
  for (const c of path.slice(1)) {
    if (sn === 0) return failed('consistency proof is longer than expected');
    if (isOdd(fn) || fn === sn) {
      fr = hasher.hashChildren(c, fr);
      sr = hasher.hashChildren(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = hasher.hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 7.
  if (sn !== 0) return failed('consistency proof is shorter than expected');
  if (!equalBytes(fr, root1)) return failed('consistency proof does not lead to the first root');
  if (!equalBytes(sr, root2)) return failed('consistency proof does not lead to the second root');
  return { ok: true };
}

function isPowerOfTwo(n: number): boolean {
  let v = n;
  while (v > 1 && v % 2 === 0) v /= 2;
  return v === 1;
}
