// The incremental Merkle tree, its persisted state, and the proofs built from a NodeStore, checked
// against a direct transcription of RFC 9162 §2.1 (MTH, PATH, PROOF) and against published roots.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CompactRange,
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  LedgerFormatError,
  MemoryNodeStore,
  merkleHasherFrom,
  nodeHash,
  rootAtSize,
  rootFromLeafHashes,
  rootFromLeafHashesAsync,
  rootFromLeaves,
  verifyConsistency,
  verifyInclusion,
  type NodeStore,
} from '../../shared/ledger';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const fromHex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));

// --- RFC 9162 §2.1 written out literally, as the reference the fast code must agree with ---
function k(n: number): number {
  let p = 1;
  while (p * 2 < n) p *= 2;
  return p;
}
function mth(d: Uint8Array[]): Uint8Array {
  if (d.length === 0) return EMPTY_ROOT;
  if (d.length === 1) return d[0]!;
  const s = k(d.length);
  return nodeHash(mth(d.slice(0, s)), mth(d.slice(s)));
}
function path(m: number, d: Uint8Array[]): Uint8Array[] {
  if (d.length <= 1) return [];
  const s = k(d.length);
  return m < s ? [...path(m, d.slice(0, s)), mth(d.slice(s))] : [...path(m - s, d.slice(s)), mth(d.slice(0, s))];
}
function subproof(m: number, d: Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [mth(d)];
  const s = k(d.length);
  return m <= s
    ? [...subproof(m, d.slice(0, s), b), mth(d.slice(s))]
    : [...subproof(m - s, d.slice(s), false), mth(d.slice(0, s))];
}

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function leafHashes(count: number, seed = 1): Uint8Array[] {
  const rand = prng(seed);
  return Array.from({ length: count }, (_, i) => leafHash(new TextEncoder().encode(`record ${i} ${rand()}`)));
}

function grownTree(hashes: Uint8Array[]): { range: CompactRange; store: MemoryNodeStore } {
  const range = CompactRange.empty();
  const store = new MemoryNodeStore();
  for (const h of hashes) range.append(h, store);
  return { range, store };
}

// The RFC 6962 test tree used by Certificate Transparency and transparency-dev/merkle; the roots are
// the ones in tests/fixtures/vectors/merkle happy-path cases.
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(fromHex);
const CT_ROOTS: Record<number, string> = {
  1: '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  2: 'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  3: 'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  5: '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  6: '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  7: 'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  8: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
};

describe('Merkle tree hashing', () => {
  it('gives the empty tree the root SHA-256("")', () => {
    expect(hex(CompactRange.empty().root())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(rootFromLeaves([]).root)).toBe(hex(EMPTY_ROOT));
  });

  it('reproduces the published roots of the RFC 6962 test tree', () => {
    const range = CompactRange.empty();
    const store = new MemoryNodeStore();
    CT_LEAVES.forEach((leaf, i) => {
      range.appendLeaf(leaf, store);
      const want = CT_ROOTS[i + 1];
      if (want) {
        expect(hex(range.root())).toBe(want);
        expect(hex(rootAtSize(store, i + 1))).toBe(want);
        expect(hex(rootFromLeaves(CT_LEAVES.slice(0, i + 1)).root)).toBe(want);
      }
    });
  });

  it('agrees with the RFC definition at every size up to 70, incrementally and from scratch', () => {
    const hashes = leafHashes(70);
    const range = CompactRange.empty();
    const store = new MemoryNodeStore();
    for (let n = 0; n <= 70; n++) {
      const want = hex(mth(hashes.slice(0, n)));
      expect(hex(range.root()), `size ${n}`).toBe(want);
      expect(hex(rootFromLeafHashes(hashes.slice(0, n)).root)).toBe(want);
      if (n < 70) range.append(hashes[n]!, store);
    }
    // Older sizes stay provable after growth: their complete subtrees never change.
    for (let n = 1; n <= 70; n++) expect(hex(rootAtSize(store, n))).toBe(hex(mth(hashes.slice(0, n))));
  });

  it('stores only complete subtrees: 2n - popcount(n) nodes', () => {
    const { store } = grownTree(leafHashes(1000));
    const popcount = (n: number) => n.toString(2).split('').filter((b) => b === '1').length;
    expect(store.nodeCount).toBe(2 * 1000 - popcount(1000));
  });

  it('streams leaves asynchronously to the same root', async () => {
    const hashes = leafHashes(300);
    async function* gen() {
      for (const h of hashes) yield h;
    }
    const head = await rootFromLeafHashesAsync(gen());
    expect(head.size).toBe(300);
    expect(hex(head.root)).toBe(hex(mth(hashes)));
  });

  it('accepts another SHA-256 implementation (node:crypto, as the engine may pass)', () => {
    const hasher = merkleHasherFrom((...parts) => {
      const h = createHash('sha256');
      for (const p of parts) h.update(p);
      return new Uint8Array(h.digest());
    });
    const leaves = Array.from({ length: 37 }, (_, i) => new TextEncoder().encode(`leaf ${i}`));
    expect(hex(rootFromLeaves(leaves, hasher).root)).toBe(hex(rootFromLeaves(leaves).root));
  });

  it('refuses leaf hashes that are not 32 bytes', () => {
    expect(() => CompactRange.empty().append(new Uint8Array(31))).toThrow(/32/);
  });
});

describe('persisted tree state', () => {
  it('round-trips through JSON and bytes and keeps growing to the same roots', () => {
    const hashes = leafHashes(200);
    const range = CompactRange.empty();
    for (const h of hashes.slice(0, 123)) range.append(h);
    const viaJson = CompactRange.fromJSON(JSON.parse(JSON.stringify(range)));
    const viaBytes = CompactRange.fromBytes(range.toBytes());
    expect(range.toJSON().hashes).toHaveLength(6); // 123 = 0b1111011
    expect(range.toBytes()).toHaveLength(8 + 6 * 32);
    for (const h of hashes.slice(123)) {
      range.append(h);
      viaJson.append(h);
      viaBytes.append(h);
    }
    expect(hex(viaJson.root())).toBe(hex(mth(hashes)));
    expect(hex(viaBytes.root())).toBe(hex(mth(hashes)));
    expect(viaBytes.size).toBe(200);
  });

  it('keeps sizes beyond 32 bits in the byte form', () => {
    const size = 2 ** 40 + 5; // two border subtrees: 2^40 and 4, plus 1
    const hashes = [leafHash(new Uint8Array([1])), leafHash(new Uint8Array([2])), leafHash(new Uint8Array([3]))];
    const state = CompactRange.fromParts(size, hashes);
    expect(CompactRange.fromBytes(state.toBytes()).size).toBe(size);
  });

  it('rejects a state whose hash count does not fit its size', () => {
    const h = leafHash(new Uint8Array());
    expect(() => CompactRange.fromJSON({ size: 3, hashes: [Buffer.from(h).toString('base64')] })).toThrow(LedgerFormatError);
    expect(() => CompactRange.fromJSON({ size: 3, hashes: ['not base64!', 'x'] })).toThrow(/hashes\[0\]/);
    expect(() => CompactRange.fromBytes(new Uint8Array(7))).toThrow(LedgerFormatError);
  });
});

describe('inclusion proofs from the node store', () => {
  const hashes = leafHashes(70);
  const { store } = grownTree(hashes);

  it('match the RFC and verify for every (index, size) up to size 70', () => {
    for (let n = 1; n <= 70; n++) {
      const root = mth(hashes.slice(0, n));
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(store, i, n);
        expect(proof.map(hex), `leaf ${i} of ${n}`).toEqual(path(i, hashes.slice(0, n)).map(hex));
        expect(verifyInclusion(i, n, hashes[i]!, proof, root)).toEqual({ ok: true });
      }
    }
  });

  it('do not verify another leaf, another index or another root', () => {
    const root = mth(hashes.slice(0, 50));
    const proof = inclusionProof(store, 17, 50);
    expect(verifyInclusion(17, 50, hashes[18]!, proof, root).ok).toBe(false);
    expect(verifyInclusion(16, 50, hashes[17]!, proof, root).ok).toBe(false);
    expect(verifyInclusion(17, 50, hashes[17]!, proof, mth(hashes.slice(0, 51))).ok).toBe(false);
  });

  it('verify at random positions in a larger tree, reading O(log n) nodes', () => {
    const big = leafHashes(20_000, 7);
    const { range, store: bigStore } = grownTree(big);
    let reads = 0;
    const counting: NodeStore = { get: (l, i) => (reads++, bigStore.get(l, i)), put: () => {} };
    const rand = prng(42);
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(rand() * big.length);
      const i = Math.floor(rand() * n);
      reads = 0;
      const proof = inclusionProof(counting, i, n);
      expect(reads).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n)) + 1);
      expect(verifyInclusion(i, n, big[i]!, proof, rootAtSize(bigStore, n)).ok).toBe(true);
    }
    expect(verifyInclusion(12_345, big.length, big[12_345]!, inclusionProof(bigStore, 12_345, big.length), range.root()).ok).toBe(true);
  });

  it('explain a store that lacks the needed nodes', () => {
    expect(() => inclusionProof(new MemoryNodeStore(), 0, 2)).toThrow(/no node at level 0, index 1/);
    expect(() => inclusionProof(store, 5, 5)).toThrow(RangeError);
  });
});

describe('consistency proofs from the node store', () => {
  const hashes = leafHashes(70, 3);
  const { store } = grownTree(hashes);

  it('match the RFC and verify for every 1 <= size1 <= size2 <= 70', () => {
    for (let n = 1; n <= 70; n++) {
      const root2 = mth(hashes.slice(0, n));
      for (let m = 1; m <= n; m++) {
        const root1 = mth(hashes.slice(0, m));
        const proof = consistencyProof(store, m, n);
        if (m < n) expect(proof.map(hex), `${m} -> ${n}`).toEqual(subproof(m, hashes.slice(0, n), true).map(hex));
        else expect(proof).toEqual([]);
        expect(verifyConsistency(m, n, proof, root1, root2), `${m} -> ${n}`).toEqual({ ok: true });
      }
    }
  });

  it('fail when the older tree was rewritten', () => {
    const forged = [...hashes.slice(0, 30)];
    forged[4] = leafHash(new TextEncoder().encode('edited record'));
    const proof = consistencyProof(store, 30, 70);
    const result = verifyConsistency(30, 70, proof, mth(forged), mth(hashes));
    expect(result).toEqual({ ok: false, reason: 'consistency proof does not lead to the first root' });
  });

  it('verify at random sizes in a larger tree', () => {
    const big = leafHashes(5000, 11);
    const { store: bigStore } = grownTree(big);
    const rand = prng(5);
    for (let t = 0; t < 100; t++) {
      const n = 1 + Math.floor(rand() * big.length);
      const m = 1 + Math.floor(rand() * n);
      const proof = consistencyProof(bigStore, m, n);
      expect(verifyConsistency(m, n, proof, rootAtSize(bigStore, m), rootAtSize(bigStore, n)).ok, `${m} -> ${n}`).toBe(true);
    }
  });

  it('are refused from the empty tree', () => {
    expect(() => consistencyProof(store, 0, 5)).toThrow(RangeError);
  });
});
