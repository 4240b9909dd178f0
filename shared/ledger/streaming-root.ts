// Recomputes a tree root from scratch, for `verify`: the leaves stream through a CompactRange, so a
// million-record vault needs only O(log n) memory. Sync and async variants, because the vault's
// SQLite rows iterate synchronously while files and network streams are async.
import { CompactRange } from './compact-range';
import { defaultMerkleHasher, type MerkleHasher } from './merkle-hasher';

export interface TreeHead {
  size: number;
  root: Uint8Array;
}

export function rootFromLeafHashes(leafHashes: Iterable<Uint8Array>, hasher: MerkleHasher = defaultMerkleHasher): TreeHead {
  const range = CompactRange.empty(hasher);
  for (const h of leafHashes) range.append(h);
  return { size: range.size, root: range.root() };
}

export function rootFromLeaves(leaves: Iterable<Uint8Array>, hasher: MerkleHasher = defaultMerkleHasher): TreeHead {
  const range = CompactRange.empty(hasher);
  for (const bytes of leaves) range.appendLeaf(bytes);
  return { size: range.size, root: range.root() };
}

export async function rootFromLeafHashesAsync(
  leafHashes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  hasher: MerkleHasher = defaultMerkleHasher,
): Promise<TreeHead> {
  const range = CompactRange.empty(hasher);
  for await (const h of leafHashes) range.append(h);
  return { size: range.size, root: range.root() };
}

export async function rootFromLeavesAsync(
  leaves: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  hasher: MerkleHasher = defaultMerkleHasher,
): Promise<TreeHead> {
  const range = CompactRange.empty(hasher);
  for await (const bytes of leaves) range.appendLeaf(bytes);
  return { size: range.size, root: range.root() };
}
