// Computes a ComplianceReport from the vault in one streaming pass over the report's tenants (see
// vault-pass.ts): their chains re-hashed for the integrity section, the records of the period
// through the shared accumulator, and their audit hashes into the evidence digest. `verify-report --vault` calls this again with the evidence's query and
// generatedAt and compares, so everything here must depend only on those and the vault's contents.
import type Database from 'better-sqlite3';
import type { Framework } from '../../../../shared/records/enums';
import { ReportAccumulator } from '../../../../shared/reports/report-accumulator';
import type { ComplianceReport, ReportQuery, Signer } from '../../../../shared/reports/report-model';
import { SYSTEM_TENANT } from '../../vault/integrity-violation';
import { vaultPass } from './vault-pass';
import { retentionDaysFor } from './vault-policies';

export const DEFAULT_BUSINESS_HOURS: ReportQuery['businessHours'] = {
  startHour: 8, endHour: 18, weekdays: [1, 2, 3, 4, 5], timeZone: 'UTC',
};

/** Rows listed per table: enough to read, few enough that a 1M-record report stays small and fast. */
export const DEFAULT_ROW_LIMIT = 500;

export interface VaultReportRequest {
  framework: Framework;
  /** RFC 3339 instants; the period is from <= timestamp < to. */
  from: string;
  to: string;
  /** Empty: every tenant of the vault except AuditDesk's own system tenant. */
  tenants: readonly string[];
  signer: Signer;
  generatedAt: string;
  businessHours?: ReportQuery['businessHours'];
  /** Defaults to the vault's settings row 'retention_days' for the framework. */
  retentionDays?: number;
  rowLimit?: number;
  /** The ledger's latest signed checkpoint, when the caller has one. */
  checkpoint?: ComplianceReport['integrity']['checkpoint'];
  onProgress?: (records: number) => void;
}

export function vaultTenants(db: Database.Database): string[] {
  return (db.prepare('SELECT tenant FROM tenants WHERE tenant <> ? ORDER BY tenant').pluck().all(SYSTEM_TENANT) as string[]);
}

/** The query a report over this vault answers (also what `verify-report --vault` re-asks). */
export function reportQuery(db: Database.Database, req: VaultReportRequest): ReportQuery {
  const tenants = req.tenants.length > 0 ? [...new Set(req.tenants)] : vaultTenants(db);
  return {
    framework: req.framework,
    from: req.from,
    to: req.to,
    tenants,
    businessHours: req.businessHours ?? DEFAULT_BUSINESS_HOURS,
    retentionDays: req.retentionDays ?? retentionDaysFor(db, req.framework),
    rowLimit: req.rowLimit ?? DEFAULT_ROW_LIMIT,
  };
}

export function buildReportFromVault(db: Database.Database, req: VaultReportRequest): ComplianceReport {
  const query = reportQuery(db, req);
  if (query.tenants.length === 0) throw new Error('the vault has no tenants to report on');
  const acc = new ReportAccumulator({ query, signer: req.signer, generatedAt: req.generatedAt });
  const pass = vaultPass(db, { tenants: query.tenants, from: query.from, to: query.to }, acc, req.onProgress);
  return acc.build(pass.evidence, { ...pass.integrity, checkpoint: req.checkpoint ?? null });
}
