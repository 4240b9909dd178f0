// Purge (issue 6): records past retention lose their content but keep their place. Each row's
// canonical text becomes a tombstone (tombstone.ts), its ledger leaf hash is kept in leaf_hash and
// purged_at is set, so every chain still links and every checkpoint still verifies; verify reports
// the rows as purged. The search index and the summary cube forget them. The new column values are
// computed in SQL (purged-columns.ts) over a temporary set of positions. Two ways to write the
// tombstones, the same rows either way:
// - in place: one UPDATE. Changing a row's canonical text moves its entry in every index over the
//   generated columns (a dozen), which is most of the cost: right for a small share of the vault;
// - rewrite (rewrite-records.ts): the table is copied with the tombstones and its indexes built
//   afresh, each in one sorted pass; for a large share this is several times quicker.
import type Database from 'better-sqlite3';
import { forgetInSummaryCube } from './forget-in-cube';
import { PURGED_COLUMNS, registerPurgeFunctions } from './purged-columns';
import { canRewriteRecords, rewriteRecords } from './rewrite-records';

export type PurgeStrategy = 'in-place' | 'rewrite';

/** From this share of the vault's records up, a purge rewrites the table rather than updating it. */
const REWRITE_FROM_SHARE = 0.25;

export interface PurgeOptions {
  /** The vault is shrunk right after (VACUUM): only then may the table be rewritten (rewrite-records.ts). */
  vacuumAfter: boolean;
  /** Forces one way (the tests compare them); by default the share of the vault decides. */
  strategy?: PurgeStrategy;
}

/**
 * Purges the records whose positions are in temp table `retention_set`, which must hold records not
 * purged yet (retention's selection does); returns how many. A record purged already is left as it
 * is all the same: a tombstone keeps the leaf hash it has.
 */
export function purgeRetentionSet(db: Database.Database, purgedAt: string, options: PurgeOptions): number {
  registerPurgeFunctions(db);
  const count = db.prepare('SELECT count(*) FROM temp.retention_set').pluck().get() as number;
  if (count === 0) return 0;
  // Before the content goes: the cube counts records by what they held.
  forgetInSummaryCube(db);
  const total = db.prepare('SELECT count(*) FROM records').pluck().get() as number;
  const large = options.vacuumAfter && count >= REWRITE_FROM_SHARE * total && canRewriteRecords(db);
  if ((options.strategy ?? (large ? 'rewrite' : 'in-place')) === 'rewrite') {
    rewriteRecords(db, purgedAt);
  } else {
    db.prepare(
      `UPDATE records AS r SET leaf_hash = ${PURGED_COLUMNS.leaf_hash}, canonical = ${PURGED_COLUMNS.canonical},
         admitted_at = ${PURGED_COLUMNS.admitted_at}, purged_at = ?
       WHERE pos IN (SELECT pos FROM temp.retention_set) AND purged_at IS NULL`,
    ).run(purgedAt);
  }
  const hasSearch = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'records_fts'").pluck().get();
  if (hasSearch) db.prepare('DELETE FROM records_fts WHERE rowid IN (SELECT pos FROM temp.retention_set)').run();
  // Detection never looks at purged records again, so what it remembered about them can go.
  db.prepare('DELETE FROM violation_links WHERE record_pos IN (SELECT pos FROM temp.retention_set)').run();
  markPurged(db);
  return count;
}

/**
 * Runs a purge with a page cache of up to 512 MiB (the vault's size at most), then gives the usual one
 * back. A large purge reads the rewritten table once per index it builds, then again to vacuum: kept
 * decrypted in memory, those reads cost nothing.
 */
export function withLargeCache<T>(db: Database.Database, vaultBytes: number, run: () => T): T {
  const usual = db.pragma('cache_size', { simple: true }) as number;
  const kib = Math.min(512 * 1024, Math.ceil(vaultBytes / 1024));
  if (usual < 0 && -usual >= kib) return run();
  db.pragma(`cache_size = -${kib}`);
  try {
    return run();
  } finally {
    db.pragma(`cache_size = ${usual}`);
  }
}

/**
 * Gives the freed pages back to the file system. VACUUM rewrites the database through the WAL, so the
 * WAL is checkpointed before (VACUUM needs no readers of old pages) and truncated after. Returns false
 * when another connection keeps the vault busy: the space is then reclaimed by a later run.
 */
export function shrinkVault(db: Database.Database): boolean {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
    return true;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY') || (error as { code?: string }).code === 'SQLITE_LOCKED') return false;
    throw error;
  }
}

/**
 * Settings key saying that some record of this vault has been purged: until then the collector counts
 * live records as max(pos), instantly, rather than through the time index (collector/reads/log-queries.ts).
 * Bookkeeping, not a setting anyone changes: not in the chain, not on the Settings screen.
 */
export const RECORDS_PURGED_KEY = 'records_purged';

function markPurged(db: Database.Database): void {
  db.prepare("INSERT INTO settings(key, value) VALUES (?, 'true') ON CONFLICT(key) DO UPDATE SET value = 'true'").run(RECORDS_PURGED_KEY);
}
