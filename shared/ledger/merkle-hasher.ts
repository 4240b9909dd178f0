// RFC 9162 §2.1.1 (= RFC 6962 §2.1) Merkle tree hashing with SHA-256, with domain separation
// between leaves (prefix 0x00) and interior nodes (prefix 0x01) so a leaf can never pose as a node.
// The hash function is a parameter: the renderer and tests use pure-JS @noble/hashes, while the
// engine (electron/core) may pass node:crypto for OpenSSL's speed when it rebuilds a large tree.
import { sha256 } from '@noble/hashes/sha2.js';

export const HASH_SIZE = 32;

export interface MerkleHasher {
  /** SHA-256(0x00 || leafBytes). */
  hashLeaf(leafBytes: Uint8Array): Uint8Array;
  /** SHA-256(0x01 || left || right). */
  hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array;
  /** The root of the empty tree: SHA-256 of no bytes. */
  emptyRoot(): Uint8Array;
}

/** A function computing SHA-256 over the concatenation of its arguments. */
export type Sha256Parts = (...parts: Uint8Array[]) => Uint8Array;

const LEAF_PREFIX = Uint8Array.of(0);
const NODE_PREFIX = Uint8Array.of(1);

export function merkleHasherFrom(sha256Parts: Sha256Parts): MerkleHasher {
  const empty = sha256Parts();
  return {
    hashLeaf: (leafBytes) => sha256Parts(LEAF_PREFIX, leafBytes),
    hashChildren: (left, right) => sha256Parts(NODE_PREFIX, left, right),
    emptyRoot: () => empty.slice(),
  };
}

const nobleSha256Parts: Sha256Parts = (...parts) => {
  const h = sha256.create();
  for (const p of parts) h.update(p);
  return h.digest();
};

/** The pure-JS hasher every ledger function uses unless given another. */
export const defaultMerkleHasher: MerkleHasher = merkleHasherFrom(nobleSha256Parts);

/** Leaf hash of `leafBytes` (the record's stored canonical bytes in the vault). */
export function leafHash(leafBytes: Uint8Array, hasher: MerkleHasher = defaultMerkleHasher): Uint8Array {
  return hasher.hashLeaf(leafBytes);
}

export function nodeHash(left: Uint8Array, right: Uint8Array, hasher: MerkleHasher = defaultMerkleHasher): Uint8Array {
  return hasher.hashChildren(left, right);
}

/** SHA-256("") = e3b0c442…b855, the root of a tree with no leaves. */
export const EMPTY_ROOT: Uint8Array = defaultMerkleHasher.emptyRoot();
