import type Database from 'better-sqlite3';
import { UserError } from '../errors';
import { openVault, type OpenOptions } from '../vault/open-vault';
import type { Migration } from '../vault/migrations/migration';
import { deriveRawKey } from '../vault/raw-key';
import type { ParsedArgs } from './command';
import type { CliIo } from './io';
import { readPassphrase } from './passphrase';

export interface OpenedVault {
  db: Database.Database;
  path: string;
  /** Commands that sign checkpoints need it again, to open the vault's signing key file. */
  passphrase: string;
  /** With `forWorkers`: the derived key for worker threads (raw-key.ts), null if it could not be had. */
  rawKey: Promise<string | null> | null;
}

/** The vault named by the first positional argument, opened with the passphrase of CONTRACT §3. */
export async function openVaultWithPassphrase(
  args: ParsedArgs, io: CliIo, options: OpenOptions & { forWorkers?: boolean } = {},
): Promise<OpenedVault> {
  const path = args.positionals[0];
  if (!path) throw new UserError('name the vault file');
  const passphrase = await readPassphrase(io, args.values['passphrase-file'] as string | undefined);
  // Started before this thread's own (synchronous) derivation, so the thread pool does it alongside.
  const rawKey = options.forWorkers ? deriveRawKey(path, passphrase) : null;
  return { db: openVault(path, passphrase, { onMigration: sayingUpgrade(io, path), ...options }), path, passphrase, rawKey };
}

/**
 * The same vault, with `meanwhile` done while the thread pool derives its key (~0.13 s): then the
 * vault is opened with that key, not derived a second time on this thread. `auditdesk report` reads
 * its signing identity and loads the PDF code meanwhile.
 */
export async function openVaultMeanwhile<T>(
  args: ParsedArgs, io: CliIo, meanwhile: () => Promise<T>, options: OpenOptions = {},
): Promise<OpenedVault & { meanwhile: T }> {
  const path = args.positionals[0];
  if (!path) throw new UserError('name the vault file');
  const passphrase = await readPassphrase(io, args.values['passphrase-file'] as string | undefined);
  const rawKey = deriveRawKey(path, passphrase);
  const done = await meanwhile();
  const db = openVault(path, passphrase, { onMigration: sayingUpgrade(io, path), ...options, rawKey: await rawKey });
  return { db, path, passphrase, rawKey, meanwhile: done };
}

/** Says on stderr which upgrade of the vault's schema is running: some take a minute at 1M records. */
export function sayingUpgrade(io: CliIo, path: string): (migration: Migration) => void {
  return (m) => io.stderr.write(`upgrading ${path} to vault schema ${m.version} (${m.name}); on a large vault this takes a while\n`);
}

export async function openVaultFromArgs(args: ParsedArgs, io: CliIo, options: OpenOptions = {}): Promise<Database.Database> {
  return (await openVaultWithPassphrase(args, io, options)).db;
}
