import type Database from 'better-sqlite3';
import { UserError } from '../errors';
import { openVault, type OpenOptions } from '../vault/open-vault';
import type { ParsedArgs } from './command';
import type { CliIo } from './io';
import { readPassphrase } from './passphrase';

export interface OpenedVault {
  db: Database.Database;
  path: string;
  /** Commands that sign checkpoints need it again, to open the vault's signing key file. */
  passphrase: string;
}

/** The vault named by the first positional argument, opened with the passphrase of CONTRACT §3. */
export async function openVaultWithPassphrase(args: ParsedArgs, io: CliIo, options: OpenOptions = {}): Promise<OpenedVault> {
  const path = args.positionals[0];
  if (!path) throw new UserError('name the vault file');
  const passphrase = await readPassphrase(io, args.values['passphrase-file'] as string | undefined);
  return { db: openVault(path, passphrase, options), path, passphrase };
}

export async function openVaultFromArgs(args: ParsedArgs, io: CliIo, options: OpenOptions = {}): Promise<Database.Database> {
  return (await openVaultWithPassphrase(args, io, options)).db;
}
