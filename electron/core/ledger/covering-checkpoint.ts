// Proofs are made against a signed checkpoint. The latest one usually covers every record (one is
// signed after each import and collector batch); when it does not, a new one is signed, which needs
// the vault's signing key.
import type Database from 'better-sqlite3';
import { UserError } from '../errors';
import { latestCheckpoint, makeCheckpoint, type StoredCheckpoint } from './checkpoints';
import { Ledger } from './ledger';
import { loadSigner, signingKeyPath } from './signing-key';

/** The latest checkpoint if it covers `size` leaves, else a new one over the whole log. */
export function checkpointCovering(
  db: Database.Database,
  vault: { path: string; passphrase: string },
  size: number,
  reason: string,
): StoredCheckpoint {
  const latest = latestCheckpoint(db);
  if (latest && latest.size >= size) return latest;
  const signer = loadSigner(vault.path, vault.passphrase);
  if (!signer) throw new UserError(`records are newer than the last checkpoint and there is no signing key at ${signingKeyPath(vault.path)}`);
  return db.transaction(() => makeCheckpoint(db, new Ledger(db), signer, reason))();
}
