import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json';
import {
  aggregateReport, buildSampleReport, ComplianceReportSchema, FRAMEWORKS, sampleRecords, type ReportRecord,
} from '../../shared/reports';

const QUERY = {
  framework: 'GDPR' as const, from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z', tenants: ['t1'],
  businessHours: { startHour: 8, endHour: 18, weekdays: [1, 2, 3, 4, 5], timeZone: 'UTC' }, retentionDays: 365, rowLimit: 1000,
};
const SIGNER = { name: 'A', email: 'a@x.example', organisation: 'X' };
const NO_INTEGRITY = { chainsVerified: 1, recordsVerified: 1, brokenChains: [], checkpoint: null };

const sum = (rows: { count: number }[]) => rows.reduce((a, r) => a + r.count, 0);

describe('compliance report model', () => {
  it('builds the same sample report every time, valid against its schema, for every framework', () => {
    for (const framework of FRAMEWORKS) {
      const a = buildSampleReport({ framework });
      expect(ComplianceReportSchema.parse(a)).toEqual(a);
      expect(canonicalJson(buildSampleReport({ framework }))).toBe(canonicalJson(a));
      expect(a.controls.length).toBeGreaterThan(0);
    }
  });

  it('has breakdowns that add up to the totals, and one evidence hash per record counted', () => {
    const r = buildSampleReport({ framework: 'SOX' });
    expect(r.totals.records).toBe(r.totals.logs + r.totals.queries + r.totals.exports + r.totals.violations);
    expect(sum(r.byOperation)).toBe(r.totals.logs);
    expect(sum(r.byUser)).toBe(r.totals.records);
    expect(sum(r.violations.bySeverity)).toBe(r.violations.total);
    expect(sum(r.violations.bySeverityAndStatus)).toBe(r.violations.total);
    expect(r.evidence.count).toBe(r.totals.records);
    expect(r.evidence.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('SOX change management counts only UPDATE and DELETE on financial resources', () => {
    const r = buildSampleReport({ framework: 'SOX', rowLimit: 100_000 });
    const cm = r.controls.find((c) => c.controlId === 'SOX ITGC-CM')!;
    expect(cm.table.rows.length).toBe(cm.table.totalRows);
    for (const row of cm.table.rows) {
      expect(['UPDATE', 'DELETE']).toContain(row[3]);
      expect(row[4]).toMatch(/^(account|transaction|invoice|payment_card)\//);
    }
    expect(sum(cm.counts)).toBe(cm.table.totalRows);
  });

  it('counts only the query’s tenants and period, and computes time to resolve', () => {
    const base = { tenant: 't1', user: 'u', kind: 'violation' as const, violation_type: 'DATA_BREACH', severity: 'HIGH' };
    const records: ReportRecord[] = [
      { ...base, id: '1', timestamp: '2024-01-01T10:00:00Z', status: 'RESOLVED', resolved_at: '2024-01-01T12:00:00Z' },
      { ...base, id: '2', timestamp: '2024-01-02T10:00:00Z', status: 'CLOSED', resolved_at: '2024-01-02T16:00:00Z' },
      { ...base, id: '3', timestamp: '2024-01-03T10:00:00Z', status: 'RESOLVED', resolved_at: '2024-01-04T10:00:00Z' },
      { ...base, id: '4', timestamp: '2024-01-03T10:00:00Z', status: 'OPEN' },
      { ...base, id: '5', timestamp: '2024-02-01T00:00:00Z', status: 'OPEN' }, // the period's end is excluded
      { ...base, id: '6', tenant: 'other', timestamp: '2024-01-05T10:00:00Z', status: 'OPEN' },
    ];
    const r = aggregateReport({
      records,
      query: {
        framework: 'GDPR', from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z', tenants: ['t1'],
        businessHours: { startHour: 8, endHour: 18, weekdays: [1, 2, 3, 4, 5], timeZone: 'UTC' }, retentionDays: 365, rowLimit: 1000,
      },
      signer: { name: 'A', email: 'a@x.example', organisation: 'X' },
      generatedAt: '2024-02-02T00:00:00Z',
      integrity: { chainsVerified: 1, recordsVerified: 6, brokenChains: [], checkpoint: null },
    });
    expect(r.totals.records).toBe(4);
    expect(r.violations.timeToResolve).toEqual({ resolvedCount: 3, resolvedWithoutTime: 0, medianHours: 6, meanHours: 10.67 });
    expect(r.controls.find((c) => c.controlId === 'GDPR Art. 33')!.counts).toEqual([
      { key: 'RESOLVED', count: 2 }, { key: 'CLOSED', count: 1 }, { key: 'OPEN', count: 1 },
    ]);
  });

  it('digests the sorted audit hashes so that anyone can recompute it with sort | sha256sum', () => {
    const h = (c: string) => c.repeat(64);
    const rec = (id: string, audit_hash: string): ReportRecord => ({ id, kind: 'log', tenant: 't1', timestamp: '2024-01-02T10:00:00Z', operation: 'READ', audit_hash });
    const make = (records: ReportRecord[]) => aggregateReport({
      records, query: { ...QUERY, tenants: ['t1'] }, signer: SIGNER, generatedAt: '2024-02-02T00:00:00Z', integrity: NO_INTEGRITY,
    }).evidence;
    const a = make([rec('1', h('b')), rec('2', h('a'))]);
    // printf 'aaa…\nbbb…\n' | sha256sum
    expect(a).toMatchObject({ count: 2, digest: createHash('sha256').update(`${h('a')}\n${h('b')}\n`).digest('hex') });
    expect(make([rec('2', h('a')), rec('1', h('b'))])).toEqual(a);
    expect(make([rec('2', h('a')), rec('1', h('c'))]).digest).not.toBe(a.digest);
  });

  it('says a resolution time is not recorded rather than inventing one', () => {
    const v = (id: string, status: string): ReportRecord => ({ id, kind: 'violation', tenant: 't1', timestamp: '2024-01-02T10:00:00Z', violation_type: 'DATA_BREACH', severity: 'LOW', status });
    const r = aggregateReport({
      records: [v('1', 'RESOLVED'), v('2', 'OPEN')], query: { ...QUERY, tenants: ['t1'] }, signer: SIGNER,
      generatedAt: '2024-02-02T00:00:00Z', integrity: NO_INTEGRITY,
    });
    expect(r.violations.timeToResolve).toEqual({ resolvedCount: 0, resolvedWithoutTime: 1, medianHours: null, meanHours: null });
    expect(r.violations.table.rows.map((row) => row[6])).toEqual(['not recorded', '']);
    expect(r.retention.legalHolds).toBe('not configured');
  });

  it('sample users need more than Latin-1, so font problems cannot hide', () => {
    const users = new Set(sampleRecords({ tenants: ['t'], from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z', count: 300 }).map((r) => r.user));
    expect([...users].some((u) => u?.includes('山田'))).toBe(true);
    expect([...users].some((u) => u?.includes('ł'))).toBe(true);
  });
});
