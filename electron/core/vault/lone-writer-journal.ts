// A rollback journal for a long write when no other connection has the vault open (a lone CLI import).
//
// In WAL mode every page an import writes goes through the cipher three times: encrypted into the
// -wal, then, at the checkpoint after COMMIT, decrypted from the -wal and encrypted again into the
// vault. At a million records that checkpoint alone took ~15 s of a 62 s import. With a rollback
// journal the pages are written once, straight into the vault; the journal keeps only the original
// content of pages that existed before (SQLite never journals pages past the file's original end), so
// a new vault's journal stays a few pages and a killed import still rolls back to none of the file.
//
// The price: while the import holds its write lock, other processes cannot open the vault (they wait,
// then are told it is busy). That is why this is only taken when nobody else has the vault open; a
// vault that `serve` or the app holds stays in WAL, so their readers keep reading during the import.
import type Database from 'better-sqlite3';

/**
 * Switches `db` to a rollback journal if no other connection has the vault open; returns how to go back
 * to WAL afterwards (a no-op when the switch was not possible).
 */
export function rollbackJournalIfAlone(db: Database.Database): () => void {
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') return () => {};
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  // Leaving WAL needs an exclusive lock: fail at once rather than wait if someone else holds the vault.
  db.pragma('busy_timeout = 0');
  let switched = false;
  try {
    switched = db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  } catch {
    switched = false; // SQLITE_BUSY: another connection has the vault open; stay in WAL
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
  if (!switched) return () => {};
  // FULL: the journal is synced before any vault page it protects is overwritten.
  db.pragma('synchronous = FULL');
  return () => {
    db.pragma('synchronous = NORMAL');
    try {
      db.pragma('journal_mode = WAL');
    } catch {
      // Another process opened the vault in the meantime: the next open (configure in open-vault.ts)
      // sets WAL again; the vault is consistent either way.
    }
  };
}
