// One record in full for the Record view: every member as stored, its place in the tenant's chain
// (checked afresh: the stored bytes hash to audit_hash, prev_hash links to the previous record), the
// records around it, and sensitive values masked unless the caller is answering a logged reveal.
import type Database from 'better-sqlite3';
import type { RecordDetail, RecordRef } from '../../../shared/api/record';
import { ZERO_HASH } from '../../../shared/hash';
import { nodeSha256 } from '../node-sha';
import { maskSensitive } from './mask-sensitive';
import { sensitiveFieldNames } from './sensitive-fields';
import { TRAIL_ROW_COLUMNS, toTrailRow, type RawTrailRow } from './trail-row';

interface StoredRow {
  pos: number;
  canonical: string;
  audit_hash: string;
  admitted_at: string;
  purged_at: string | null;
  tenant: string;
  seq: number;
  id: string;
  parent_audit_id: string | null;
}

interface Neighbour {
  pos: number;
  seq: number;
  id: string;
  audit_hash: string;
}

const STORED = 'SELECT pos, canonical, audit_hash, admitted_at, purged_at, tenant, seq, id, parent_audit_id FROM records';

export function findRecord(db: Database.Database, ref: RecordRef): StoredRow | undefined {
  if ('pos' in ref) return db.prepare(`${STORED} WHERE pos = ?`).get(ref.pos) as StoredRow | undefined;
  if ('id' in ref) return db.prepare(`${STORED} WHERE tenant = ? AND id = ?`).get(ref.tenant, ref.id) as StoredRow | undefined;
  return db.prepare(`${STORED} WHERE tenant = ? AND seq = ?`).get(ref.tenant, ref.seq) as StoredRow | undefined;
}

export function recordDetail(db: Database.Database, ref: RecordRef, options: { reveal?: boolean } = {}): RecordDetail | null {
  const row = findRecord(db, ref);
  if (!row) return null;
  const neighbour = (sql: string) => {
    const n = db.prepare(sql).get(row.tenant, row.seq) as Neighbour | undefined;
    return n ? { ...n, id: String(n.id) } : null;
  };
  const prev = neighbour('SELECT pos, seq, id, audit_hash FROM records WHERE tenant = ? AND seq < ? ORDER BY seq DESC LIMIT 1');
  const next = neighbour('SELECT pos, seq, id, audit_hash FROM records WHERE tenant = ? AND seq > ? ORDER BY seq LIMIT 1');
  const parsed = JSON.parse(row.canonical) as Record<string, unknown>;
  const prevHash = String(parsed.prev_hash ?? '');
  const expectedPrev = row.seq === 1 ? ZERO_HASH : prev && prev.seq === row.seq - 1 ? prev.audit_hash : null;
  const head = db.prepare('SELECT seq FROM chain_heads WHERE tenant = ?').get(row.tenant) as { seq: number } | undefined;

  const rowsWhere = (where: string, ...params: unknown[]) =>
    (db.prepare(`SELECT ${TRAIL_ROW_COLUMNS} FROM records WHERE ${where}`).all(...params) as RawTrailRow[]).map(toTrailRow);
  const parent = row.parent_audit_id ? (rowsWhere('tenant = ? AND id = ?', row.tenant, String(row.parent_audit_id))[0] ?? null) : null;
  // No ORDER BY: sorting by seq would make SQLite walk the chain index instead of records_parent.
  const children = rowsWhere('tenant = ? AND parent_audit_id = ? LIMIT 100', row.tenant, String(row.id)).sort((a, b) => a.seq - b.seq);

  const full = { ...parsed, audit_hash: row.audit_hash };
  // A purged record's content is gone and is not re-hashed (as in verify): what can still be checked is
  // that the chain links through it, the next record naming its kept audit_hash as prev_hash.
  const nextPrev = next ? nextPrevHash(db, next.pos) : null;
  const nextLinks = row.purged_at && nextPrev !== null ? nextPrev === row.audit_hash : null;
  const masked = options.reveal ? { value: full, paths: [] } : maskSensitive(full, new Set(sensitiveFieldNames(db)));
  return {
    pos: row.pos,
    record: masked.value,
    audit_hash: row.audit_hash,
    admitted_at: row.admitted_at,
    purged_at: row.purged_at,
    chain: {
      seq: row.seq,
      prev_hash: prevHash,
      hashOk: row.purged_at ? nextLinks !== false : nodeSha256.hexOfText(row.canonical) === row.audit_hash,
      linkOk: row.purged_at ? nextLinks !== false : expectedPrev !== null && expectedPrev === prevHash,
      nextLinks,
      head: head?.seq ?? null,
      prev,
      next,
    },
    parent,
    children,
    masked: masked.paths,
    revealRecordId: null,
  };
}

/** The prev_hash of the record at `pos`; null when it has none to say (a purged record keeps none). */
function nextPrevHash(db: Database.Database, pos: number): string | null {
  const row = db.prepare('SELECT canonical, purged_at FROM records WHERE pos = ?').get(pos) as { canonical: string; purged_at: string | null } | undefined;
  if (!row || row.purged_at) return null;
  const prev = (JSON.parse(row.canonical) as { prev_hash?: unknown }).prev_hash;
  return typeof prev === 'string' ? prev : '';
}
