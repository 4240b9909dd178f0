// Both ways a purge writes its tombstones (in place for a small share of the vault, by rewriting the
// records table for a large one) must leave the same vault: the same rows, chains and ledger that
// verify with the purged records reported as purged, and a search index and dashboard summary that no
// longer count them.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { canonicalJson, type JsonObject } from '../../shared/canonical-json';
import { checkRecord } from '../../shared/records/record-schema';
import { count, logWhere, pageOf } from '../../electron/core/collector/reads/log-queries';
import { nodeSha256 } from '../../electron/core/node-sha';
import { indexCoverage, indexNextBatch } from '../../electron/core/queries/review-indexer';
import { summarize } from '../../electron/core/queries/summary';
import { listTrail } from '../../electron/core/queries/trail-list';
import { purgeRetentionSet, type PurgeStrategy } from '../../electron/core/retention/purge';
import { canRewriteRecords } from '../../electron/core/retention/rewrite-records';
import { isTombstone } from '../../electron/core/retention/tombstone';
import { Admission } from '../../electron/core/vault/admission';
import { openVault } from '../../electron/core/vault/open-vault';
import { verifyVault } from '../../electron/core/vault/verify-vault';
import { PASSPHRASE } from '../support/cli';
import { logRecord } from '../support/records';
import { tempDir } from '../support/temp';
import { recordDetail } from '../../electron/core/queries/record-detail';

/** 60 records, in tenants t1 and t2; the even ones carry the word "doomed" and are purged. */
function indexedVault(index = true): Database.Database {
  const db = openVault(path.join(tempDir(), 'p.vault'), PASSPHRASE, { create: true });
  db.transaction(() => {
    const admission = new Admission(db, nodeSha256);
    for (let i = 0; i < 60; i++) {
      const record: JsonObject = logRecord({
        id: `r${i}`, tenant: i % 3 ? 't1' : 't2', timestamp: new Date(Date.UTC(2019, 2, 1, 0, i)).toISOString(),
        resource_name: i % 2 ? `kept ${i}` : `doomed ${i}`, user: 'zoe@example.com',
      });
      const checked = checkRecord(record);
      if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
      admission.admit(checked.record);
    }
    admission.finish();
  })();
  while (index && indexCoverage(db).indexed < indexCoverage(db).total) indexNextBatch(db);
  return db;
}

function purgeEven(db: Database.Database, strategy: PurgeStrategy): number {
  return db.transaction(() => {
    db.exec('CREATE TEMP TABLE retention_set(pos INTEGER PRIMARY KEY, tenant TEXT NOT NULL, seq INTEGER NOT NULL)');
    // Record i is at position i + 1: the odd positions hold the "doomed" ones, purged or not.
    db.exec('INSERT INTO temp.retention_set SELECT pos, tenant, seq FROM records WHERE pos % 2 = 1');
    const purged = purgeRetentionSet(db, '2026-01-01T00:00:00.000Z', { vacuumAfter: true, strategy });
    db.exec('DROP TABLE temp.retention_set');
    return purged;
  })();
}

const rows = (db: Database.Database) =>
  db.prepare('SELECT pos, canonical, audit_hash, admitted_at, hex(leaf_hash) AS leaf, purged_at FROM records ORDER BY pos').all() as Array<{ pos: number; canonical: string; audit_hash: string; admitted_at: string; leaf: string; purged_at: string | null }>;

const schema = (db: Database.Database) => db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();

describe('purging in place and by rewriting the table', () => {
  it('leave the same rows, a vault that verifies, and no trace in search or the summary', async () => {
    const results = [];
    for (const strategy of ['in-place', 'rewrite'] as const) {
      const db = indexedVault();
      const before = schema(db);
      expect(purgeEven(db, strategy)).toBe(30);
      expect(schema(db)).toEqual(before); // every index and view is back, as it was defined

      const report = await verifyVault(db);
      expect(report.ok).toBe(true);
      expect(report.chains.reduce((n, c) => n + (c.purged ?? 0), 0)).toBe(30);
      expect(summarize(db, {}).total).toBe(30);
      expect(listTrail(db, { q: 'doomed', limit: 100 }).rows).toEqual([]);
      expect(listTrail(db, { q: 'kept', limit: 100 }).rows).toHaveLength(30);
      // The Trail lists the records that kept their content, whatever it is filtered by.
      expect(listTrail(db, { limit: 100 }).rows.map((r) => r.pos % 2)).toEqual(Array(30).fill(0));
      expect(listTrail(db, { tenant: 't1', limit: 100 }).rows.every((r) => r.pos % 2 === 0)).toBe(true);
      // So do the seed's GET audit-logs/ pages, and their count agrees.
      expect(count(db, logWhere({ kind: 'log' }))).toBe(30);
      expect(pageOf(db, logWhere({ kind: 'log' }), 1, 100).map((r) => r.record.id)).toHaveLength(30);
      const stored = rows(db);
      expect(stored.filter((r) => r.purged_at).every((r) => isTombstone(r.canonical) && r.leaf.length === 64 && r.admitted_at === '')).toBe(true);
      expect(stored.filter((r) => !r.purged_at).every((r) => r.canonical.includes('kept'))).toBe(true);
      // The Record view says a purged record is purged, never that its content fails its hash: what it
      // checks is that the chain still links through it (when the next record kept its content).
      for (const r of stored.filter((x) => x.purged_at)) {
        const detail = recordDetail(db, { pos: r.pos })!;
        expect(detail.purged_at).toBe('2026-01-01T00:00:00.000Z');
        expect(detail.chain).toMatchObject({ hashOk: true, linkOk: true });
        const nextKept = detail.chain.next !== null && stored.find((x) => x.pos === detail.chain.next!.pos)!.purged_at === null;
        expect(detail.chain.nextLinks).toBe(nextKept ? true : null);
      }
      expect(recordDetail(db, { pos: 2 })).toMatchObject({ purged_at: null, chain: { hashOk: true, linkOk: true, nextLinks: null } });
      // Purging the same records again changes nothing: a tombstone keeps the leaf hash it has.
      purgeEven(db, strategy);
      expect(rows(db)).toEqual(stored);
      // (Each vault admitted its records at its own time.)
      results.push(stored.map(({ purged_at, admitted_at, ...r }) => ({ ...r, purged: purged_at !== null, admitted: admitted_at !== '' })));
      db.close();
    }
    expect(results[1]).toEqual(results[0]);
  });
});

describe('the dashboard summary before the indexer has caught up', () => {
  it('does not count purged records it reads from the vault itself', () => {
    const db = indexedVault(false);
    expect(indexCoverage(db).indexed).toBe(0);
    purgeEven(db, 'in-place');
    expect(summarize(db, {}).total).toBe(30);
    db.close();
  });
});

describe('the rewrite', () => {
  it('is not used when another table has a foreign key to the records', () => {
    const db = indexedVault();
    expect(canRewriteRecords(db)).toBe(true);
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, record_pos INTEGER REFERENCES records(pos))');
    expect(canRewriteRecords(db)).toBe(false);
    db.close();
  });
});

describe('tombstones written before (with prev_hash, migration 0004)', () => {
  it('still verify, and a changed prev_hash in one still breaks its chain', async () => {
    const db = indexedVault();
    purgeEven(db, 'in-place');
    // As an earlier version wrote them: the same members plus kind, "purged": true and the record's prev_hash.
    const oldForm = (pos: number, prevHash?: string) => {
      const stone = JSON.parse(db.prepare('SELECT canonical FROM records WHERE pos = ?').pluck().get(pos) as string) as JsonObject;
      const predecessor = db.prepare('SELECT audit_hash FROM records WHERE tenant = ? AND seq = ?').pluck().get(stone.tenant, (stone.seq as number) - 1) as string;
      const old = { ...stone, kind: 'log', purged: true, prev_hash: prevHash ?? predecessor };
      db.prepare('UPDATE records SET canonical = ? WHERE pos = ?').run(canonicalJson(old), pos);
    };
    // Every tombstone of tenant t1 back in the old form, linked to its predecessor.
    const t1Stones = db.prepare("SELECT pos FROM records WHERE tenant = 't1' AND purged_at IS NOT NULL ORDER BY pos").pluck().all() as number[];
    for (const pos of t1Stones) oldForm(pos);
    const report = await verifyVault(db);
    expect(report.ok).toBe(true);
    expect(report.chains.reduce((n, c) => n + (c.purged ?? 0), 0)).toBe(30);

    oldForm(t1Stones[3]!, 'f'.repeat(64));
    const broken = await verifyVault(db);
    expect(broken.ok).toBe(false);
    expect(broken.chains.find((c) => c.tenant === 't1')?.break?.kind).toBe('link_mismatch');
    db.close();
  });
});
