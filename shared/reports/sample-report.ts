// A realistic, deterministic report for tests, previews and the engine's wiring until the vault
// feeds real records: generated records run through the same aggregation the real report uses.
import type { Framework } from '../records/enums';
import { aggregateReport } from './aggregate-report';
import type { ComplianceReport, ReportQuery, Signer } from './report-model';
import { sampleRecords } from './sample-records';

export const SAMPLE_SIGNER: Signer = {
  name: 'Zoë Łukaszewicz',
  email: 'zoe.lukaszewicz@audit.example',
  organisation: '山田 & Partners Audit',
};

export interface SampleReportOptions {
  framework: Framework;
  /** Records generated before filtering; 600 gives a report of about 10 pages. */
  records?: number;
  seed?: number;
  rowLimit?: number;
  /** Show a broken chain in the integrity section (to see how problems print). */
  withBrokenChain?: boolean;
}

export function buildSampleReport(opts: SampleReportOptions): ComplianceReport {
  const tenants = ['acme-bank', 'northwind-health'];
  const query: ReportQuery = {
    framework: opts.framework,
    from: '2024-01-01T00:00:00Z',
    to: '2024-04-01T00:00:00Z',
    tenants,
    businessHours: { startHour: 8, endHour: 18, weekdays: [1, 2, 3, 4, 5], timeZone: 'UTC' },
    retentionDays: 90,
    rowLimit: opts.rowLimit ?? 1000,
  };
  const records = sampleRecords({ tenants, from: query.from, to: query.to, count: opts.records ?? 600, seed: opts.seed });
  const held = new Set(records.filter((r) => r.resource_type === 'loan').map((r) => r.id));
  return aggregateReport({
    records,
    query,
    signer: SAMPLE_SIGNER,
    generatedAt: '2024-04-02T09:30:00Z',
    isUnderLegalHold: (r) => held.has(r.id),
    integrity: {
      chainsVerified: tenants.length,
      recordsVerified: records.length,
      brokenChains: opts.withBrokenChain ? [{ tenant: 'northwind-health', seq: 118, kind: 'hash_mismatch' }] : [],
      checkpoint: {
        origin: 'auditdesk.example/vault/3f9a1c',
        size: records.length,
        rootHash: 'S2mXy3c1kq4o3o0hYb8pZ3m6eX0m5vJv2R7b0k3T9yA=',
      },
    },
  });
}
