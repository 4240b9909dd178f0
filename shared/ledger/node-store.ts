// Where the vault keeps the hashes of COMPLETE subtrees, so proofs for any past or present tree
// size need only O(log n) reads. Node (level, index) is the root of the perfect subtree over leaves
// [index * 2^level, (index + 1) * 2^level); level 0 holds the leaf hashes. A complete subtree never
// changes once written (the log is append-only), so a store is write-once per key; incomplete
// right-border nodes are never stored, they are recomputed from complete ones on demand.
// The interface is synchronous because the vault's SQLite driver (better-sqlite3) is.

export interface NodeStore {
  get(level: number, index: number): Uint8Array | undefined;
  put(level: number, index: number, hash: Uint8Array): void;
}

/** An in-memory NodeStore for tests and for building proofs over a list held in memory. */
export class MemoryNodeStore implements NodeStore {
  private readonly levels: Uint8Array[][] = [];

  get(level: number, index: number): Uint8Array | undefined {
    return this.levels[level]?.[index];
  }

  put(level: number, index: number, hash: Uint8Array): void {
    (this.levels[level] ??= [])[index] = hash;
  }

  /** Number of nodes held, all levels together (about 2 per leaf). */
  get nodeCount(): number {
    return this.levels.reduce((n, level) => n + level.filter(Boolean).length, 0);
  }
}
