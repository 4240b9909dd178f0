// Opens or creates a vault: one SQLCipher 4 file keyed with the passphrase itself (CONTRACT §3), so that
// standard SQLCipher 4 tools open it too.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { UserError } from '../errors';
import { migrate, refuseNewer } from './migrate';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';

/** 'ADK1': marks the file as an AuditDesk vault for `PRAGMA application_id`. */
export const APPLICATION_ID = 0x41444b31;

export interface OpenOptions {
  create?: boolean;
  readonly?: boolean;
  /**
   * false skips SQLCipher's per-page HMAC check on reads (read-only connections only). Only the
   * readers of `verify` and of a report's pass ask for it: every byte they use is then checked by
   * their own SHA-256 (chains, leaves, the tree against signed checkpoints), which a page MAC cannot
   * add to, and the MAC is most of the cost of reading a page (docs/vault.md, "Page MAC").
   */
  pageMacCheck?: boolean;
  /**
   * The key derived from the passphrase (raw-key.ts), as hex: opens without deriving it again. A wrong
   * one fails like a wrong passphrase.
   */
  rawKey?: string | null;
  /** For tests of the migration runner only. */
  migrations?: readonly Migration[];
  /** Told before each migration this open applies (migrate.ts). */
  onMigration?: (migration: Migration) => void;
  /**
   * Where the SQLite native module lives. Under `npm start` the Electron build sits in .electron-native/
   * (scripts/electron-native.mjs) and AUDITDESK_NATIVE_BINDING names it; elsewhere the default module.
   */
  nativeBinding?: string;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function openVault(path: string, passphrase: string, options: OpenOptions = {}): Database.Database {
  checkPath(path, options.create ?? false);
  if (passphrase.length === 0) throw new UserError('the passphrase must not be empty');
  const db = keyed(path, passphrase, options);
  try {
    // A wrong key only shows at the first read.
    try {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch (error) {
      const code = (error as { code?: string }).code;
      // A lone CLI import holds the vault locked while it writes (lone-writer-journal.ts).
      if (code === 'SQLITE_BUSY') {
        throw new UserError(`${path} is busy: another process is writing to it (an import); try again when it has finished`);
      }
      // An import killed while writing through a rollback journal left it behind: a read-only
      // connection cannot roll it back, so a read-write one does (the vault as before that import).
      if (code === 'SQLITE_READONLY_ROLLBACK') {
        db.close();
        rollBackInterruptedWrite(path, passphrase, options);
        return openVault(path, passphrase, options);
      }
      throw new UserError(`cannot open ${path}: wrong passphrase, or not an AuditDesk vault`);
    }
    configure(db, options.readonly ?? false);
    const appId = db.pragma('application_id', { simple: true }) as number;
    const empty = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n === 0;
    if (empty && options.create) {
      db.pragma(`application_id = ${APPLICATION_ID}`);
    } else if (appId !== APPLICATION_ID) {
      throw new UserError(`${path} is an encrypted SQLite database, but not an AuditDesk vault`);
    }
    if (options.readonly) refuseNewer(db, options.migrations ?? MIGRATIONS, path);
    else migrate(db, options.migrations ?? MIGRATIONS, path, options.onMigration);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function keyed(path: string, passphrase: string, options: OpenOptions): Database.Database {
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: !options.create,
    nativeBinding: options.nativeBinding ?? process.env.AUDITDESK_NATIVE_BINDING,
  });
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  if (options.pageMacCheck === false) {
    if (!options.readonly) throw new Error('the page MAC check may only be skipped on a read-only connection');
    db.pragma('hmac_check = 0');
  }
  if (options.rawKey && /^[0-9a-f]{64}$/.test(options.rawKey)) db.pragma(`key = "x'${options.rawKey}'"`);
  else db.key(Buffer.from(passphrase, 'utf8'));
  return db;
}

/** The first read of a read-write connection rolls a hot journal back; nothing else is touched. */
function rollBackInterruptedWrite(path: string, passphrase: string, options: OpenOptions): void {
  let db: Database.Database | null = null;
  try {
    db = keyed(path, passphrase, { ...options, readonly: false, pageMacCheck: true });
    db.pragma('busy_timeout = 5000');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    throw new UserError(
      `${path}: an interrupted import left its journal, and rolling it back failed (${(error as Error).message}); ` +
        'open the vault once with write access to the file and its folder',
    );
  } finally {
    db?.close();
  }
}

function configure(db: Database.Database, readonly: boolean): void {
  // Sorting and temporary indexes stay in memory: SQLite's temp files would not be encrypted.
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (!readonly) {
    // WAL: readers (the UI) are not blocked by a long import; the -wal file is encrypted as well.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('cache_size = -65536'); // 64 MiB
}

function checkPath(path: string, create: boolean): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(path);
  } catch {
    stat = undefined;
  }
  if (create) {
    if (stat) throw new UserError(`${path} already exists; choose a new file for the vault`);
    return;
  }
  if (!stat) throw new UserError(`${path}: no such vault file`);
  if (stat.isDirectory()) throw new UserError(`${path} is a directory, not a vault file`);
  let head: Buffer;
  try {
    const fd = fs.openSync(path, 'r');
    head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    fs.closeSync(fd);
  } catch (error) {
    throw new UserError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (stat.size > 0 && head.equals(SQLITE_HEADER)) {
    throw new UserError(`${path} is a plain, unencrypted SQLite database, not an AuditDesk vault`);
  }
  if (stat.size === 0) throw new UserError(`${path} is empty, not an AuditDesk vault`);
}
