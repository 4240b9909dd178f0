// Writes the proof bundle of an NDJSON export (format: shared/ledger/export-proofs.ts and
// docs/ledger-formats.md §8) while the export is written, one inclusion proof per record, all against
// one signed checkpoint. Like the export, it goes to a temporary file renamed at the end.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { formatExportProofEntry, formatExportProofsHeader, inclusionProof } from '../../../shared/ledger';
import type { StoredCheckpoint } from './checkpoints';
import { nodeMerkleHasher } from './node-hasher';
import { VaultNodeStore } from './vault-node-store';

export interface ProvenRow {
  pos: number;
  audit_hash: string;
  purged_at: string | null;
  leaf_hash: Buffer | null;
}

export class ExportProofBundle {
  private readonly store: VaultNodeStore;
  private readonly temporary: string;
  private readonly stream: fs.WriteStream;

  constructor(
    db: Database.Database,
    private readonly file: string,
    private readonly checkpoint: StoredCheckpoint,
  ) {
    this.store = new VaultNodeStore(db, nodeMerkleHasher);
    this.temporary = `${file}.partial-${process.pid}`;
    this.stream = fs.createWriteStream(this.temporary);
    this.stream.write(formatExportProofsHeader(checkpoint.note));
  }

  /** The proof of the record written on `line` of the export. */
  async add(row: ProvenRow, line: number): Promise<void> {
    if (row.pos > this.checkpoint.size) throw new Error(`record at position ${row.pos} is newer than the checkpoint of ${this.checkpoint.size}`);
    const index = row.pos - 1;
    const proof = inclusionProof(this.store, index, this.checkpoint.size, nodeMerkleHasher);
    const purgedLeafHash = row.purged_at && row.leaf_hash ? row.leaf_hash : undefined;
    const text = formatExportProofEntry({ line, auditHash: row.audit_hash, index, proof, ...(purgedLeafHash ? { purgedLeafHash } : {}) });
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
  }

  async finish(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    fs.renameSync(this.temporary, this.file);
  }

  abort(): void {
    this.stream.destroy();
    fs.rmSync(this.temporary, { force: true });
  }
}
