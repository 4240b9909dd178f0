// The report engine reads the vault once in admission order, parses each record in JS and keeps the
// first rows of each table by tenant and seq as they go by (vault-pass.ts). This checks it against
// the plainest possible reading of the same vault: every record, tenant by tenant in seq order,
// straight into the in-memory aggregateReport. Every number and every listed row must agree.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { aggregateReport, type ComplianceReport, type ReportRecord } from '../../shared/reports';
import { ReportAccumulator } from '../../shared/reports/report-accumulator';
import { buildReportFromVault, reportQuery, type VaultReportRequest } from '../../electron/core/reports/vault/report-from-vault';
import { joinRanges, passRange } from '../../electron/core/reports/vault/vault-pass';
import { openVault } from '../../electron/core/vault/open-vault';
import { cli, PASSPHRASE } from '../support/cli';

const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'auditdesk-report-scan-'));
const vault = path.join(dir, 'v.vault');
const signer = { name: 'Test Auditor', email: 'auditor@test.example', organisation: 'Test' };
const generatedAt = '2024-02-20T00:00:00.000Z';
let db: Database.Database;

beforeAll(async () => {
  const records = path.join(dir, 'records.ndjson');
  expect((await cli(['generate', records, '--records', '3000'])).code).toBe(0);
  expect((await cli(['init', vault])).code).toBe(0);
  expect((await cli(['import', vault, records])).code).toBe(0);
  db = openVault(vault, PASSPHRASE);
});

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every record of the vault, tenant by tenant, each chain in seq order: no index tricks, no projections. */
function fullScan(tenants: string[]): ReportRecord[] {
  const rows = db.prepare('SELECT canonical, audit_hash FROM records').all() as Array<{ canonical: string; audit_hash: string }>;
  const records = rows.map((r) => ({ ...JSON.parse(r.canonical), audit_hash: r.audit_hash }) as ReportRecord & { seq: number });
  return tenants.flatMap((t) => records.filter((r) => r.tenant === t).sort((a, b) => a.seq - b.seq));
}

describe('a report from the vault', () => {
  it.each([
    // Tenants in reverse order and a few rows per table: the tables must list tenant-03's first
    // records although the vault stores the three tenants interleaved, tenant-01 first.
    { framework: 'SOX', tenants: ['tenant-03', 'tenant-01'], from: '2024-01-01T00:00:00.000Z', to: '2024-01-01T14:30:00.000Z', rowLimit: 7 },
    { framework: 'GDPR', tenants: ['tenant-02', 'tenant-03', 'tenant-01'], from: '2024-01-01T09:15:00.000Z', to: '2024-03-01T00:00:00.000Z', rowLimit: 40 },
    { framework: 'ISO_27001', tenants: ['tenant-01', 'tenant-02', 'tenant-03'], from: '2023-01-01T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z', rowLimit: 500 },
  ] as const)('$framework over $tenants equals the full scan', ({ framework, tenants, from, to, rowLimit }) => {
    const fast = buildReportFromVault(db, { framework, tenants, from, to, signer, generatedAt, retentionDays: 30, rowLimit });
    const plain = aggregateReport({
      query: fast.query, signer, generatedAt, records: fullScan([...tenants]), integrity: fast.integrity,
    });
    expect(fast.totals.records).toBeGreaterThan(0);
    expect(fast).toEqual(plain);
    // Its own integrity section: every record of those tenants re-hashed, nothing broken.
    expect(fast.integrity).toMatchObject({ chainsVerified: tenants.length, brokenChains: [] });
    expect(fast.integrity.recordsVerified).toBe(fullScan([...tenants]).length);
  });

  it('gives the same report read as ranges of positions (as on two threads) and merged', () => {
    const req = { framework: 'GDPR', tenants: ['tenant-02', 'tenant-03', 'tenant-01'], from: '2024-01-01T09:15:00.000Z', to: '2024-03-01T00:00:00.000Z', signer, generatedAt, retentionDays: 30, rowLimit: 40 } as const;
    const whole = buildReportFromVault(db, req);
    expect(whole.integrity).toMatchObject({ chainsVerified: 3, recordsVerified: fullScan([...req.tenants]).length, brokenChains: [] });
    for (const bounds of splits()) expect(inRanges(req, bounds), `ranges ${bounds}`).toEqual(whole);
  });

  it('names the first break of a chain whose stored bytes were changed', () => {
    const pos = db.prepare("SELECT pos FROM records WHERE tenant = 'tenant-02' AND seq = 17").pluck().get() as number;
    db.prepare("UPDATE records SET canonical = replace(canonical, '\"kind\":', '\"note\":\"x\",\"kind\":') WHERE pos = ?").run(pos);
    const r = buildReportFromVault(db, {
      framework: 'SOX', tenants: ['tenant-01', 'tenant-02'], from: '2024-01-01', to: '2025-01-01', signer, generatedAt,
    });
    expect(r.integrity.brokenChains).toEqual([{ tenant: 'tenant-02', seq: 17, kind: 'hash_mismatch' }]);
  });

  it('names the same breaks read as ranges as in one pass: changed bytes, a lost tail, a gap at a cut, a record out of place', () => {
    // After the test above, tenant-02's seq 17 no longer hashes to its audit_hash; one of its
    // records now also moves to the end of the vault. tenant-01 loses its last record, and tenant-03
    // its seq 40, exactly where one of the ways below cuts the vault.
    db.prepare("UPDATE records SET pos = (SELECT max(pos) + 1 FROM records) WHERE tenant = 'tenant-02' AND seq = 5").run();
    db.prepare("DELETE FROM records WHERE tenant = 'tenant-01' AND seq = (SELECT max(seq) FROM records WHERE tenant = 'tenant-01')").run();
    const cut = db.prepare("SELECT pos FROM records WHERE tenant = 'tenant-03' AND seq = 40").pluck().get() as number;
    db.prepare('DELETE FROM records WHERE pos = ?').run(cut);
    const req = { framework: 'SOX', tenants: ['tenant-01', 'tenant-02', 'tenant-03'], from: '2024-01-01', to: '2025-01-01', signer, generatedAt } as const;
    const whole = buildReportFromVault(db, req);
    expect(whole.integrity.brokenChains).toEqual([
      { tenant: 'tenant-01', seq: expect.any(Number), kind: 'truncated' },
      { tenant: 'tenant-02', seq: 17, kind: 'hash_mismatch' },
      { tenant: 'tenant-03', seq: 40, kind: 'gap' },
    ]);
    for (const bounds of [...splits(), [0, cut, maxPos()]]) expect(inRanges(req, bounds), `ranges ${bounds}`).toEqual(whole);
  });
});

const maxPos = () => db.prepare('SELECT max(pos) FROM records').pluck().get() as number;

/** Ways to cut the vault's positions into ranges: halves, and uneven pieces down to a single record. */
function splits(): number[][] {
  const max = maxPos();
  return [[0, Math.floor(max / 2), max], [0, 1, 1000, 1001, max - 1, max]];
}

/**
 * The report read as ranges of positions (bounds: each range is (previous, bound]), each into its own
 * accumulator, then merged and joined: what buildReportFromVaultOnThreads does with this thread and
 * a worker. What a worker posts arrives as a structured clone, so the test clones it too.
 */
function inRanges(req: VaultReportRequest, bounds: number[]): ComplianceReport {
  const query = reportQuery(db, req);
  const scope = { tenants: query.tenants, from: query.from, to: query.to };
  const merged = new ReportAccumulator({ query, signer, generatedAt: req.generatedAt });
  const ranges = bounds.slice(1).map((to, i) => {
    const part = new ReportAccumulator({ query, signer, generatedAt: req.generatedAt });
    const range = passRange(db, scope, bounds[i]! + 1, to, part);
    merged.merge(structuredClone(part.state()));
    return structuredClone(range);
  });
  const pass = joinRanges(db, scope, ranges);
  return merged.build(pass.evidence, { ...pass.integrity, checkpoint: null, earlierVerification: null });
}
