// The purge's way for a large share of the vault (purge.ts): instead of updating rows in place, which
// moves each row's entry in every index over the generated columns, the records table is copied in
// admission order, the purged rows turned into tombstones on the way, into a table created afresh
// from the same definition, then the old one dropped and the indexes (and the views over the table)
// created again, each index in one sorted pass. The table's definition, indexes and views are taken from the schema as it stands, so later
// migrations carry over. It runs inside the caller's transaction: all of it happens or none.
import type Database from 'better-sqlite3';
import { PURGED_COLUMNS } from './purged-columns';

interface SchemaEntry {
  type: string;
  name: string;
  sql: string;
}

/**
 * Whether the table can be swapped: no other table's foreign key names it (dropping the old table
 * would then delete through the key, and renaming it would carry the key over to the old table).
 */
export function canRewriteRecords(db: Database.Database): boolean {
  const referenced = db
    .prepare("SELECT 1 FROM sqlite_schema s, pragma_foreign_key_list(s.name) f WHERE s.type = 'table' AND f.\"table\" = 'records' LIMIT 1")
    .pluck()
    .get();
  return !referenced;
}

/** Rewrites `records` with the rows of temp table `retention_set` purged (not purged before). */
export function rewriteRecords(db: Database.Database, purgedAt: string): void {
  const table = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'records'").pluck().get() as string;
  const dependents = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_schema
       WHERE sql IS NOT NULL AND (type IN ('index', 'trigger') AND tbl_name = 'records' OR type = 'view') ORDER BY rowid`,
    )
    .all() as SchemaEntry[];
  // Generated columns are computed, not copied (table_xinfo marks them hidden 2 or 3).
  const columns = db.prepare("SELECT name FROM pragma_table_xinfo('records') WHERE hidden = 0").pluck().all() as string[];
  const copy = columns.map((name) => {
    const purged = name === 'purged_at' ? '@purgedAt' : (PURGED_COLUMNS as Record<string, string>)[name];
    return purged ? `CASE WHEN s.pos IS NULL OR r.purged_at IS NOT NULL THEN r."${name}" ELSE ${purged} END` : `r."${name}"`;
  });
  // Views name the table: they go while it is swapped (a rename checks every view) and come back.
  for (const view of dependents.filter((d) => d.type === 'view')) db.exec(`DROP VIEW "${view.name}"`);
  // The old table steps aside (its indexes with it), so the new one is created from the very same text.
  db.exec('ALTER TABLE records RENAME TO records_before_purge');
  db.exec(table);
  db.prepare(
    `INSERT INTO records(${columns.map((c) => `"${c}"`).join(', ')})
     SELECT ${copy.join(', ')} FROM records_before_purge r LEFT JOIN temp.retention_set s ON s.pos = r.pos ORDER BY r.pos`,
  ).run({ purgedAt });
  // The old table's pages hold the purged content. Zeroing each as it is freed (secure_delete, on in
  // every vault) would write the whole old table again; the VACUUM that must follow (purge.ts) drops
  // them from the file instead.
  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = FAST');
  try {
    db.exec('DROP TABLE records_before_purge');
  } finally {
    db.pragma(`secure_delete = ${secureDelete}`);
  }
  for (const entry of dependents) db.exec(entry.sql);
}
