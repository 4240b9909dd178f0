// Applies numbered migrations, each in its own transaction: SQLite DDL is transactional, so a migration
// that fails leaves the vault exactly as it was, at the version before it.
import type Database from 'better-sqlite3';
import { UserError } from '../errors';
import type { Migration } from './migrations/migration';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** A vault from a newer version is never touched: its schema may mean things this version cannot know. */
export function refuseNewer(db: Database.Database, migrations: readonly Migration[], vaultPath: string): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new UserError(
      `${vaultPath} was written by a newer AuditDesk (vault schema ${current}; this version knows up to ${latest}). ` +
        'Upgrade AuditDesk to open it; the vault was not changed.',
    );
  }
}

/**
 * @param onMigration told before each migration is applied: some rebuild indexes over every record
 *   (a minute at 1M records), and whoever opened the vault should say why it is taking so long.
 */
export function migrate(
  db: Database.Database, migrations: readonly Migration[], vaultPath: string, onMigration?: (migration: Migration) => void,
): void {
  refuseNewer(db, migrations, vaultPath);
  const current = schemaVersion(db);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    onMigration?.(migration);
    const apply = db.transaction(() => {
      db.exec(migration.up);
      const seed = db.prepare('INSERT OR IGNORE INTO settings(key, value) VALUES (?, ?)');
      for (const [key, value] of migration.seed ?? []) seed.run(key, JSON.stringify(value));
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply();
    } catch (error) {
      throw new UserError(
        `migrating ${vaultPath} to schema ${migration.version} (${migration.name}) failed: ${(error as Error).message}. ` +
          `The vault is unchanged at schema ${schemaVersion(db)}.`,
      );
    }
  }
}
