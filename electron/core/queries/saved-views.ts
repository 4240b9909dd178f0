// The saved_views table (migration 7): list, save (insert, or replace a view of the same name), delete.
import type Database from 'better-sqlite3';
import type { SavedView } from '../../../shared/api/views';

export function listSavedViews(db: Database.Database): SavedView[] {
  return db.prepare('SELECT id, name, query, created_at, created_by FROM saved_views ORDER BY name COLLATE NOCASE, name').all() as SavedView[];
}

export function findSavedView(db: Database.Database, name: string): SavedView | undefined {
  return db.prepare('SELECT id, name, query, created_at, created_by FROM saved_views WHERE name = ?').get(name) as SavedView | undefined;
}

/** Saves `query` under `name`; a view of that name keeps its id and takes the new query, time and author. */
export function upsertSavedView(db: Database.Database, view: Omit<SavedView, 'id'>): void {
  db.prepare(
    `INSERT INTO saved_views (name, query, created_at, created_by) VALUES (@name, @query, @created_at, @created_by)
     ON CONFLICT (name) DO UPDATE SET query = excluded.query, created_at = excluded.created_at, created_by = excluded.created_by`,
  ).run(view);
}

/** True when a view was deleted. */
export function deleteSavedView(db: Database.Database, id: number): boolean {
  return db.prepare('DELETE FROM saved_views WHERE id = ?').run(id).changes > 0;
}
