// The vault the review UI works on, and whether it is unlocked. While unlocked it also keeps what worker
// threads need to open the vault again (verify and reports read a large vault on two threads). Locking
// closes the connection and forgets both: nothing of the vault stays readable in this process.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { NoteSigner } from '../../../shared/ledger';
import { registerSigner } from '../ledger/signer-registry';
import { createSigningKey, loadSigner, signingKeyPath } from '../ledger/signing-key';
import { openVault } from '../vault/open-vault';
import { deriveRawKey, type VaultAccess } from '../vault/raw-key';

/**
 * Where the unlocked vault's checkpoint signer comes from: by default its key file, opened with the
 * passphrase; the desktop app passes one that keeps the key in the OS keychain (electron/main).
 */
export type SignerSource = (vaultPath: string, passphrase: string, db: Database.Database) => NoteSigner | null;

export class VaultSession {
  private db: Database.Database | null = null;
  private vaultPath: string | null;
  private access: VaultAccess | null = null;

  constructor(
    vaultPath: string | null,
    private readonly nativeBinding?: string,
    /** Settable: the desktop app can reach the OS keychain only once Electron is ready. */
    public signerSource: SignerSource = loadSigner,
  ) {
    this.vaultPath = vaultPath;
  }

  /** Applied to every connection this session opens (serve: no WAL checkpoints of its own). */
  configureConnection: ((db: Database.Database) => void) | null = null;

  get path(): string | null {
    return this.vaultPath;
  }

  get name(): string | null {
    return this.vaultPath ? path.basename(this.vaultPath) : null;
  }

  get unlocked(): boolean {
    return this.db !== null;
  }

  /** For worker threads that open the unlocked vault again (raw-key.ts); null while locked. */
  get workerAccess(): VaultAccess | null {
    return this.access;
  }

  /** The open vault; callers check `unlocked` first (handlers do it through `requireDb`). */
  get connection(): Database.Database | null {
    return this.db;
  }

  /** Opens (or creates) the vault; throws the engine's UserError on a wrong passphrase. */
  unlock(passphrase: string, vaultPath = this.vaultPath, create = false): void {
    if (!vaultPath) throw new Error('no vault chosen');
    const db = openVault(vaultPath, passphrase, { create, nativeBinding: this.nativeBinding });
    try {
      this.configureConnection?.(db);
      // A vault made here gets its signing key as `auditdesk init` would give it one.
      if (create && !fs.existsSync(signingKeyPath(vaultPath))) createSigningKey(db, vaultPath, passphrase);
      // Imports and collector batches on this connection then sign a checkpoint each (issue 4).
      const signer = this.signerSource(vaultPath, passphrase, db);
      if (signer) registerSigner(db, signer);
    } catch (error) {
      db.close();
      throw error;
    }
    this.lock();
    this.db = db;
    this.vaultPath = vaultPath;
    // Derived on the thread pool now, so that the first verify or report does not wait for it.
    this.access = { vaultPath, passphrase, rawKey: deriveRawKey(vaultPath, passphrase) };
  }

  /** Switches to another vault (desktop): the current one is locked, the new one waits for its passphrase. */
  choose(vaultPath: string): void {
    this.lock();
    this.vaultPath = vaultPath;
  }

  lock(): void {
    this.access = null;
    if (this.db) {
      try {
        this.db.close();
      } finally {
        this.db = null;
      }
    }
  }
}
