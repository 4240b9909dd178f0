// The collector's write paths (CONTRACT §4) against a real encrypted vault.
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { revokeApiKey } from '../../electron/core/keys/api-keys';
import { chainByHand, logRecord } from '../support/records';
import { ndjson } from '../support/temp';
import { recordCount, startCollector, storedRecords, type Harness } from './collector-harness';

let h: Harness;
afterEach(async () => h?.close());

describe('POST /api/audit/audit-logs/', () => {
  it('stores one record, remembers the key that sent it, and answers 201 with counts', async () => {
    h = await startCollector();
    const record = logRecord({ id: 'a-1' });
    const res = await h.app.inject({ method: 'POST', url: '/api/audit/audit-logs/', headers: h.auth, payload: record });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: 'a-1', received: 1, inserted: 1, duplicates: 0, conflicts: 0 });
    const row = h.db.prepare('SELECT api_key_id, seq FROM records WHERE id = ?').get('a-1') as { api_key_id: number; seq: number };
    const key = h.db.prepare("SELECT id FROM api_keys WHERE name = 'test-app'").get() as { id: number };
    expect(row).toEqual({ api_key_id: key.id, seq: 1 });
  });

  it('takes the kind from the path when the record has none, and refuses a record of another kind', async () => {
    h = await startCollector();
    const { kind: _kind, ...noKind } = logRecord({ id: 'no-kind' });
    expect((await h.app.inject({ method: 'POST', url: '/api/audit/audit-logs', headers: h.auth, payload: noKind })).statusCode).toBe(201);
    expect(storedRecords(h.db)[0]).toMatchObject({ id: 'no-kind', kind: 'log' });
    const query = { id: 'q-1', kind: 'query', tenant: 't1', timestamp: '2024-05-01T12:00:00Z', query_type: 'SELECT' };
    const res = await h.app.inject({ method: 'POST', url: '/api/audit/audit-logs/', headers: h.auth, payload: query });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'kind' });
  });

  it('stores queries, exports and violations at their own paths', async () => {
    h = await startCollector();
    const base = { tenant: 't1', user: 'zoe@example.com', timestamp: '2024-05-01T12:00:00Z' };
    const posts = [
      ['/api/audit/queries/', { ...base, id: 'q', query_type: 'SELECT', model_name: 'Invoice', record_count: 3 }],
      ['/api/audit/exports/', { ...base, id: 'e', export_type: 'CSV', record_count: 3 }],
      ['/api/audit/audit-violations/', { ...base, id: 'v', violation_type: 'DATA_BREACH', severity: 'HIGH' }],
    ] as const;
    for (const [url, payload] of posts) {
      expect((await h.app.inject({ method: 'POST', url, headers: h.auth, payload })).statusCode).toBe(201);
    }
    expect(storedRecords(h.db).map((r) => r.kind)).toEqual(['query', 'export', 'violation']);
  });

  it('refuses a whole array when one record is bad, naming the field and the index', async () => {
    h = await startCollector();
    const batch = [logRecord(), logRecord({ timestamp: 'yesterday' }), logRecord()];
    const res = await h.app.inject({ method: 'POST', url: '/api/audit/audit-logs/', headers: h.auth, payload: batch });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'timestamp', index: 1 });
    expect(res.json().error).toMatch(/record 1: timestamp/);
    expect(recordCount(h.db)).toBe(0);
  });

  it('does not store a re-sent record twice', async () => {
    h = await startCollector();
    const batch = [logRecord({ id: 'r-1' }), logRecord({ id: 'r-2' })];
    await h.app.inject({ method: 'POST', url: '/api/audit/audit-logs/', headers: h.auth, payload: batch });
    const again = await h.app.inject({ method: 'POST', url: '/api/audit/audit-logs/', headers: h.auth, payload: batch });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ inserted: 0, duplicates: 2 });
    expect(recordCount(h.db)).toBe(2);
  });
});

describe('POST /api/audit/ingest', () => {
  it('takes NDJSON of any kinds, gzipped too', async () => {
    h = await startCollector();
    const body = ndjson([
      logRecord({ id: 'n-1' }),
      { id: 'n-2', kind: 'violation', tenant: 't1', timestamp: '2024-05-01T12:00:00Z', violation_type: 'POLICY_VIOLATION', severity: 'LOW' },
    ]);
    const res = await h.app.inject({
      method: 'POST', url: '/api/audit/ingest',
      headers: { ...h.auth, 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' },
      payload: zlib.gzipSync(body),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ received: 2, inserted: 2 });
  });

  it('names the line, the index and the field of a bad record, and stores nothing', async () => {
    h = await startCollector();
    const body = `${JSON.stringify(logRecord())}\n\n${JSON.stringify(logRecord({ operation: 'lower case' }))}\n`;
    const res = await h.app.inject({ method: 'POST', url: '/api/audit/ingest', headers: h.auth, payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'operation', line: 3, index: 1 });
    expect(recordCount(h.db)).toBe(0);
  });

  it('verifies records that arrive with their own chain and raises a violation for a break, keeping the records', async () => {
    h = await startCollector();
    const chain = chainByHand([logRecord({ tenant: 'p' }), logRecord({ tenant: 'p' }), logRecord({ tenant: 'p' })]);
    chain[1] = { ...chain[1]!, new_data: { amount: 999999 } }; // altered after hashing
    const res = await h.app.inject({ method: 'POST', url: '/api/audit/ingest', headers: h.auth, payload: ndjson(chain) });
    expect(res.statusCode).toBe(201);
    expect(res.json().chain_breaks).toEqual([expect.objectContaining({ tenant: 'p', seq: 2, kind: 'hash_mismatch' })]);
    expect(recordCount(h.db, "tenant = 'p'")).toBe(3);
    const [alarm] = storedRecords(h.db, "kind = 'violation'");
    expect(alarm).toMatchObject({ severity: 'CRITICAL', violation_type: 'INTEGRITY_FAILURE' });
  });
});

describe('refusals', () => {
  it('401 without a key, with a wrong key, and with a revoked key', async () => {
    h = await startCollector();
    const payload = logRecord();
    const url = '/api/audit/audit-logs/';
    expect((await h.app.inject({ method: 'POST', url, payload })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'POST', url, payload, headers: { authorization: 'Bearer adk_wrong' } })).statusCode).toBe(401);
    revokeApiKey(h.db, 'test-app', 'tester');
    const revoked = await h.app.inject({ method: 'POST', url, payload, headers: h.auth });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error).toMatch(/revoked/);
    expect(recordCount(h.db)).toBe(0);
  });

  it('503 with Retry-After while the vault is locked, and stores again once it is unlocked', async () => {
    h = await startCollector({ retryAfterSeconds: 7 });
    h.setLocked(true);
    const locked = await h.app.inject({ method: 'POST', url: '/api/audit/audit-logs/', headers: h.auth, payload: logRecord() });
    expect(locked.statusCode).toBe(503);
    expect(locked.headers['retry-after']).toBe('7');
    h.setLocked(false);
    expect((await h.app.inject({ method: 'POST', url: '/api/audit/audit-logs/', headers: h.auth, payload: logRecord() })).statusCode).toBe(201);
  });

  it('429 with Retry-After when a key goes over its rate', async () => {
    h = await startCollector({ limits: { ratePerSecond: 0.001, rateBurst: 2 } });
    const send = () => h.app.inject({ method: 'POST', url: '/api/audit/audit-logs/', headers: h.auth, payload: logRecord() });
    expect((await send()).statusCode).toBe(201);
    expect((await send()).statusCode).toBe(201);
    const third = await send();
    expect(third.statusCode).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(recordCount(h.db)).toBe(2);
  });

  it('413 for a body over the limit, and for a gzip bomb whose decompressed size is over it', async () => {
    h = await startCollector({ limits: { bodyBytes: 64 * 1024, decodedBytes: 256 * 1024 } });
    const big = ndjson(Array.from({ length: 400 }, () => logRecord()));
    expect(Buffer.byteLength(big)).toBeGreaterThan(64 * 1024);
    const plain = await h.app.inject({ method: 'POST', url: '/api/audit/ingest', headers: h.auth, payload: big });
    expect(plain.statusCode).toBe(413);
    const bomb = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await h.app.inject({
      method: 'POST', url: '/api/audit/ingest', headers: { ...h.auth, 'content-encoding': 'gzip' }, payload: bomb,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatch(/decompressed/);
    expect(recordCount(h.db)).toBe(0);
  });

  it('403 for a request naming a foreign host', async () => {
    h = await startCollector();
    const res = await h.app.inject({
      method: 'POST', url: '/api/audit/audit-logs/', headers: { ...h.auth, host: 'evil.example:8080' }, payload: logRecord(),
    });
    expect(res.statusCode).toBe(403);
    expect(recordCount(h.db)).toBe(0);
    const ok = await h.app.inject({ method: 'POST', url: '/api/audit/audit-logs/', headers: { ...h.auth, host: '127.0.0.1:8080' }, payload: logRecord() });
    expect(ok.statusCode).toBe(201);
  });
});
