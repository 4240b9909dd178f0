// What archiving needs beyond the open vault: the passphrase (archives are encrypted with it) and the
// checkpoint signer. The CLI passes them directly; a server that opened the vault (serve, the desktop
// app) registers them here so the collector's `POST management/ {"action": "archive"}` can archive.
// Held in memory only, per open connection, and forgotten with it.
import type Database from 'better-sqlite3';
import type { ArchiveSecrets } from './archive/write-archive';

const secrets = new WeakMap<Database.Database, ArchiveSecrets & { archiveDir?: string }>();

export function registerRetentionSecrets(db: Database.Database, value: ArchiveSecrets & { archiveDir?: string }): void {
  secrets.set(db, value);
}

export function retentionSecretsFor(db: Database.Database): (ArchiveSecrets & { archiveDir?: string }) | null {
  return secrets.get(db) ?? null;
}
