// The importers on small hand-made files (tests/fixtures/import), one edge at a time. The seed files and
// their expected verdicts come from tests/fixtures/import/seed/make_seed_fixtures.py, which hashes with
// Python's own json.dumps, so the expected hashes do not depend on the TypeScript under test.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/core/ingest/import-file';
import { openVault } from '../../electron/core/vault/open-vault';
import { PASSPHRASE } from '../support/cli';
import { tempDir, writeFile } from '../support/temp';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- records read back are free-form JSON
type Rec = Record<string, any>;

const IMPORT = path.resolve(__dirname, '../fixtures/import');
const SEED = path.join(IMPORT, 'seed');

function newVault(): Database.Database {
  return openVault(path.join(tempDir(), 'audit.vault'), PASSPHRASE, { create: true });
}

function records(db: Database.Database): Array<Rec> {
  return (db.prepare('SELECT canonical FROM records ORDER BY pos').all() as Array<{ canonical: string }>).map((r) => JSON.parse(r.canonical));
}

const byId = (all: Array<Rec>, id: string) => all.find((r) => r.id === id)!;

describe('seed: Django dumpdata and the seed API answers', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(SEED, 'seed-expected.json'), 'utf8')) as {
    verdicts: Record<string, string>;
    records: number;
  };

  it.each(['seed-dumpdata.json', 'seed-dumpdata.jsonl'])('%s: every audit model becomes a record, with the seed hash judged', async (name) => {
    const db = newVault();
    const result = await importFile(db, path.join(SEED, name));
    expect(result).toMatchObject({ ok: true, format: 'seed', imported: expected.records + 1 }); // + the mismatch's violation
    const all = records(db);
    for (const [pk, verdict] of Object.entries(expected.verdicts)) {
      expect(byId(all, pk).seed_hash_check.status, `pk ${pk}`).toBe(verdict);
    }
    expect(byId(all, '3').seed_hash_check.reason).toMatch(/milliseconds/);
    // The seed's hash is kept under its own name; the vault's chain hash is the vault's.
    const one = byId(all, '1');
    expect(one.seed_audit_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(one).not.toHaveProperty('audit_hash');
    expect(one).toMatchObject({ kind: 'log', tenant: '3', user: '7', operation: 'UPDATE', timestamp: '2024-05-01T12:00:00Z', old_data: { amount: 1000 } });
    expect(one.original).toMatchObject({ model: 'backend.auditlog', pk: 1 });
    expect(byId(all, '5')).toMatchObject({ tenant: 'no-tenant', user: null });
    expect(byId(all, 'query-1')).toMatchObject({ kind: 'query', query_type: 'SELECT', record_count: 12 });
    expect(byId(all, 'export-1')).toMatchObject({ kind: 'export', export_type: 'CSV', file_size: 2048 });
    expect(byId(all, 'violation-1')).toMatchObject({ kind: 'violation', timestamp: '2024-05-01T13:06:00Z', severity: 'HIGH' });
    expect(all.some((r) => r.original?.model === 'backend.tenant')).toBe(false);
    const alarm = byId(all, 'seed-hash-mismatch:4');
    expect(alarm).toMatchObject({ kind: 'violation', tenant: '4', violation_type: 'INTEGRITY_FAILURE', severity: 'CRITICAL', status: 'OPEN' });
    db.close();
  });

  it('the JSON array and JSON lines dumps give the same records: importing both stores them once', async () => {
    const db = newVault();
    await importFile(db, path.join(SEED, 'seed-dumpdata.json'));
    const again = await importFile(db, path.join(SEED, 'seed-dumpdata.jsonl'));
    expect(again).toMatchObject({ ok: true, imported: 0, duplicates: expected.records + 1, conflicts: 0 });
    db.close();
  });

  it('reads an API list answer ({"results": …}) and a single API object', async () => {
    const db = newVault();
    const page = await importFile(db, path.join(SEED, 'seed-api-page.json'));
    expect(page).toMatchObject({ ok: true, format: 'seed', imported: 5 + 1 });
    const all = records(db);
    for (const [pk, verdict] of Object.entries(expected.verdicts)) expect(byId(all, pk).seed_hash_check.status).toBe(verdict);
    const single = await importFile(db, path.join(SEED, 'seed-api-single.json'), { format: 'seed' });
    expect(single).toMatchObject({ ok: true, imported: 0, duplicates: 1 });
    db.close();
  });

  it('refuses a cut-short dump, naming the line', async () => {
    const db = newVault();
    const text = fs.readFileSync(path.join(SEED, 'seed-dumpdata.json'), 'utf8');
    const cut = writeFile(tempDir(), 'cut.json', text.slice(0, Math.floor(text.length / 2)));
    const result = await importFile(db, cut, { format: 'seed' });
    expect(result.ok).toBe(false);
    expect(result.rejected[0]!.message).toMatch(/cut short/);
    expect(records(db)).toHaveLength(0);
    db.close();
  });
});

describe('cloudtrail: {"Records": […]}, gzipped or not, and NDJSON', () => {
  const recordsFile = path.join(IMPORT, 'cloudtrail-records.json');

  it('maps each event, keeps odd values, and raises UNAUTHORIZED_ACCESS for denied calls', async () => {
    const db = newVault();
    const result = await importFile(db, recordsFile);
    expect(result).toMatchObject({ ok: true, format: 'cloudtrail', imported: 6 + 2 });
    const all = records(db);
    expect(byId(all, 'ev-0001')).toMatchObject({
      tenant: '111122223333', user: 'arn:aws:iam::111122223333:user/alice', operation: 'READ', resource_type: 's3',
      resource_id: 'payroll/2024/03.csv', ip_address: '203.0.113.7', aws_region: 'eu-west-1',
    });
    expect(byId(all, 'ev-0002')).toMatchObject({ operation: 'DELETE', error_code: 'AccessDenied' });
    expect(byId(all, 'ev-0003')).toMatchObject({ operation: 'RUN_INSTANCES', ip_address: '999.1.1.1', aws_region: 'mars-north-9', user: 'AROAEXAMPLE:bot' });
    expect(byId(all, 'ev-0004')).toMatchObject({ operation: 'LOGIN', timestamp: '2024-03-01T10:03:00.000Z', ip_address: 'AWS Internal' });
    expect(byId(all, 'ev-0006')).toMatchObject({ operation: 'ATTACH_USER_POLICY', resource_id: 'alice' });
    const noId = all.find((r) => r.tenant === '444455556666')!;
    expect(noId).toMatchObject({ operation: 'READ', user: 'cloudtrail.amazonaws.com', resource_id: 'alias/trail' });
    expect(noId.id).toMatch(/^cloudtrail:[0-9a-f]{32}$/);
    const alarms = all.filter((r) => r.kind === 'violation');
    expect(alarms.map((a) => a.id).sort()).toEqual(['unauthorized:ev-0002', 'unauthorized:ev-0003']);
    expect(alarms[0]).toMatchObject({ violation_type: 'UNAUTHORIZED_ACCESS', tenant: '111122223333' });
    expect(byId(all, 'ev-0002').original.errorMessage).toBe('Access Denied');
    // Idempotent, the event without an eventID included.
    expect(await importFile(db, recordsFile)).toMatchObject({ imported: 0, duplicates: 8 });
    db.close();
  });

  it('reads the same file gzipped (found by its magic bytes) as the same records', async () => {
    const db = newVault();
    await importFile(db, recordsFile);
    const gz = writeFile(tempDir(), 'trail.json.gz', zlib.gzipSync(fs.readFileSync(recordsFile)));
    const result = await importFile(db, gz);
    expect(result).toMatchObject({ ok: true, format: 'cloudtrail', imported: 0, duplicates: 8 });
    db.close();
  });

  it('refuses a damaged gzip file with a clear message', async () => {
    const db = newVault();
    const bytes = zlib.gzipSync(fs.readFileSync(recordsFile));
    const gz = writeFile(tempDir(), 'cut.json.gz', bytes.subarray(0, bytes.length - 40));
    await expect(importFile(db, gz, { format: 'cloudtrail' })).rejects.toThrow(/cannot decompress|cut short/);
    expect(records(db)).toHaveLength(0);
    db.close();
  });

  it('refuses a file with a bad JSON line, naming the line, and stores nothing', async () => {
    const db = newVault();
    const lines = fs.readFileSync(path.join(__dirname, '../fixtures/real/otrf_aws_ec2_proxy_s3_exfiltration.ndjson'), 'utf8').split('\n');
    lines[4] = '{"eventName": "GetObject", oops';
    const file = writeFile(tempDir(), 'bad.ndjson', lines.join('\n'));
    const result = await importFile(db, file);
    expect(result.ok).toBe(false);
    expect(result.rejected).toEqual([expect.objectContaining({ line: 5, field: '(json)', message: expect.stringMatching(/invalid JSON/) })]);
    expect(records(db)).toHaveLength(0);
    db.close();
  });

  it('refuses an event with neither eventTime nor @timestamp, naming the field', async () => {
    const db = newVault();
    const file = writeFile(tempDir(), 'notime.ndjson', `${JSON.stringify({ eventID: 'x', eventName: 'GetObject', eventSource: 's3.amazonaws.com', userIdentity: {}, recipientAccountId: '1' })}\n`);
    const result = await importFile(db, file, { format: 'cloudtrail' });
    expect(result.rejected).toEqual([expect.objectContaining({ line: 1, field: 'eventTime' })]);
    db.close();
  });
});

describe('k8s: the stages of one request become one record', () => {
  it('merges stages, drops a repeated stage, flushes unfinished requests at the end, and raises 401/403', async () => {
    const db = newVault();
    const file = path.join(IMPORT, 'k8s-edge.ndjson');
    const result = await importFile(db, file);
    expect(result).toMatchObject({ ok: true, format: 'k8s', imported: 5 + 2 });
    const all = records(db);
    expect(byId(all, 'a-1')).toMatchObject({
      user: 'eve', operation: 'READ', resource_type: 'secrets', resource_id: 'prod/db', resource_name: 'db',
      response_code: 403, stages: ['RequestReceived', 'ResponseComplete'], timestamp: '2024-04-01T09:00:00.000001Z',
    });
    expect(byId(all, 'a-1').original).toHaveLength(2);
    expect(byId(all, 'a-2')).toMatchObject({ operation: 'READ', stages: ['RequestReceived'], resource_type: 'pods' });
    expect(byId(all, 'a-3')).toMatchObject({ user: 'system:anonymous', resource_type: 'url', resource_id: '/healthz', response_code: 401 });
    expect(byId(all, 'a-4')).toMatchObject({ operation: 'CREATE', response_code: 500, stages: ['RequestReceived', 'Panic'], new_data: { kind: 'Deployment' } });
    expect(byId(all, 'a-5')).toMatchObject({ resource_type: 'pods/exec', resource_id: 'prod/web-1' });
    const alarms = all.filter((r) => r.kind === 'violation');
    expect(alarms.map((a) => a.id).sort()).toEqual(['unauthorized:a-1', 'unauthorized:a-3']);
    expect(byId(all, 'unauthorized:a-1')).toMatchObject({ violation_type: 'UNAUTHORIZED_ACCESS', user: 'eve' });
    expect(await importFile(db, file)).toMatchObject({ imported: 0, duplicates: 7 });
    db.close();
  });

  it('refuses a line that is not an audit Event, or has no auditID, naming the line', async () => {
    const db = newVault();
    const good = fs.readFileSync(path.join(IMPORT, 'k8s-edge.ndjson'), 'utf8').split('\n')[0]!;
    const text = [good, '{"kind":"Pod","apiVersion":"v1"}', '{"kind":"Event","apiVersion":"audit.k8s.io/v1","stage":"RequestReceived"}', '{"kind":'].join('\n');
    const result = await importFile(db, writeFile(tempDir(), 'bad.ndjson', text));
    expect(result.ok).toBe(false);
    expect(result.rejected.map((r) => [r.line, r.field])).toEqual([[2, 'kind'], [3, 'auditID'], [4, '(json)']]);
    db.close();
  });
});

describe('csv: the contract CSV, and any CSV with --map', () => {
  it('reads the contract CSV without a map', async () => {
    const db = newVault();
    const file = writeFile(tempDir(), 'a.csv', 'id,kind,tenant,user,timestamp,operation,resource_type\nr1,log,t1,zoe,2024-05-01T12:00:00Z,READ,invoice\n');
    expect(await importFile(db, file, { format: 'csv' })).toMatchObject({ ok: true, imported: 1 });
    db.close();
  });

  it('names the map\'s columns that the file lacks', async () => {
    const db = newVault();
    const file = writeFile(tempDir(), 'a.csv', 'Event ID,When\nx,2024-05-01T12:00:00Z\n');
    const result = await importFile(db, file, { format: 'csv', formatOptions: { map: path.join(IMPORT, 'honeybucket-map.json') } });
    expect(result.ok).toBe(false);
    expect(result.rejected[0]).toMatchObject({ line: 1, field: '(map)', message: expect.stringMatching(/User ID/) });
    db.close();
  });

  it('names the field and line of a cell that is not Python literal text', async () => {
    const db = newVault();
    const dir = tempDir();
    const map = writeFile(dir, 'map.json', JSON.stringify({
      fields: { id: 'id', kind: { value: 'log' }, tenant: { value: 't' }, timestamp: 'ts', operation: { value: 'READ' }, resource_type: { value: 'x' }, new_data: { column: 'params', transform: 'python' } },
    }));
    const file = writeFile(dir, 'a.csv', `id,ts,params\n1,2024-05-01T12:00:00Z,"{'a': True, 'b': None}"\n2,2024-05-01T12:00:00Z,"{'a': "\n`);
    const result = await importFile(db, file, { format: 'csv', formatOptions: { map } });
    expect(result.ok).toBe(false);
    expect(result.rejected).toEqual([expect.objectContaining({ line: 3, field: 'new_data' })]);
    db.close();
  });
});

describe('an empty file', () => {
  it.each(['seed', 'cloudtrail', 'k8s', 'csv'])('imports nothing and succeeds with --format %s', async (format) => {
    const db = newVault();
    const result = await importFile(db, writeFile(tempDir(), 'empty.json', ''), { format });
    expect(result).toMatchObject({ ok: true, imported: 0, rejectedCount: 0 });
    db.close();
  });
});
