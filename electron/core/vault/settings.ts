// Typed access to the settings table (JSON values), through drizzle-orm.
import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { settings } from './schema';

export function readSetting<T>(db: Database.Database, key: string): T | undefined {
  const row = drizzle(db).select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function writeSetting(db: Database.Database, key: string, value: unknown): void {
  const text = JSON.stringify(value);
  drizzle(db).insert(settings).values({ key, value: text }).onConflictDoUpdate({ target: settings.key, set: { value: text } }).run();
}
