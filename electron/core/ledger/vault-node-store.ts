// The ledger's NodeStore over the vault. Roots of complete subtrees of 2^STORED_LEVEL leaves or more
// are kept in ledger_nodes; smaller ones are recomputed from the records' canonical bytes when a proof
// needs them (at most 2^STORED_LEVEL leaves per node). That keeps appends cheap (one row per 256
// records) while a proof still reads only O(log n) rows and a few hundred leaves.
import type Database from 'better-sqlite3';
import type { MerkleHasher, NodeStore } from '../../../shared/ledger';
import { statementsFor } from '../vault/statement-cache';
import { recordLeafHash } from './node-hasher';

export const STORED_LEVEL = 8;

const nodeStatements = new WeakMap<Database.Database, ReturnType<typeof prepareNodeStatements>>();

function prepareNodeStatements(db: Database.Database) {
  return {
    getNode: db.prepare('SELECT hash FROM ledger_nodes WHERE level = ? AND idx = ?').pluck(),
    putNode: db.prepare('INSERT OR REPLACE INTO ledger_nodes(level, idx, hash) VALUES (?, ?, ?)'),
    // Leaf i is the record at admission position i + 1; a purged record keeps its leaf hash (issue 6).
    leaves: db.prepare('SELECT canonical, purged_at, leaf_hash FROM records WHERE pos > ? AND pos <= ? ORDER BY pos'),
  };
}

interface LeafRow {
  canonical: string;
  purged_at: string | null;
  leaf_hash: Buffer | null;
}

export class VaultNodeStore implements NodeStore {
  private readonly statements: ReturnType<typeof prepareNodeStatements>;

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
    const width = 2 ** level;
    const rows = this.statements.leaves.all(index * width, (index + 1) * width) as LeafRow[];
    if (rows.length !== width) return undefined;
    let layer: Uint8Array[] = rows.map((r) => (r.purged_at && r.leaf_hash ? r.leaf_hash : recordLeafHash(r.canonical)));
    while (layer.length > 1) {
      const next: Uint8Array[] = [];
      for (let i = 0; i < layer.length; i += 2) next.push(this.hasher.hashChildren(layer[i]!, layer[i + 1]!));
      layer = next;
    }
    return layer[0];
  }

  put(level: number, index: number, hash: Uint8Array): void {
    if (level >= STORED_LEVEL) this.statements.putNode.run(level, index, Buffer.from(hash));
  }
}
