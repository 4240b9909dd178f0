// Signed checkpoints (c2sp.org/tlog-checkpoint in a c2sp.org/signed-note), made after every import and
// collector batch and on demand. All are kept: `verify` checks each against the recomputed tree.
import type Database from 'better-sqlite3';
import { signCheckpoint, type NoteSigner } from '../../../shared/ledger';
import type { Ledger } from './ledger';
import { ledgerIdentity } from './signing-key';

export interface StoredCheckpoint {
  id: number;
  size: number;
  root: string;
  note: string;
  reason: string;
  created_at: string;
}

/** Signs the ledger's current head; skips when the latest checkpoint already covers this size. */
export function makeCheckpoint(db: Database.Database, ledger: Ledger, signer: NoteSigner, reason: string): StoredCheckpoint {
  const latest = latestCheckpoint(db);
  if (latest && latest.size === ledger.size) return latest;
  const identity = ledgerIdentity(db);
  if (!identity) throw new Error('the vault has no ledger origin: it was created without a signing key');
  const root = ledger.rootBase64();
  const note = signCheckpoint({ origin: identity.origin, size: ledger.size, rootHash: ledger.root() }, signer);
  const createdAt = new Date().toISOString();
  const id = Number(
    db.prepare('INSERT INTO checkpoints(size, root, note, reason, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(ledger.size, root, note, reason, createdAt).lastInsertRowid,
  );
  return { id, size: ledger.size, root, note, reason, created_at: createdAt };
}

export function latestCheckpoint(db: Database.Database): StoredCheckpoint | null {
  return (db.prepare('SELECT * FROM checkpoints ORDER BY id DESC LIMIT 1').get() as StoredCheckpoint | undefined) ?? null;
}

export function allCheckpoints(db: Database.Database): StoredCheckpoint[] {
  return db.prepare('SELECT * FROM checkpoints ORDER BY id').all() as StoredCheckpoint[];
}
