import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../electron/core/vault/open-vault';
import { cli, PASSPHRASE } from '../support/cli';
import { chainByHand, logRecord } from '../support/records';
import { ndjson, tempDir, writeFile } from '../support/temp';

async function vaultIn(dir: string): Promise<string> {
  const vault = path.join(dir, 'audit.vault');
  expect((await cli(['init', vault])).code).toBe(0);
  return vault;
}

/** Everything a reader could see of the vault's content: records, heads, history and conflicts. */
function snapshot(vault: string): unknown {
  const db = openVault(vault, PASSPHRASE, { readonly: true });
  const all = (sql: string) => db.prepare(sql).all();
  const snap = {
    records: all('SELECT pos, canonical, audit_hash FROM records ORDER BY pos'),
    heads: all('SELECT * FROM chain_heads ORDER BY tenant'),
    imports: all('SELECT file_name, sha256, imported FROM imports ORDER BY id'),
    conflicts: all('SELECT tenant, record_id, reason FROM conflicts ORDER BY id'),
  };
  db.close();
  return snap;
}

function count(vault: string, where = '1'): number {
  const db = openVault(vault, PASSPHRASE, { readonly: true });
  const n = (db.prepare(`SELECT count(*) AS n FROM records WHERE ${where}`).get() as { n: number }).n;
  db.close();
  return n;
}

describe('import, format auditdesk', () => {
  it('imports NDJSON, a JSON array and CSV to the same records', async () => {
    const dir = tempDir();
    const records = [logRecord({ id: 'a' }), logRecord({ id: 'b', tenant: 't2' }), logRecord({ id: 'c', old_data: null })];
    const asJson = writeFile(dir, 'r.json', `[\n${records.map((r) => `  ${JSON.stringify(r, null, 2)}`).join(',\n')}\n]\n`);
    const asNdjson = writeFile(dir, 'r.ndjson', ndjson(records));
    const v1 = await vaultIn(path.join(dir));
    expect((await cli(['import', v1, asNdjson])).code).toBe(0);
    const exported = path.join(dir, 'out.csv');
    expect((await cli(['export', v1, '--out', exported])).code).toBe(0);

    for (const file of [asJson, exported]) {
      const other = tempDir();
      const v2 = await vaultIn(other);
      const run = await cli(['import', v2, file, '--json']);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)[0]).toMatchObject({ ok: true, imported: 3, duplicates: 0 });
    }
  });

  it('reads CSV with quoted fields, embedded newlines, a BOM and CRLF line ends', async () => {
    const dir = tempDir();
    const vault = await vaultIn(dir);
    const csv =
      '\uFEFFid,kind,tenant,user,timestamp,operation,resource_type,resource_name,new_data,is_sensitive\r\n' +
      'x1,log,t1,"Zoë, Łukasz",2024-01-01T00:00:00Z,CREATE,invoice,"line one\r\nline ""two""","{""a"":1}",true\r\n' +
      'x2,log,t1,,2024-01-01T00:00:01Z,READ,invoice,"",,\r\n';
    const run = await cli(['import', vault, writeFile(dir, 'r.csv', csv), '--json']);
    expect(run.code, run.stdout).toBe(0);
    const db = openVault(vault, PASSPHRASE, { readonly: true });
    const rows = db.prepare('SELECT canonical FROM records ORDER BY pos').all() as Array<{ canonical: string }>;
    db.close();
    const [first, second] = rows.map((r) => JSON.parse(r.canonical));
    expect(first).toMatchObject({ user: 'Zoë, Łukasz', resource_name: 'line one\r\nline "two"', new_data: { a: 1 }, is_sensitive: true });
    // An empty cell is an absent member; a quoted empty cell is the empty string.
    expect(second).not.toHaveProperty('user');
    expect(second.resource_name).toBe('');
  });

  it('is idempotent: a second import skips and counts every record', async () => {
    const dir = tempDir();
    const vault = await vaultIn(dir);
    const file = writeFile(dir, 'r.ndjson', ndjson([logRecord(), logRecord(), logRecord()]));
    await cli(['import', vault, file]);
    const again = await cli(['import', vault, file, '--json']);
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ imported: 0, duplicates: 3, conflicts: 0 });
    expect(count(vault)).toBe(3);
  });

  it('chains the new records of a file that overlaps the vault right after the vault\'s last, and verifies', async () => {
    // The import's worker chains each record ahead assuming every record before it is inserted; the
    // duplicates and the conflict here prove it wrong, and the vault must still chain and hash the rest
    // from where its chains really are.
    const dir = tempDir();
    const vault = await vaultIn(dir);
    const records = Array.from({ length: 12 }, (_, i) => logRecord({ tenant: i % 3 ? 't1' : 't2' }));
    await cli(['import', vault, writeFile(dir, 'first.ndjson', ndjson(records.slice(0, 8)))]);
    const clash = { ...records[2]!, resource_id: 'other' };
    const overlapping = [...records.slice(4, 8), clash, ...records.slice(8)];
    const run = await cli(['import', vault, writeFile(dir, 'second.ndjson', ndjson(overlapping)), '--json']);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ imported: 4, duplicates: 4, conflicts: 1 });

    const db = openVault(vault, PASSPHRASE, { readonly: true });
    const seqs = db.prepare(`SELECT tenant, group_concat(seq) AS seqs FROM (SELECT tenant, seq FROM records ORDER BY seq) GROUP BY tenant ORDER BY tenant`).all();
    db.close();
    expect(seqs).toEqual([{ tenant: 't1', seqs: '1,2,3,4,5,6,7,8' }, { tenant: 't2', seqs: '1,2,3,4' }]);
    const verified = await cli(['verify', vault, '--json']);
    expect(verified.code, verified.stdout).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, records: 12 });
  });

  it('keeps a record that reuses an id with other content aside as a conflict, never overwriting', async () => {
    const dir = tempDir();
    const vault = await vaultIn(dir);
    await cli(['import', vault, writeFile(dir, 'a.ndjson', ndjson([logRecord({ id: 'dup', resource_id: '1' })]))]);
    const run = await cli(['import', vault, writeFile(dir, 'b.ndjson', ndjson([logRecord({ id: 'dup', resource_id: '2' })])), '--json']);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ imported: 0, conflicts: 1 });
    const db = openVault(vault, PASSPHRASE, { readonly: true });
    expect(db.prepare(`SELECT resource_id FROM records WHERE id = 'dup'`).get()).toEqual({ resource_id: '1' });
    const conflict = db.prepare('SELECT reason, received, line FROM conflicts').get() as { reason: string; received: string; line: number };
    db.close();
    expect(conflict.reason).toMatch(/already in the vault with different content/);
    expect(JSON.parse(conflict.received).resource_id).toBe('2');
    expect(conflict.line).toBe(1);
  });

  it('an empty file is 0 records, not an error', async () => {
    const dir = tempDir();
    const vault = await vaultIn(dir);
    for (const content of ['', '\n\n', '\uFEFF']) {
      const run = await cli(['import', vault, writeFile(dir, 'empty.ndjson', content), '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)[0]).toMatchObject({ ok: true, imported: 0 });
    }
  });

  it('records the import in the history with name, size, SHA-256 and counts', async () => {
    const dir = tempDir();
    const vault = await vaultIn(dir);
    const content = ndjson([logRecord(), logRecord()]);
    await cli(['import', vault, writeFile(dir, 'hist.ndjson', content)]);
    const db = openVault(vault, PASSPHRASE, { readonly: true });
    const row = db.prepare('SELECT * FROM imports').get() as Record<string, unknown>;
    db.close();
    const { createHash } = await import('node:crypto');
    expect(row).toMatchObject({
      file_name: 'hist.ndjson', file_size: Buffer.byteLength(content), imported: 2, duplicates: 0, conflicts: 0,
      sha256: createHash('sha256').update(content).digest('hex'), format: 'auditdesk',
    });
  });
});

describe('records that arrive with their own chain', () => {
  it('are kept exactly as they came and verified', async () => {
    const dir = tempDir();
    const vault = await vaultIn(dir);
    const chained = chainByHand([logRecord({ tenant: 'p' }), logRecord({ tenant: 'p' }), logRecord({ tenant: 'p' })]);
    const run = await cli(['import', vault, writeFile(dir, 'c.ndjson', ndjson(chained)), '--json']);
    expect(run.code).toBe(0);
    const out = path.join(dir, 'out.ndjson');
    await cli(['export', vault, '--out', out, '--tenant', 'p']);
    const back = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(back).toEqual(chained);
  });

  it('a broken chain is kept, reported at its seq with exit 1, and raises one violation however often it is re-imported', async () => {
    const dir = tempDir();
    const vault = await vaultIn(dir);
    const chained = chainByHand([logRecord({ tenant: 'p' }), logRecord({ tenant: 'p' }), logRecord({ tenant: 'p' })]);
    (chained[1] as { new_data: unknown }).new_data = { amount: 1 }; // edited after sealing
    const file = writeFile(dir, 'c.ndjson', ndjson(chained));
    const run = await cli(['import', vault, file, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)[0].breaks).toEqual([expect.objectContaining({ tenant: 'p', seq: 2, kind: 'hash_mismatch' })]);
    expect(count(vault, `tenant = 'p'`)).toBe(3);
    expect(count(vault, `violation_type = 'INTEGRITY_FAILURE'`)).toBe(1);
    const verified = await cli(['verify', vault, '--json']);
    expect(verified.code).toBe(1);
    expect(JSON.parse(verified.stdout).chains.find((c: { tenant: string }) => c.tenant === 'p').break).toMatchObject({ seq: 2, kind: 'hash_mismatch' });
    await cli(['import', vault, file]);
    expect(count(vault, `violation_type = 'INTEGRITY_FAILURE'`)).toBe(1);
  });

  it('new records without chain fields continue a producer chain', async () => {
    const dir = tempDir();
    const vault = await vaultIn(dir);
    const chained = chainByHand([logRecord({ tenant: 'p' }), logRecord({ tenant: 'p' })]);
    await cli(['import', vault, writeFile(dir, 'c.ndjson', ndjson(chained))]);
    await cli(['import', vault, writeFile(dir, 'd.ndjson', ndjson([logRecord({ tenant: 'p' })]))]);
    const verified = JSON.parse((await cli(['verify', vault, '--json'])).stdout);
    expect(verified.ok).toBe(true);
    expect(verified.chains[0].head.seq).toBe(3);
  });
});

describe('bad input: a clear message naming file, line and field; exit 2; the vault exactly as before', () => {
  const good = () => JSON.stringify(logRecord());
  const cases: Array<[string, () => string | Buffer, RegExp]> = [
    ['invalid JSON on a line', () => `${good()}\n{"id": "x",, }\n${good()}\n`, /line 2: invalid JSON/],
    ['a missing required field', () => `${good()}\n${JSON.stringify({ ...logRecord(), tenant: undefined })}\n`, /line 2: field tenant: is required/],
    ['a wrong type', () => `${good()}\n${good()}\n${JSON.stringify(logRecord({ is_sensitive: 'no' }))}\n`, /line 3: field is_sensitive: .*boolean/],
    ['a last line cut short', () => `${good()}\n${good().slice(0, 40)}`, /line 2: invalid JSON \(the record is cut short\)/],
    ['bytes that are not UTF-8', () => Buffer.concat([Buffer.from(`${good()}\n{"id":"`), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]), /line 2: bytes that are not UTF-8 at byte 8/],
    ['a single line of 10 MB', () => `${good()}\n${JSON.stringify(logRecord({ new_data: { blob: 'x'.repeat(10 * 1024 * 1024) } }))}\n`, /line 2: the line is longer than 4 MiB/],
    ['an unknown kind', () => `${JSON.stringify(logRecord({ kind: 'audit' }))}\n`, /line 1: field kind: unknown kind "audit"/],
    ['a JSON array that is not closed', () => `[\n${good()},\n${good()}\n`, /line 3: the file ends before the JSON array is closed/],
    ['a CSV cell that is not JSON', () => 'id,kind,tenant,timestamp,operation,resource_type,new_data\nq,log,t,2024-01-01T00:00:00Z,READ,x,{oops}\n', /line 2: field new_data: must be JSON text/],
  ];

  it.each(cases)('%s', async (_name, content, message) => {
    const dir = tempDir();
    const vault = await vaultIn(dir);
    await cli(['import', vault, writeFile(dir, 'first.ndjson', ndjson([logRecord()]))]);
    const before = snapshot(vault);
    const file = writeFile(dir, 'bad.ndjson', content());
    const run = await cli(['import', vault, file]);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(/bad\.ndjson/);
    expect(run.stdout + run.stderr).toMatch(message);
    expect(run.stdout).toMatch(/NOT imported/);
    expect(snapshot(vault)).toEqual(before);
  });

  it('a directory or a missing file is named', async () => {
    const dir = tempDir();
    const vault = await vaultIn(dir);
    const run = await cli(['import', vault, dir, path.join(dir, 'missing.ndjson')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/is a directory/);
    expect(run.stdout).toMatch(/missing\.ndjson: no such file/);
  });

  it('an unreadable file is named', async () => {
    if (process.getuid?.() === 0) return; // root reads everything; the permission check cannot be seen
    const dir = tempDir();
    const vault = await vaultIn(dir);
    const file = writeFile(dir, 'locked.ndjson', ndjson([logRecord()]));
    fs.chmodSync(file, 0);
    const run = await cli(['import', vault, file]);
    expect(run.stdout).toMatch(/permission denied/);
  });

  it('a wrong passphrase gives a clear message and no stack', async () => {
    const dir = tempDir();
    const vault = await vaultIn(dir);
    const run = await cli(['import', vault, writeFile(dir, 'a.ndjson', ndjson([logRecord()]))], { AUDITDESK_PASSPHRASE: 'nope' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`auditdesk import: cannot open ${vault}: wrong passphrase, or not an AuditDesk vault\n`);
  });

  it('one bad file does not stop the good ones, and each is all-or-nothing', async () => {
    const dir = tempDir();
    const vault = await vaultIn(dir);
    const goodFile = writeFile(dir, 'good.ndjson', ndjson([logRecord(), logRecord()]));
    const badFile = writeFile(dir, 'bad.ndjson', `${JSON.stringify(logRecord())}\nnot json\n`);
    const run = await cli(['import', vault, badFile, goodFile, '--json']);
    expect(run.code).toBe(2);
    const [bad, ok] = JSON.parse(run.stdout);
    expect(bad).toMatchObject({ ok: false, imported: 0, rejected: 1, errors: [{ line: 2, field: '(json)' }] });
    expect(ok).toMatchObject({ ok: true, imported: 2 });
    expect(count(vault)).toBe(2);
  });
});
