// The vault's transparency log (issue 4): every admitted record is a leaf, in admission order. The
// tree's right border is loaded at the start of a write transaction and saved at its end, so the root
// is always at hand and an append costs O(log n) hashes (amortised O(1)).
import type Database from 'better-sqlite3';
import { CompactRange, toBase64 } from '../../../shared/ledger';
import { UserError } from '../errors';
import { nodeMerkleHasher, recordLeafHash } from './node-hasher';
import { statementsFor } from '../vault/statement-cache';
import { VaultNodeStore } from './vault-node-store';

const ledgerStatements = new WeakMap<Database.Database, ReturnType<typeof prepareLedgerStatements>>();

function prepareLedgerStatements(db: Database.Database) {
  return {
    border: db.prepare('SELECT border FROM ledger_state WHERE id = 1').pluck(),
    save: db.prepare(
      'INSERT INTO ledger_state(id, size, border) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET size = excluded.size, border = excluded.border',
    ),
  };
}

export class Ledger {
  private readonly range: CompactRange;
  private readonly store: VaultNodeStore;
  private dirty = false;

  constructor(private readonly db: Database.Database) {
    const row = statementsFor(ledgerStatements, db, prepareLedgerStatements).border.get() as string | undefined;
    this.range = row ? CompactRange.fromJSON(JSON.parse(row), nodeMerkleHasher) : CompactRange.empty(nodeMerkleHasher);
    this.store = new VaultNodeStore(db, nodeMerkleHasher);
  }

  get size(): number {
    return this.range.size;
  }

  /**
   * Appends the record admitted at position `pos` (which must be size + 1). `leafHashHex`: its leaf hash
   * when already computed from this same text (on an import's worker thread).
   */
  append(pos: number, canonical: string, leafHashHex?: string): void {
    if (pos !== this.range.size + 1) {
      throw new UserError(
        `the vault's ledger has ${this.range.size} leaves but the next record would be at position ${pos}: ` +
          'records were removed from the vault outside AuditDesk. Nothing was added; run `auditdesk verify` to see where.',
      );
    }
    this.range.append(leafHashHex ? Buffer.from(leafHashHex, 'hex') : recordLeafHash(canonical), this.store);
    this.dirty = true;
  }

  root(): Uint8Array {
    return this.range.root();
  }

  rootBase64(): string {
    return toBase64(this.range.root());
  }

  /** Writes the border back; call before the transaction commits. */
  save(): void {
    if (!this.dirty) return;
    statementsFor(ledgerStatements, this.db, prepareLedgerStatements).save.run(this.range.size, JSON.stringify(this.range.toJSON()));
    this.dirty = false;
  }

  get nodeStore(): VaultNodeStore {
    return this.store;
  }
}
