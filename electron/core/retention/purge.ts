// Purge (issue 6): records past retention lose their content but keep their place. Each row's
// canonical text becomes a tombstone (tombstone.ts), its ledger leaf hash is kept in leaf_hash and
// purged_at is set, so every chain still links and every checkpoint still verifies; verify reports
// the rows as purged. The search index forgets them. One UPDATE over a temporary set of positions:
// the hashing and tombstone building run as SQL functions, so a million rows need no round trips.
import type Database from 'better-sqlite3';
import { recordLeafHash } from '../ledger/node-hasher';
import { tombstoneOf } from './tombstone';

/** Purges the records whose positions are in temp table `retention_set`; returns how many. */
export function purgeRetentionSet(db: Database.Database, purgedAt: string): number {
  db.function('adk_leaf_hash', { deterministic: true }, (canonical: unknown) => recordLeafHash(canonical as string));
  db.function('adk_tombstone', { deterministic: true }, (canonical: unknown) => tombstoneOf(canonical as string));
  // SET expressions all read the row as it was: the leaf hash is of the original content.
  const changed = db.prepare(
    `UPDATE records SET leaf_hash = adk_leaf_hash(canonical), canonical = adk_tombstone(canonical), purged_at = ?
     WHERE pos IN (SELECT pos FROM temp.retention_set) AND purged_at IS NULL`,
  ).run(purgedAt).changes;
  const hasSearch = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'records_fts'").pluck().get();
  if (hasSearch) db.prepare('DELETE FROM records_fts WHERE rowid IN (SELECT pos FROM temp.retention_set)').run();
  // Detection never looks at purged records again, so what it remembered about them can go.
  db.prepare('DELETE FROM violation_links WHERE record_pos IN (SELECT pos FROM temp.retention_set)').run();
  return changed;
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
