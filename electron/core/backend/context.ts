// What every handler gets: the session, the jobs, the options the door was started with.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Result } from '../../../shared/api/result';
import type { ROUTES, RouteName, RouteResponse } from '../../../shared/api/routes';
import type { JobRegistry } from './jobs';
import type { SignerSource, VaultSession } from './vault-session';

/** Remembers passphrases on this device (Electron safeStorage); absent in `serve`. */
export interface PassphraseMemory {
  remember(vaultPath: string, passphrase: string): void;
  recall(vaultPath: string): string | null;
  forget(vaultPath: string): void;
}

/** Recently opened vaults (desktop): most recent first. */
export interface RecentVaults {
  list(): string[];
  add(vaultPath: string): void;
}

export interface BackendOptions {
  /** `serve`: the one vault this backend may open. Desktop: the vault to start with, if any. */
  vaultPath?: string;
  /** Open the vault at once with this passphrase (serve, where the passphrase was given on start). */
  passphrase?: string;
  /** Desktop: may open, create and switch vaults, and open the demo. */
  canChooseVault: boolean;
  /** Where the demo vault lives (desktop: userData; serve: none). */
  dataDir?: string;
  reviewer?: string;
  idleLockMinutes?: number;
  nativeBinding?: string;
  /** Applied to each connection the session opens (serve turns off its WAL checkpoints: a worker does them). */
  configureConnection?: (db: Database.Database) => void;
  /** Where an unlocked vault's checkpoint signer comes from (default: its key file). */
  signerSource?: SignerSource;
  memory?: PassphraseMemory;
  recent?: RecentVaults;
  /** Keep the search index and summary cube caught up in the background (default true). */
  backgroundIndexing?: boolean;
  /** Desktop: where the app's own collector listens, once it does (the Settings screen shows it). */
  collectorUrl?: string;
}

export interface BackendContext {
  options: BackendOptions;
  session: VaultSession;
  jobs: JobRegistry;
  /** Set while an import writes: other writes (reveals) wait for it rather than join its transaction. */
  writing: { busy: boolean };
  reviewer: string;
  /** Called after the vault changed (unlock, import): restarts background indexing. */
  vaultChanged(): void;
}

export type ParsedRequest<R extends RouteName> = z.output<(typeof ROUTES)[R]['request']>;

export type Handler<R extends RouteName> = (
  ctx: BackendContext,
  body: ParsedRequest<R>,
) => Result<RouteResponse<R>> | Promise<Result<RouteResponse<R>>>;

export type HandlerMap = { [R in RouteName]?: Handler<R> };

/** The open vault, or the error value a locked session answers with. */
export function requireDb(ctx: BackendContext): { ok: true; db: Database.Database } | { ok: false; error: { code: 'locked' | 'no_vault'; message: string } } {
  const db = ctx.session.connection;
  if (db) return { ok: true, db };
  return ctx.session.path
    ? { ok: false, error: { code: 'locked', message: 'the vault is locked: enter its passphrase to continue' } }
    : { ok: false, error: { code: 'no_vault', message: 'no vault is open: open or create one' } };
}
