// Keeps the search index and the summary cube (migration 3) caught up with the records table, a batch
// at a time in short transactions, so imports stay fast and the UI stays responsive while a large
// vault is indexed. Values of the sensitive fields are left out of the search index.
import type Database from 'better-sqlite3';
import type { SearchCoverage } from '../../../shared/api/trail';
import { CUBE_DIMS_SQL, foldCube, type CubeDims } from './cube-dims';
import { sensitiveFieldNames } from './sensitive-fields';

/** Chain members carry no meaning a person would search for. */
const SKIPPED = new Set(['prev_hash', 'seq', 'audit_hash']);

export function indexedPos(db: Database.Database): number {
  return (db.prepare('SELECT indexed_pos AS n FROM review_index_state WHERE id = 1').get() as { n: number } | undefined)?.n ?? 0;
}

export function indexCoverage(db: Database.Database): SearchCoverage {
  const total = (db.prepare('SELECT ifnull(max(pos), 0) AS n FROM records').get() as { n: number }).n;
  return { indexed: Math.min(indexedPos(db), total), total };
}

/**
 * Indexes up to `batch` records not indexed yet, in one transaction, and returns the coverage after
 * it (`indexed === total`: caught up). Must not run inside another transaction (an import's).
 */
export function indexNextBatch(db: Database.Database, batch = 2000): SearchCoverage {
  const sensitive = new Set(sensitiveFieldNames(db));
  db.transaction(() => {
    const from = indexedPos(db);
    const rows = db
      .prepare(`SELECT pos, canonical, purged_at, ${CUBE_DIMS_SQL} FROM records WHERE pos > ? ORDER BY pos LIMIT ?`)
      .all(from, batch) as Array<CubeDims & { pos: number; canonical: string; purged_at: string | null }>;
    if (rows.length === 0) return;
    // A purged record (a tombstone) is neither searched nor counted: the purge took it out of both.
    const live = rows.filter((row) => row.purged_at === null);
    const insert = db.prepare('INSERT OR REPLACE INTO records_fts(rowid, body) VALUES (?, ?)');
    for (const row of live) insert.run(row.pos, searchText(JSON.parse(row.canonical) as unknown, sensitive));
    const add = db.prepare(
      `INSERT INTO summary_cube(day, tenant, kind, operation, user, resource_type, framework, sensitive, severity, open, n)
       VALUES (@day, @tenant, @kind, @operation, @user, @resource_type, @framework, @sensitive, @severity, @open, @n)
       ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    );
    for (const cell of foldCube(live).values()) add.run(cell);
    db.prepare('UPDATE review_index_state SET indexed_pos = ? WHERE id = 1').run(rows.at(-1)!.pos);
  })();
  return indexCoverage(db);
}

/** Every string and number in the record, but no value of a sensitive field at any depth. */
export function searchText(value: unknown, sensitive: ReadonlySet<string>): string {
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') parts.push(v);
    else if (typeof v === 'number') parts.push(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [key, inner] of Object.entries(v)) {
        if (SKIPPED.has(key) || sensitive.has(key.toLowerCase())) continue;
        walk(inner);
      }
    }
  };
  walk(value);
  return parts.join(' ');
}
