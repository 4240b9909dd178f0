// A report over a vault that `auditdesk verify` has verified reads the records it re-hashed from the
// report index (index-pass.ts) and re-hashes only those admitted after it. What a user must be able
// to count on: the report is the same as one that re-hashes everything; it says which records the
// verification vouched for; a record changed or lost after the verification is still named, by the
// report where it can be (the records admitted since, a gap in a chain) and by `verify-report
// --vault`, which re-hashes every record, where it cannot (a changed record the verification had
// already re-hashed); and a break the verification found is named again in full.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import type { ComplianceReport } from '../../shared/reports';
import { ReportAccumulator } from '../../shared/reports/report-accumulator';
import { checkReportAgainstVault } from '../../electron/core/reports/check/check-against-vault';
import { buildReportFromVault, reportQuery, type VaultReportRequest } from '../../electron/core/reports/vault/report-from-vault';
import { readReportPart, reportParts } from '../../electron/core/reports/vault/report-parts';
import { verifiedChains } from '../../electron/core/reports/vault/index-pass';
import { joinRanges } from '../../electron/core/reports/vault/vault-pass';
import { lastVerification } from '../../electron/core/vault/last-verification';
import { openVault } from '../../electron/core/vault/open-vault';
import { cli, PASSPHRASE } from '../support/cli';

const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'auditdesk-report-verified-'));
const vault = path.join(dir, 'v.vault');
const signer = { name: 'Test Auditor', email: 'auditor@test.example', organisation: 'Test' };
const generatedAt = '2024-02-20T00:00:00.000Z';
const ALL = ['tenant-01', 'tenant-02', 'tenant-03'];
let db: Database.Database;
/** The last position when verify ran (the first file's records, and the notes an import adds). */
let verifiedThrough = 0;

/** 3,000 generated records: the first 2,400 imported and verified, the last 600 imported after. */
beforeAll(async () => {
  const records = path.join(dir, 'records.ndjson');
  expect((await cli(['generate', records, '--records', '3000'])).code).toBe(0);
  const lines = fs.readFileSync(records, 'utf8').trimEnd().split('\n');
  fs.writeFileSync(path.join(dir, 'first.ndjson'), `${lines.slice(0, 2400).join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'later.ndjson'), `${lines.slice(2400).join('\n')}\n`);
  expect((await cli(['init', vault])).code).toBe(0);
  expect((await cli(['import', vault, path.join(dir, 'first.ndjson')])).code).toBe(0);
  const before = openVault(vault, PASSPHRASE, { readonly: true });
  verifiedThrough = before.prepare('SELECT max(pos) FROM records').pluck().get() as number;
  before.close();
  expect((await cli(['verify', vault])).code).toBe(0);
  expect((await cli(['import', vault, path.join(dir, 'later.ndjson')])).code).toBe(0);
  db = openVault(vault, PASSPHRASE);
});

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rehashed = (req: VaultReportRequest) => buildReportFromVault(db, req, { rehashAll: true });
const withoutIntegrity = (r: ComplianceReport) => ({ ...r, integrity: null });

/** The report read as two parts cut at `share` (as on two threads), each part's results cloned as a worker posts them. */
function inTwoParts(req: VaultReportRequest, share: number): ComplianceReport {
  const query = reportQuery(db, req);
  const scope = { tenants: query.tenants, from: query.from, to: query.to };
  const verification = lastVerification(db);
  const maxPos = db.prepare('SELECT max(pos) FROM records').pluck().get() as number;
  const merged = new ReportAccumulator({ query, signer, generatedAt: req.generatedAt });
  const ranges = reportParts(db, scope, maxPos, verification, 2, share).flatMap((part) => {
    const acc = new ReportAccumulator({ query, signer, generatedAt: req.generatedAt });
    const read = readReportPart(db, scope, part, acc);
    merged.merge(structuredClone(acc.state()));
    return structuredClone(read);
  });
  const pass = joinRanges(db, scope, ranges, new Set(verification?.brokenTenants));
  return merged.build(pass.evidence, {
    ...pass.integrity, checkpoint: null,
    earlierVerification: verification && { verifiedAt: verification.verifiedAt, throughPos: verification.throughPos },
  });
}

describe('a report over a verified vault', () => {
  it('records how far verify re-hashed the vault', () => {
    const verification = lastVerification(db)!;
    expect(verification.throughPos).toBe(verifiedThrough);
    expect(verifiedThrough).toBeGreaterThanOrEqual(2400);
    expect(verification.brokenTenants).toEqual([]);
    expect(Date.parse(verification.verifiedAt)).toBeGreaterThan(Date.now() - 600_000);
  });

  it.each([
    { framework: 'SOX', tenants: ['tenant-03', 'tenant-01'], from: '2024-01-01T00:00:00.000Z', to: '2024-01-01T14:30:00.000Z', rowLimit: 7 },
    { framework: 'GDPR', tenants: ['tenant-02', 'tenant-03', 'tenant-01'], from: '2024-01-01T09:15:00.000Z', to: '2024-03-01T00:00:00.000Z', rowLimit: 40 },
    { framework: 'ISO_27001', tenants: ALL, from: '2023-01-01T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z', rowLimit: 500 },
  ] as const)('$framework over $tenants is the report that re-hashes every record, and says what verify vouched for', ({ framework, tenants, from, to, rowLimit }) => {
    const req = { framework, tenants, from, to, signer, generatedAt, retentionDays: 30, rowLimit };
    const fromIndex = buildReportFromVault(db, req);
    const everyRecord = rehashed(req);
    expect(fromIndex.totals.records).toBeGreaterThan(0);
    expect(withoutIntegrity(fromIndex)).toEqual(withoutIntegrity(everyRecord));
    expect(fromIndex.integrity).toEqual({ ...everyRecord.integrity, earlierVerification: { verifiedAt: lastVerification(db)!.verifiedAt, throughPos: verifiedThrough } });
    expect(everyRecord.integrity.earlierVerification).toBeNull();
    expect(everyRecord.integrity).toMatchObject({ chainsVerified: tenants.length, brokenChains: [] });
    // Cut between two threads anywhere, even inside a tenant's chain, it comes out the same.
    for (const share of [0.5, 0.05, 0.4, 0.95]) expect(inTwoParts(req, share), `share ${share}`).toEqual(fromIndex);
    // And the verified chains are found whole by themselves: no tenant was left to the slower check
    // through its records.
    const chains = verifiedChains(db, tenants, lastVerification(db)!.throughPos);
    expect(chains.segments.map((seg) => [seg.tenant, seg.ok])).toEqual(tenants.map((t) => [t, true]));
  });

  it('names a record changed after it was admitted past the verification: those are re-hashed', () => {
    const pos = db.prepare("SELECT pos FROM records WHERE tenant = 'tenant-01' AND pos > ? ORDER BY pos LIMIT 1").pluck().get(verifiedThrough) as number;
    const seq = db.prepare('SELECT seq FROM records WHERE pos = ?').pluck().get(pos) as number;
    const canonical = db.prepare('SELECT canonical FROM records WHERE pos = ?').pluck().get(pos) as string;
    db.prepare("UPDATE records SET canonical = replace(canonical, '\"kind\":', '\"note\":\"x\",\"kind\":') WHERE pos = ?").run(pos);
    try {
      const r = buildReportFromVault(db, { framework: 'SOX', tenants: ALL, from: '2024-01-01', to: '2025-01-01', signer, generatedAt });
      expect(r.integrity.brokenChains).toEqual([{ tenant: 'tenant-01', seq, kind: 'hash_mismatch' }]);
    } finally {
      db.prepare('UPDATE records SET canonical = ? WHERE pos = ?').run(canonical, pos);
    }
  });

  it('leaves a record changed before the verification to verify-report --vault, which names it, and to the next verify', async () => {
    const req = { framework: 'SOX', tenants: ALL, from: '2024-01-01', to: '2025-01-01', signer, generatedAt } as const;
    const before = buildReportFromVault(db, req);
    const pos = db.prepare("SELECT pos FROM records WHERE tenant = 'tenant-02' AND seq = 30").pluck().get() as number;
    const canonical = db.prepare('SELECT canonical FROM records WHERE pos = ?').pluck().get(pos) as string;
    db.prepare(`UPDATE records SET canonical = json_set(canonical, '$.user', 'mallory@evil.example') WHERE pos = ?`).run(pos);
    try {
      const report = buildReportFromVault(db, req);
      // The report counts what the vault now holds and re-hashes nothing the verification vouched for…
      expect(report.integrity.brokenChains).toEqual([]);
      expect(report.byUser.some((u) => u.key === 'mallory@evil.example')).toBe(true);
      // …and the check that re-hashes every record names the break and the numbers it moved.
      const check = await checkReportAgainstVault(db, report, { vaultPath: vault, passphrase: PASSPHRASE });
      expect(check.ok).toBe(false);
      expect(check.differences).toContainEqual({ path: 'integrity.brokenChains[tenant-02]', report: 'no break', vault: 'hash_mismatch at seq 30' });
      // A report made before the change still checks out against the records' own bytes, except the break.
      expect((await checkReportAgainstVault(db, before, { vaultPath: vault, passphrase: PASSPHRASE })).differences.map((d) => d.path))
        .toContain('integrity.brokenChains[tenant-02]');
      // The next verify finds it; from then on the report re-hashes tenant-02 and names the break itself.
      db.close();
      expect((await cli(['verify', vault])).code).toBe(1);
      db = openVault(vault, PASSPHRASE);
      expect(lastVerification(db)!.brokenTenants).toEqual(['tenant-02']);
      expect(buildReportFromVault(db, req).integrity.brokenChains).toEqual([{ tenant: 'tenant-02', seq: 30, kind: 'hash_mismatch' }]);
    } finally {
      db.prepare('UPDATE records SET canonical = ? WHERE pos = ?').run(canonical, pos);
    }
    db.close();
    expect((await cli(['verify', vault])).code).toBe(0);
    db = openVault(vault, PASSPHRASE);
    expect(lastVerification(db)!.brokenTenants).toEqual([]);
  });

  it('names a record lost after the verification, in one part and cut in two', () => {
    const req = { framework: 'SOX', tenants: ALL, from: '2024-01-01', to: '2025-01-01', signer, generatedAt } as const;
    const row = db.prepare("SELECT * FROM records WHERE tenant = 'tenant-03' AND seq = 55").get() as Record<string, unknown>;
    expect(row.pos as number).toBeLessThan(verifiedThrough);
    db.prepare('DELETE FROM records WHERE pos = ?').run(row.pos);
    const r = buildReportFromVault(db, req);
    expect(r.integrity.brokenChains).toEqual([{ tenant: 'tenant-03', seq: 55, kind: 'gap' }]);
    expect(withoutIntegrity(r)).toEqual(withoutIntegrity(rehashed(req)));
    for (const share of [0.5, 0.8]) expect(inTwoParts(req, share), `share ${share}`).toEqual(r);
  });
});
