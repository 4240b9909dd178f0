// Retention end to end through the command line, on real encrypted vaults: purge leaves tombstones
// that still verify, holds keep records, archives verify, restore, and refuse a changed byte.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportFromVault } from '../../electron/core/reports/vault/report-from-vault';
import { passRange, joinRanges } from '../../electron/core/reports/vault/vault-pass';
import { verifiedChains } from '../../electron/core/reports/vault/index-pass';
import { ReportAccumulator } from '../../shared/reports/report-accumulator';
import { openVault } from '../../electron/core/vault/open-vault';
import { lastVerification } from '../../electron/core/vault/last-verification';
import { cli, PASSPHRASE } from '../support/cli';
import { logRecord } from '../support/records';
import { ndjson, tempDir, writeFile } from '../support/temp';

/** 40 old SOX records (2019) in tenants a and b, 10 recent ones; SOX kept 365 days, archived after 180. */
async function vaultWithOldRecords() {
  const dir = tempDir();
  const vault = path.join(dir, 'v.vault');
  expect((await cli(['init', vault])).code).toBe(0);
  const old = Array.from({ length: 40 }, (_, i) =>
    logRecord({ id: `old-${i}`, tenant: i % 2 ? 'a' : 'b', timestamp: `2019-03-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`, resource_id: `inv-${i}`, user: i < 4 ? 'held.user@example.com' : 'zoe@example.com', new_data: { amount: 1200, note: `SECRET-CONTENT-${i}` } }),
  );
  const recent = Array.from({ length: 10 }, (_, i) => logRecord({ id: `new-${i}`, tenant: 'a', timestamp: new Date(Date.now() - i * 3_600_000).toISOString() }));
  expect((await cli(['import', vault, writeFile(dir, 'r.ndjson', ndjson([...old, ...recent]))])).code).toBe(0);
  const db = openVault(vault, PASSPHRASE);
  db.prepare("UPDATE settings SET value = ? WHERE key = 'retention_days'").run(JSON.stringify({ SOX: 365 }));
  db.prepare("UPDATE settings SET value = '180' WHERE key = 'archive_after_days'").run();
  db.close();
  return { dir, vault };
}

async function verifyJson(vault: string) {
  const run = await cli(['verify', vault, '--json']);
  return { code: run.code, report: JSON.parse(run.stdout) as { ok: boolean; chains: Array<{ tenant: string; ok: boolean; purged?: number }>; ledger: { ok: boolean; checkpoints: number } } };
}

function stored(vault: string, id: string): { canonical: string; admitted_at: string; purged_at: string | null; archive_id: number | null } {
  const db = openVault(vault, PASSPHRASE);
  try {
    return db.prepare('SELECT canonical, admitted_at, purged_at, archive_id FROM records WHERE id = ?').get(id) as never;
  } finally {
    db.close();
  }
}

describe('retention', () => {
  it('dry run lists exactly what would be archived and purged, and changes nothing', async () => {
    const { vault } = await vaultWithOldRecords();
    const before = fs.readFileSync(vault);
    const run = await cli(['retention', vault, '--dry-run', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.dry_run).toBe(true);
    expect(report.purge.count).toBe(40);
    expect(report.purge.records.map((r: { id: string }) => r.id).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `old-${i}`).sort());
    expect(report.archive.count).toBe(40);
    expect(stored(vault, 'old-7').purged_at).toBeNull();
    expect(fs.readFileSync(vault).equals(before)).toBe(true);
    const human = await cli(['retention', vault, '--dry-run']);
    expect(human.stdout).toMatch(/purge a seq \d+ old-1 2019-03-02T10:00:00Z SOX/);
  });

  it('a report over a vault with purged tombstones finds every chain intact, in one pass and in two halves', async () => {
    const { vault } = await vaultWithOldRecords();
    expect((await cli(['retention', vault, '--json'])).code).toBe(0);
    const db = openVault(vault, PASSPHRASE);
    try {
      const signer = { name: 'A', email: 'a@x.example', organisation: 'X' };
      const req = { framework: 'SOX', tenants: ['a', 'b'], from: '2019-01-01', to: '2100-01-01', signer, generatedAt: new Date().toISOString() } as const;
      const whole = buildReportFromVault(db, req);
      expect(whole.integrity).toMatchObject({ chainsVerified: 2, brokenChains: [] });
      // The tombstones keep no time: only the records kept (and the chains' PURGE notes) are counted.
      expect(whole.totals.records).toBeLessThan(20);
      // Cut where a tombstone opens the second half: it carries no prev_hash to join by.
      const cut = (db.prepare("SELECT min(pos) FROM records WHERE purged_at IS NOT NULL AND tenant = 'a'").pluck().get() as number) - 1;
      const max = db.prepare('SELECT max(pos) FROM records').pluck().get() as number;
      const scope = { tenants: ['a', 'b'], from: req.from, to: req.to };
      const halves = [[1, cut], [cut + 1, max]].map(([from, to]) => passRange(db, scope, from!, to!, new ReportAccumulator({ query: whole.query, signer, generatedAt: req.generatedAt })));
      expect(joinRanges(db, scope, halves).integrity).toEqual({ chainsVerified: 2, recordsVerified: whole.integrity.recordsVerified, brokenChains: [] });
    } finally {
      db.close();
    }
    // Once verified, the report reads the kept records from the report index, which leaves the
    // tombstones out; the chains, tombstones and all, are still found whole.
    expect((await cli(['verify', vault])).code).toBe(0);
    const after = openVault(vault, PASSPHRASE);
    try {
      const signer = { name: 'A', email: 'a@x.example', organisation: 'X' };
      const req = { framework: 'SOX', tenants: ['a', 'b'], from: '2019-01-01', to: '2100-01-01', signer, generatedAt: new Date().toISOString() } as const;
      const fromIndex = buildReportFromVault(after, req);
      expect(fromIndex.integrity.earlierVerification).not.toBeNull();
      expect(fromIndex.integrity).toMatchObject({ chainsVerified: 2, brokenChains: [] });
      expect({ ...fromIndex, integrity: null }).toEqual({ ...buildReportFromVault(after, req, { rehashAll: true }), integrity: null });
      // The verified chains are found whole, tombstones and all, without the slower check of each
      // chain through its records.
      const chains = verifiedChains(after, ['a', 'b'], lastVerification(after)!.throughPos);
      expect(chains.segments.map((seg) => [seg.tenant, seg.ok, seg.first.seq])).toEqual([['a', true, 1], ['b', true, 1]]);
      expect(chains.segments.reduce((n, seg) => n + seg.records, 0)).toBe(fromIndex.integrity.recordsVerified);
    } finally {
      after.close();
    }
  });

  it('purges to tombstones: verify still passes and reports the purged records, and the content is gone', async () => {
    const { vault } = await vaultWithOldRecords();
    const run = await cli(['retention', vault, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.purge.count).toBe(40);
    expect(report.archive.files).toHaveLength(1);
    const row = stored(vault, 'old-7');
    expect(row.purged_at).not.toBeNull();
    expect(row.canonical).not.toContain('SECRET-CONTENT');
    // The tombstone: its place in the chain and its id, not even a time (the admission time goes too).
    expect(JSON.parse(row.canonical)).toMatchObject({ id: 'old-7', tenant: 'a' });
    expect(Object.keys(JSON.parse(row.canonical)).sort()).toEqual(['id', 'seq', 'tenant']);
    expect(row.admitted_at).toBe('');
    const { code, report: verified } = await verifyJson(vault);
    expect(code).toBe(0);
    expect(verified.ok).toBe(true);
    expect(verified.ledger.ok).toBe(true);
    const purged = Object.fromEntries(verified.chains.map((c) => [c.tenant, c.purged ?? 0]));
    expect(purged).toMatchObject({ a: 20, b: 20 });
    const human = await cli(['verify', vault]);
    expect(human.stdout).toMatch(/ok {6}a: \d+ records, 20 purged/);
    // Each tenant's chain says what was purged.
    const db = openVault(vault, PASSPHRASE);
    const notes = db.prepare("SELECT tenant, json_extract(canonical, '$.new_data.records') AS n FROM records WHERE resource_type = 'retention' AND operation = 'PURGE' ORDER BY tenant").all();
    db.close();
    expect(notes).toEqual([{ tenant: 'a', n: 20 }, { tenant: 'b', n: 20 }]);
    // Running again finds nothing more to do.
    const again = JSON.parse((await cli(['retention', vault, '--json'])).stdout);
    expect(again.purge.count).toBe(0);
  });

  it('a record under a legal hold survives archive and purge; releasing the hold lets retention take it', async () => {
    const { vault } = await vaultWithOldRecords();
    const add = await cli(['hold', 'add', vault, '--user', 'held.user@example.com', '--reason', 'litigation 2024-17']);
    expect(add.code).toBe(0);
    const resourceHold = await cli(['hold', 'add', vault, '--tenant', 'a', '--resource', 'invoice/inv-9', '--reason', 'subpoena']);
    expect(resourceHold.code).toBe(0);
    const list = JSON.parse((await cli(['hold', 'list', vault, '--json'])).stdout);
    expect(list.map((h: { records: number }) => h.records)).toEqual([4, 1]);
    const report = JSON.parse((await cli(['retention', vault, '--json'])).stdout);
    expect(report.purge.count).toBe(35);
    expect(report.purge.held).toBe(5);
    expect(report.archive.held).toBe(5);
    for (const id of ['old-0', 'old-3', 'old-9']) {
      const row = stored(vault, id);
      expect(row.purged_at).toBeNull();
      expect(row.archive_id).toBeNull();
      expect(row.canonical).toContain('SECRET-CONTENT');
    }
    // The hold itself is in the chain (holds over every tenant in the vault's own tenant).
    const db = openVault(vault, PASSPHRASE);
    const holdNotes = db.prepare("SELECT tenant, operation FROM records WHERE resource_type = 'legal_hold' ORDER BY pos").all();
    db.close();
    expect(holdNotes).toEqual([{ tenant: 'auditdesk:system', operation: 'CREATE' }, { tenant: 'a', operation: 'CREATE' }]);
    expect((await cli(['hold', 'release', vault, '1', '--reason', 'case closed'])).code).toBe(0);
    const after = JSON.parse((await cli(['retention', vault, '--json'])).stdout);
    expect(after.purge.count).toBe(4);
    expect(stored(vault, 'old-0').purged_at).not.toBeNull();
    expect((await verifyJson(vault)).report.ok).toBe(true);
  });

  it('an archive verifies on its own, restores purged records, and a changed byte is refused', async () => {
    const { dir, vault } = await vaultWithOldRecords();
    const report = JSON.parse((await cli(['retention', vault, '--json', '--archive-dir', path.join(dir, 'arch')])).stdout);
    const file = report.archive.files[0].file as string;
    expect(fs.readFileSync(file).includes(Buffer.from('SECRET-CONTENT'))).toBe(false);
    const db = openVault(vault, PASSPHRASE);
    const vkey = JSON.parse(db.prepare("SELECT value FROM settings WHERE key = 'ledger_vkey'").pluck().get() as string) as string;
    db.close();
    const verified = await cli(['archive', 'verify', file, '--json', '--key', vkey]);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, records: 40, tenants: { a: 20, b: 20 } });

    expect((await cli(['verify', vault])).code).toBe(0);
    const restored = await cli(['archive', 'restore', vault, file, '--json']);
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ restored: 40, already_present: 0 });
    // The restored content was never re-hashed by a verify: the vault no longer counts as verified,
    // so a report re-hashes every record again.
    const reopened = openVault(vault, PASSPHRASE);
    expect(lastVerification(reopened)).toBeNull();
    reopened.close();
    expect(stored(vault, 'old-7').canonical).toContain('SECRET-CONTENT-7');
    const { report: after } = await verifyJson(vault);
    expect(after.ok).toBe(true);
    expect(after.chains.every((c) => !c.purged)).toBe(true);

    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    const tampered = writeFile(dir, 'tampered.adarchive', bytes);
    const refused = await cli(['archive', 'verify', tampered]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused: the archive was altered/);
    expect((await cli(['archive', 'restore', vault, tampered])).code).toBe(1);
    expect((await cli(['archive', 'verify', file], { AUDITDESK_PASSPHRASE: 'not the passphrase' })).code).toBe(1);
  });

  it('the vault file shrinks after a purge', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'big.vault');
    await cli(['init', vault]);
    const records = Array.from({ length: 3000 }, (_, i) => logRecord({ id: `r-${i}`, timestamp: '2018-01-01T00:00:00Z', new_data: { text: 'x'.repeat(600), i } }));
    await cli(['import', vault, writeFile(dir, 'big.ndjson', ndjson(records))]);
    const db = openVault(vault, PASSPHRASE);
    db.prepare("UPDATE settings SET value = ? WHERE key = 'retention_days'").run(JSON.stringify({ SOX: 30 }));
    db.prepare("UPDATE settings SET value = 'null' WHERE key = 'archive_after_days'").run();
    db.close();
    const report = JSON.parse((await cli(['retention', vault, '--json'])).stdout);
    expect(report.purge.count).toBe(3000);
    expect(report.vault_bytes.after).toBeLessThan(report.vault_bytes.before / 2);
    expect(fs.statSync(vault).size).toBe(report.vault_bytes.after - (fs.existsSync(`${vault}-wal`) ? fs.statSync(`${vault}-wal`).size : 0));
    expect((await verifyJson(vault)).report.ok).toBe(true);
  });
});

describe('tombstones under attack', () => {
  it('a row marked purged that still carries (altered) content fails verify', async () => {
    const { vault } = await vaultWithOldRecords();
    await cli(['retention', vault]);
    const db = openVault(vault, PASSPHRASE);
    const row = db.prepare("SELECT canonical FROM records WHERE id = 'old-5'").pluck().get() as string;
    // Someone with the passphrase dresses up a purged row with invented content.
    db.prepare("UPDATE records SET canonical = ? WHERE id = 'old-5'").run(JSON.stringify({ ...JSON.parse(row), user: 'framed@example.com' }));
    db.close();
    const { code, report } = await verifyJson(vault);
    expect(code).toBe(1);
    expect(report.chains.find((c) => c.tenant === 'a')!.ok).toBe(false);
  });
});
