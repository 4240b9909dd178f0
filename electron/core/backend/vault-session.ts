// The vault the review UI works on, and whether it is unlocked. Locking closes the connection and
// forgets the passphrase: nothing of the vault stays readable in this process.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openVault } from '../vault/open-vault';

export class VaultSession {
  private db: Database.Database | null = null;
  private vaultPath: string | null;

  constructor(
    vaultPath: string | null,
    private readonly nativeBinding?: string,
  ) {
    this.vaultPath = vaultPath;
  }

  get path(): string | null {
    return this.vaultPath;
  }

  get name(): string | null {
    return this.vaultPath ? path.basename(this.vaultPath) : null;
  }

  get unlocked(): boolean {
    return this.db !== null;
  }

  /** The open vault; callers check `unlocked` first (handlers do it through `requireDb`). */
  get connection(): Database.Database | null {
    return this.db;
  }

  /** Opens (or creates) the vault; throws the engine's UserError on a wrong passphrase. */
  unlock(passphrase: string, vaultPath = this.vaultPath, create = false): void {
    if (!vaultPath) throw new Error('no vault chosen');
    const db = openVault(vaultPath, passphrase, { create, nativeBinding: this.nativeBinding });
    this.lock();
    this.db = db;
    this.vaultPath = vaultPath;
  }

  /** Switches to another vault (desktop): the current one is locked, the new one waits for its passphrase. */
  choose(vaultPath: string): void {
    this.lock();
    this.vaultPath = vaultPath;
  }

  lock(): void {
    if (this.db) {
      try {
        this.db.close();
      } finally {
        this.db = null;
      }
    }
  }
}
