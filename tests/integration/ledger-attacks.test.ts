// Issue 4's attacks, carried out as an attacker holding the passphrase would: with a SQLCipher
// connection straight to the vault file, outside AuditDesk.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildReportFromVault } from '../../electron/core/reports/vault/report-from-vault';
import { openVault } from '../../electron/core/vault/open-vault';
import { canonicalJson } from '../../shared/canonical-json';
import { cli, PASSPHRASE } from '../support/cli';
import { chainByHand, logRecord } from '../support/records';
import { ndjson, tempDir, writeFile } from '../support/temp';

async function vaultWithCheckpoint() {
  const dir = tempDir();
  const vault = path.join(dir, 'v.vault');
  const init = await cli(['init', vault]);
  const vkey = /public key: (\S+)/.exec(init.stdout)![1]!;
  const records = Array.from({ length: 30 }, (_, i) => logRecord({ tenant: i % 3 ? 'a' : 'b', id: `r${i}` }));
  await cli(['import', vault, writeFile(dir, 'a.ndjson', ndjson(records))]);
  const checkpoint = path.join(dir, 'cp.txt');
  expect((await cli(['checkpoint', vault, '--out', checkpoint])).code).toBe(0);
  return { dir, vault, vkey, checkpoint };
}

/** A raw SQLCipher 4 connection: what `sqlcipher` or DB Browser would give someone with the passphrase. */
function tamper(vault: string, work: (db: Database.Database) => void): void {
  const db = new Database(vault);
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = '${PASSPHRASE}'`);
  work(db);
  db.close();
}

async function verify(vault: string, ...extra: string[]) {
  const run = await cli(['verify', vault, '--json', ...extra]);
  return { code: run.code, report: JSON.parse(run.stdout) };
}

describe('verify catches real attacks', () => {
  it('honest growth stays consistent with an earlier checkpoint', async () => {
    const { dir, vault, checkpoint } = await vaultWithCheckpoint();
    await cli(['import', vault, writeFile(dir, 'more.ndjson', ndjson([logRecord({ tenant: 'a' }), logRecord({ tenant: 'c' })]))]);
    const { code, report } = await verify(vault, '--checkpoint', checkpoint);
    expect(code).toBe(0);
    expect(report.ledger).toMatchObject({ ok: true, size: 32 });
  });

  it('a row edited with a SQLCipher tool', async () => {
    const { vault } = await vaultWithCheckpoint();
    tamper(vault, (db) => db.prepare(`UPDATE records SET canonical = replace(canonical, '"amount":1200', '"amount":9') WHERE pos = 7`).run());
    const { code, report } = await verify(vault);
    expect(code).toBe(1);
    const broken = report.chains.find((c: { ok: boolean }) => !c.ok);
    expect(broken.break).toMatchObject({ kind: 'hash_mismatch' });
    expect(report.ledger.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'root_mismatch' })]));
  });

  it('rows deleted that way', async () => {
    const { vault } = await vaultWithCheckpoint();
    tamper(vault, (db) => db.prepare('DELETE FROM records WHERE pos IN (10, 11)').run());
    const { code, report } = await verify(vault);
    expect(code).toBe(1);
    expect(report.chains.some((c: { break: { kind: string } | null }) => c.break?.kind === 'gap')).toBe(true);
    expect(report.ledger.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'removed' })]));
  });

  it('a chain rewritten end to end and re-sealed', async () => {
    const { vault } = await vaultWithCheckpoint();
    tamper(vault, (db) => {
      // Rewrite tenant b: change a record, recompute every hash and link, and move the head.
      const rows = db.prepare(`SELECT pos, canonical FROM records WHERE tenant = 'b' ORDER BY seq`).all() as Array<{ pos: number; canonical: string }>;
      const records = rows.map((r) => {
        const { seq: _s, prev_hash: _p, ...rest } = JSON.parse(r.canonical);
        return rest;
      });
      records[2].new_data = { amount: 1 };
      const resealed = chainByHand(records);
      const update = db.prepare('UPDATE records SET canonical = ?, audit_hash = ? WHERE pos = ?');
      resealed.forEach((r, i) => {
        const { audit_hash, ...body } = r;
        update.run(canonicalJson(body), audit_hash, rows[i]!.pos);
      });
      db.prepare(`UPDATE chain_heads SET hash = ? WHERE tenant = 'b'`).run(resealed.at(-1)!.audit_hash);
    });
    const { code, report } = await verify(vault);
    // Every chain now checks out on its own; the signed checkpoints do not.
    expect(report.chains.every((c: { ok: boolean }) => c.ok)).toBe(true);
    expect(code).toBe(1);
    expect(report.ledger.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'root_mismatch' })]));
  });

  it('a byte that is not UTF-8 put where a record had U+FFFD (decoded, both read as U+FFFD)', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.vault');
    await cli(['init', vault]);
    const records = Array.from({ length: 5 }, (_, i) => logRecord({ tenant: 'a', id: `r${i}`, new_data: { note: i === 2 ? 'bad \uFFFD char' : 'fine' } }));
    await cli(['import', vault, writeFile(dir, 'a.ndjson', ndjson(records))]);
    expect((await cli(['checkpoint', vault, '--out', path.join(dir, 'cp.txt')])).code).toBe(0);
    expect((await verify(vault)).code).toBe(0);
    tamper(vault, (db) => {
      const pos = db.prepare("SELECT pos FROM records WHERE id = 'r2'").pluck().get() as number;
      const stored = db.prepare('SELECT CAST(canonical AS BLOB) FROM records WHERE pos = ?').pluck().get(pos) as Buffer;
      const at = stored.indexOf(Buffer.from('\uFFFD', 'utf8'));
      const altered = Buffer.concat([stored.subarray(0, at), Buffer.of(0xff), stored.subarray(at + 3)]);
      db.prepare('UPDATE records SET canonical = CAST(? AS TEXT) WHERE pos = ?').run(altered, pos);
    });
    const { code, report } = await verify(vault);
    expect(code).toBe(1);
    expect(report.chains[0].break).toMatchObject({ kind: 'hash_mismatch', seq: 3 });
    expect(report.ledger.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'root_mismatch' })]));
    // A compliance report re-hashes its tenants' records the same way, and names the same break.
    const db = openVault(vault, PASSPHRASE, { readonly: true });
    const compliance = buildReportFromVault(db, {
      framework: 'SOX', from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', tenants: [],
      signer: { name: 'Test', email: 'test@audit.example', organisation: '' }, generatedAt: '2026-01-01T00:00:00Z',
    });
    db.close();
    expect(compliance.integrity.brokenChains).toEqual([{ tenant: 'a', seq: 3, kind: 'hash_mismatch' }]);
  });

  it('two records swapped in admission order: each chain still links by seq, the signed tree does not', async () => {
    const { vault } = await vaultWithCheckpoint();
    tamper(vault, (db) => {
      // Positions 2 and 3 hold seq 1 and 2 of tenant a: after the swap its seqs go down in the log.
      db.prepare('UPDATE records SET pos = -1 WHERE pos = 2').run();
      db.prepare('UPDATE records SET pos = 2 WHERE pos = 3').run();
      db.prepare('UPDATE records SET pos = 3 WHERE pos = -1').run();
    });
    const { code, report } = await verify(vault);
    expect(code).toBe(1);
    expect(report.chains.map((c: { tenant: string; ok: boolean; records: number }) => [c.tenant, c.ok, c.records])).toEqual([['a', true, 20], ['b', true, 10]]);
    expect(report.ledger.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'root_mismatch' })]));
  });

  it('the tail cut off, heads and tree state patched to match', async () => {
    const { vault, checkpoint } = await vaultWithCheckpoint();
    tamper(vault, (db) => {
      db.prepare('DELETE FROM records WHERE pos > 25').run();
      for (const t of ['a', 'b']) {
        const head = db.prepare('SELECT seq, audit_hash FROM records WHERE tenant = ? ORDER BY seq DESC LIMIT 1').get(t) as { seq: number; audit_hash: string };
        db.prepare('UPDATE chain_heads SET seq = ?, hash = ? WHERE tenant = ?').run(head.seq, head.audit_hash, t);
      }
      db.prepare('DELETE FROM checkpoints').run();
      db.prepare('DELETE FROM ledger_state').run();
    });
    const { code, report } = await verify(vault, '--checkpoint', checkpoint);
    expect(code).toBe(1);
    expect(report.ledger.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'truncated', size: 30 })]));
  });

  it('a whole vault rebuilt from a rewritten export', async () => {
    const { dir, vault, vkey, checkpoint } = await vaultWithCheckpoint();
    const exported = path.join(dir, 'export.ndjson');
    await cli(['export', vault, '--out', exported]);
    const records = fs.readFileSync(exported, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const byTenant = new Map<string, object[]>();
    for (const { seq: _s, prev_hash: _p, audit_hash: _a, ...r } of records) {
      if (r.id === 'r4') r.new_data = { amount: 0 };
      byTenant.set(r.tenant, [...(byTenant.get(r.tenant) ?? []), r]);
    }
    const rewritten = [...byTenant.values()].flatMap((list) => chainByHand(list as never));
    const forged = path.join(dir, 'forged.vault');
    await cli(['init', forged]);
    await cli(['import', forged, writeFile(dir, 'rewritten.ndjson', ndjson(rewritten))]);
    expect((await verify(forged)).code).toBe(0); // consistent with itself
    const against = await verify(forged, '--checkpoint', checkpoint, '--key', vkey);
    expect(against.code).toBe(1);
    expect(against.report.ledger.problems[0].kind).toBe('signature');
  });

  it('raises one INTEGRITY_FAILURE violation per break, not one per run', async () => {
    const { vault } = await vaultWithCheckpoint();
    tamper(vault, (db) => db.prepare(`UPDATE records SET canonical = replace(canonical, '"amount":1200', '"amount":9') WHERE pos = 7`).run());
    await verify(vault);
    const countAlarms = () => {
      let n = 0;
      tamper(vault, (db) => {
        n = db.prepare(`SELECT count(*) FROM records WHERE violation_type = 'INTEGRITY_FAILURE'`).pluck().get() as number;
      });
      return n;
    };
    const first = countAlarms();
    expect(first).toBeGreaterThanOrEqual(1);
    await verify(vault);
    await verify(vault);
    expect(countAlarms()).toBe(first);
  });
});

describe('proofs for a third party', () => {
  it('verify-proof accepts a record\'s proof with only the public key, and refuses a changed record', async () => {
    const { dir, vault, vkey } = await vaultWithCheckpoint();
    const proof = path.join(dir, 'r5.proof');
    expect((await cli(['proof', vault, 'r5', '--out', proof])).code).toBe(0);
    const ok = await cli(['verify-proof', proof, '--key', vkey, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).record).toMatchObject({ id: 'r5', tenant: 'a' });

    const text = fs.readFileSync(proof, 'utf8');
    const extra = /^extra (.*)$/m.exec(text)![1]!;
    const changed = Buffer.from(Buffer.from(extra, 'base64').toString('utf8').replace('"amount":1200', '"amount":1201')).toString('base64');
    const forged = writeFile(dir, 'forged.proof', text.replace(extra, changed));
    const bad = await cli(['verify-proof', forged, '--key', vkey]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/FAILED \(inclusion\)/);
  });

  it('a proof for a record newer than the last checkpoint gets a fresh checkpoint', async () => {
    const { dir, vault, vkey } = await vaultWithCheckpoint();
    await cli(['import', vault, writeFile(dir, 'late.ndjson', ndjson([logRecord({ id: 'late', tenant: 'z' })]))]);
    const proof = path.join(dir, 'late.proof');
    await cli(['proof', vault, 'late', '--out', proof]);
    expect((await cli(['verify-proof', proof, '--key', vkey])).code).toBe(0);
  });
});
