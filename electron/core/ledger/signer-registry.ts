// The checkpoint signer of an open vault, for code that admits records but did not open the vault
// itself (the collector under `serve` or the desktop app). Held in memory only, per connection.
import type Database from 'better-sqlite3';
import type { NoteSigner } from '../../../shared/ledger';

const signers = new WeakMap<Database.Database, NoteSigner>();

export function registerSigner(db: Database.Database, signer: NoteSigner): void {
  signers.set(db, signer);
}

export function signerFor(db: Database.Database): NoteSigner | null {
  return signers.get(db) ?? null;
}
