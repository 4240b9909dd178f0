// The review UI's read queries against a real encrypted vault: what the Trail, the Record view and the
// dashboard show must match the records, whichever path (index, cube, scan) answers.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MASK } from '../../shared/api/record';
import type { JsonObject } from '../../shared/canonical-json';
import { checkRecord } from '../../shared/records/record-schema';
import { verifyInSlices } from '../../electron/core/backend/chunked-verify';
import { nodeSha256 } from '../../electron/core/node-sha';
import { recordDetail } from '../../electron/core/queries/record-detail';
import { indexCoverage, indexNextBatch } from '../../electron/core/queries/review-indexer';
import { summarize } from '../../electron/core/queries/summary';
import { facets } from '../../electron/core/queries/facets';
import { countTrail } from '../../electron/core/queries/trail-count';
import { listTrail } from '../../electron/core/queries/trail-list';
import { Admission } from '../../electron/core/vault/admission';
import { openVault } from '../../electron/core/vault/open-vault';
import { verifyVault } from '../../electron/core/vault/verify-vault';
import { PASSPHRASE } from '../support/cli';
import { logRecord } from '../support/records';
import { tempDir } from '../support/temp';

function vaultWith(records: JsonObject[]): Database.Database {
  const db = openVault(path.join(tempDir(), 'r.vault'), PASSPHRASE, { create: true });
  db.transaction(() => {
    const admission = new Admission(db, nodeSha256);
    for (const r of records) {
      const checked = checkRecord(r);
      if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
      admission.admit(checked.record);
    }
    admission.finish();
  })();
  return db;
}

const minute = (i: number) => new Date(Date.UTC(2024, 4, 1, 0, i)).toISOString();

function manyRecords(n: number): JsonObject[] {
  return Array.from({ length: n }, (_, i) =>
    logRecord({
      id: `r${i}`,
      tenant: i % 2 ? 't2' : 't1',
      timestamp: minute(i),
      operation: i % 3 === 0 ? 'DELETE' : 'UPDATE',
      compliance_framework: i % 5 === 0 ? 'GDPR' : 'SOX',
      is_sensitive: i % 7 === 0,
      resource_name: `invoice ${1000 + i}`,
      user: i % 4 === 0 ? 'amara@example.com' : 'zoe@example.com',
    }),
  );
}

describe('the Trail', () => {
  it('pages through every matching record once, newest first, with keyset cursors', () => {
    const db = vaultWith(manyRecords(250));
    const seen: string[] = [];
    let after: string | undefined;
    let times: string[] = [];
    do {
      const page = listTrail(db, { limit: 100, after });
      seen.push(...page.rows.map((r) => r.id));
      times = times.concat(page.rows.map((r) => r.timestamp));
      after = page.next ?? undefined;
    } while (after);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect(times).toEqual([...times].sort().reverse());
    db.close();
  });

  it('filters by operation, framework, sensitivity, user and date, and sorts ascending', () => {
    const db = vaultWith(manyRecords(60));
    const rows = listTrail(db, { operation: 'DELETE', framework: 'GDPR', dir: 'asc', limit: 500 }).rows;
    expect(rows.map((r) => r.id)).toEqual(['r0', 'r15', 'r30', 'r45']);
    expect(listTrail(db, { sensitive: true, limit: 500 }).rows.every((r) => r.is_sensitive)).toBe(true);
    expect(listTrail(db, { sensitive: true, limit: 500 }).rows).toHaveLength(9);
    const window = listTrail(db, { start_date: minute(10), end_date: minute(12), limit: 500 }).rows;
    expect(window.map((r) => r.id).sort()).toEqual(['r10', 'r11', 'r12']);
    expect(listTrail(db, { user: 'amara@example.com', sort: 'user', limit: 500 }).rows).toHaveLength(15);
    db.close();
  });

  it('finds records by words of their names and data once indexed, but never by a sensitive value', () => {
    const db = vaultWith([
      logRecord({ id: 'p1', resource_name: 'Quarterly ledger', new_data: { password: 'hunter2secret', note: 'approved' } }),
      logRecord({ id: 'p2', resource_name: 'Other thing' }),
    ]);
    expect(listTrail(db, { q: 'quarterly' }).search).toEqual({ indexed: 0, total: 2 });
    indexNextBatch(db);
    expect(indexCoverage(db)).toEqual({ indexed: 2, total: 2 });
    expect(listTrail(db, { q: 'quart' }).rows.map((r) => r.id)).toEqual(['p1']);
    expect(listTrail(db, { q: 'approved' }).rows.map((r) => r.id)).toEqual(['p1']);
    expect(listTrail(db, { q: 'hunter2secret' }).rows).toEqual([]);
    expect(listTrail(db, { q: '" OR *' }).rows).toEqual([]); // FTS syntax is not passed through
    db.close();
  });

  it('counts matches exactly, resuming in slices where no index answers', () => {
    const db = vaultWith(manyRecords(120));
    expect(countTrail(db, { user: 'amara@example.com' })).toMatchObject({ count: 30, exact: true });
    expect(countTrail(db, { framework: 'GDPR' }).count).toBe(24);
    let counted = countTrail(db, { q: 'invoice' }, null, 0);
    indexNextBatch(db);
    counted = countTrail(db, { q: 'invoice' });
    while (!counted.exact) counted = countTrail(db, { q: 'invoice' }, counted.resume);
    expect(counted.count).toBe(120);
    expect(countTrail(db, { q: 'invoice 1010' })).toMatchObject({ count: 1, exact: true });
    counted = countTrail(db, { q: 'invoice', operation: 'DELETE' }, null, 0);
    while (!counted.exact) counted = countTrail(db, { q: 'invoice', operation: 'DELETE' }, counted.resume, 0);
    expect(counted.count).toBe(40);
    db.close();
  });

  it('counts the same from the cube plus the unindexed tail as from the records, whatever the indexer has reached', () => {
    const db = vaultWith(manyRecords(120));
    const countAll = (filter: Parameters<typeof countTrail>[1]) => {
      let counted = countTrail(db, filter, null, 0);
      while (!counted.exact) counted = countTrail(db, filter, counted.resume, 0);
      return counted.count;
    };
    for (const indexed of [0, 50, 120]) {
      if (indexed) indexNextBatch(db, indexed === 50 ? 50 : 1000);
      expect(countAll({})).toBe(120);
      expect(countAll({ framework: 'GDPR' })).toBe(24);
      expect(countAll({ tenant: 't1', operation: 'DELETE' })).toBe(20);
      expect(countAll({ sensitive: true, user: 'amara@example.com' })).toBe(5);
    }
    db.close();
  });
});

describe('the filter menus', () => {
  it('offer each operation and resource type in the vault once, in order', () => {
    const db = vaultWith([
      ...manyRecords(30),
      logRecord({ id: 'x1', operation: 'EXPORT', resource_type: 'card' }),
      logRecord({ id: 'x2', operation: 'LOGIN', resource_type: 'zebra' }),
    ]);
    const menus = facets(db);
    expect(menus.operations).toEqual(['DELETE', 'EXPORT', 'LOGIN', 'UPDATE']);
    expect(menus.resourceTypes).toEqual([...new Set(listTrail(db, { limit: 500 }).rows.map((r) => r.resource_type))].sort());
    db.close();
  });
});

describe('the Record view', () => {
  it('masks sensitive values at any depth, shows the chain position and the related records', () => {
    const db = vaultWith([
      logRecord({ id: 'a', old_data: { password: 'old-pw', profile: { ssn: '123-45-6789', name: 'Ann' } }, new_data: { password: 'new-pw' } }),
      logRecord({ id: 'b', parent_audit_id: 'a' }),
      logRecord({ id: 'c' }),
    ]);
    const a = recordDetail(db, { tenant: 't1', id: 'a' })!;
    expect(a.record.old_data).toEqual({ password: MASK, profile: { ssn: MASK, name: 'Ann' } });
    expect(a.masked.sort()).toEqual(['new_data.password', 'old_data.password', 'old_data.profile.ssn']);
    expect(JSON.stringify(a)).not.toContain('old-pw');
    expect(a.chain).toMatchObject({ seq: 1, hashOk: true, linkOk: true, prev: null, head: 3 });
    expect(a.children.map((r) => r.id)).toEqual(['b']);
    const b = recordDetail(db, { tenant: 't1', seq: 2 })!;
    expect(b.parent?.id).toBe('a');
    expect(b.chain.prev?.id).toBe('a');
    expect(b.chain.next?.id).toBe('c');
    expect(b.chain.prev_hash).toBe(a.audit_hash);
    expect(recordDetail(db, { pos: 1 }, { reveal: true })!.record.old_data).toMatchObject({ password: 'old-pw' });
    db.close();
  });

  it('shows a tampered record as failing its hash check', () => {
    const db = vaultWith([logRecord({ id: 'a' }), logRecord({ id: 'b' })]);
    db.prepare(`UPDATE records SET canonical = replace(canonical, '"amount":1200', '"amount":9999') WHERE pos = 1`).run();
    expect(recordDetail(db, { pos: 1 })!.chain.hashOk).toBe(false);
    db.close();
  });
});

describe('the dashboard', () => {
  it('gives the same numbers before indexing (scan), after it (cube) and half-way', () => {
    const db = vaultWith(manyRecords(90));
    const before = summarize(db, { tenant: 't1' });
    indexNextBatch(db, 40);
    const half = summarize(db, { tenant: 't1' });
    while (indexCoverage(db).indexed < 90) indexNextBatch(db, 40);
    const after = summarize(db, { tenant: 't1' });
    expect(half).toEqual(before);
    expect(after).toEqual(before);
    expect(before.total).toBe(45);
    expect(before.byOperation).toEqual([
      { key: 'UPDATE', count: 30 },
      { key: 'DELETE', count: 15 },
    ]);
    expect(before.byFramework.find((c) => c.key === 'GDPR')?.count).toBe(9);
    expect(summarize(db, {}).total).toBe(90);
    expect(after.counting).toBeNull();
    db.close();
  });

  it('far behind the indexer, counts the indexed records only and says how many of how many', () => {
    const db = vaultWith(manyRecords(90));
    const tailReadLimit = 30;
    const unindexed = summarize(db, {}, tailReadLimit);
    expect(unindexed).toMatchObject({ total: 0, counting: { indexed: 0, total: 90 } });
    indexNextBatch(db, 50);
    const partial = summarize(db, {}, tailReadLimit);
    expect(partial).toMatchObject({ total: 50, counting: { indexed: 50, total: 90 } });
    // The first and last instants come from the time index: the whole vault's, even while counting.
    expect([partial.first, partial.last]).toEqual([summarize(db, {}).first, summarize(db, {}).last]);
    indexNextBatch(db, 10);
    // 30 left: within the limit, those are read directly and every record is counted.
    expect(summarize(db, {}, tailReadLimit)).toMatchObject({ total: 90, counting: null });
    db.close();
  });
});

describe('verification in slices', () => {
  it('reports what the engine verifier reports, the break linked to its record', async () => {
    const db = vaultWith(manyRecords(30));
    db.prepare(`UPDATE records SET canonical = replace(canonical, '"amount":1200', '"amount":1') WHERE id = 'r8'`).run();
    const sliced = await verifyInSlices(db, () => undefined);
    const engine = await verifyVault(db);
    expect(sliced.ok).toBe(false);
    expect(sliced.chains.map(({ breakPos: _, ...c }) => c)).toEqual(engine.chains);
    const broken = sliced.chains.find((c) => !c.ok)!;
    expect(broken.break?.kind).toBe('hash_mismatch');
    expect(broken.breakPos).toBe(9);
    db.close();
  });
});
