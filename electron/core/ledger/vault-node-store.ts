// The ledger's NodeStore over the vault. Roots of complete subtrees of 2^STORED_LEVEL leaves or more
// are kept in ledger_nodes; smaller ones are recomputed from the records' canonical bytes when a proof
// needs them. That keeps appends cheap (one row per 256 records) while a proof still reads only
// O(log n) rows and one block of 256 leaves: every sibling below the stored level lies in the leaf's
// own block, so the whole block is hashed at once and kept. The last few blocks are kept, so the
// next proofs into the same blocks (an export's, record after record, all of them also needing the
// log's last, partial block for the right border) read nothing more.
import type Database from 'better-sqlite3';
import type { MerkleHasher, NodeStore } from '../../../shared/ledger';
import { statementsFor } from '../vault/statement-cache';
import { recordLeafHash } from './node-hasher';

export const STORED_LEVEL = 8;
const BLOCK_LEAVES = 2 ** STORED_LEVEL;
/** About 16 KB each. */
const CACHED_BLOCKS = 16;

const nodeStatements = new WeakMap<Database.Database, ReturnType<typeof prepareNodeStatements>>();

function prepareNodeStatements(db: Database.Database) {
  return {
    getNode: db.prepare('SELECT hash FROM ledger_nodes WHERE level = ? AND idx = ?').pluck(),
    putNode: db.prepare('INSERT OR REPLACE INTO ledger_nodes(level, idx, hash) VALUES (?, ?, ?)'),
    // Leaf i is the record at admission position i + 1; a purged record keeps its leaf hash (issue 6).
    leaves: db.prepare('SELECT pos, canonical, purged_at, leaf_hash FROM records WHERE pos > ? AND pos <= ? ORDER BY pos'),
  };
}

interface LeafRow {
  pos: number;
  canonical: string;
  purged_at: string | null;
  leaf_hash: Buffer | null;
}

/** The complete subtrees of one block's leaves: layers[level][i], as many as the leaves read allow. */
type BlockLayers = Uint8Array[][];

export class VaultNodeStore implements NodeStore {
  private readonly statements: ReturnType<typeof prepareNodeStatements>;
  /** Recently used blocks by index, least recently used first. */
  private readonly blocks = new Map<number, BlockLayers>();

  constructor(
    db: Database.Database,
    private readonly hasher: MerkleHasher,
  ) {
    this.statements = statementsFor(nodeStatements, db, prepareNodeStatements);
  }

  get(level: number, index: number): Uint8Array | undefined {
    if (level >= STORED_LEVEL) {
      const stored = this.statements.getNode.get(level, index) as Buffer | undefined;
      return stored ? new Uint8Array(stored) : undefined;
    }
    const blockIndex = Math.floor((index * 2 ** level) / BLOCK_LEAVES);
    const inBlock = index - blockIndex * 2 ** (STORED_LEVEL - level);
    let layers = this.blocks.get(blockIndex);
    this.blocks.delete(blockIndex);
    // A block read before later leaves were appended may lack the node: read it again.
    if (layers?.[level]?.[inBlock] === undefined) layers = this.readBlock(blockIndex);
    this.blocks.set(blockIndex, layers);
    if (this.blocks.size > CACHED_BLOCKS) this.blocks.delete(this.blocks.keys().next().value!);
    return layers[level]?.[inBlock];
  }

  put(level: number, index: number, hash: Uint8Array): void {
    if (level >= STORED_LEVEL) this.statements.putNode.run(level, index, Buffer.from(hash));
  }

  private readBlock(index: number): BlockLayers {
    const first = index * BLOCK_LEAVES + 1;
    const rows = this.statements.leaves.all(first - 1, first - 1 + BLOCK_LEAVES) as LeafRow[];
    // Leaves stop at the first missing position (a record deleted outside AuditDesk): a node above
    // the gap must not be computed from the wrong records; proofs needing it fail instead.
    const gap = rows.findIndex((r, i) => r.pos !== first + i);
    if (gap >= 0) rows.length = gap;
    let layer: Uint8Array[] = rows.map((r) => (r.purged_at && r.leaf_hash ? r.leaf_hash : recordLeafHash(r.canonical)));
    const layers = [layer];
    while (layer.length > 1) {
      const next: Uint8Array[] = [];
      for (let i = 0; i + 1 < layer.length; i += 2) next.push(this.hasher.hashChildren(layer[i]!, layer[i + 1]!));
      layers.push(next);
      layer = next;
    }
    return layers;
  }
}
