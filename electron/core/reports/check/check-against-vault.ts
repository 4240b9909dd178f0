// `verify-report --vault`: asks the vault the report's own question again (its query and its
// generatedAt, which fixes the retention cut-off) and names every number that now differs.
// The integrity section describes the vault when the report was made, not the period, so it is
// compared by what must still hold: the same chains, none broken now, no fewer records than then.
// Records appended to those chains since (outside the period) are a note, not a difference.
// Every record is re-hashed for the check, whatever the vault's last verification covered: the
// numbers then come from the records' own bytes, not from the index a report may have read
// (docs/reports.md, "Checking a report").
import type Database from 'better-sqlite3';
import type { ComplianceReport } from '../../../../shared/reports/report-model';
import { buildReportFromVaultOnThreads } from '../vault/report-from-vault';
import { diffReports, type Difference } from './diff-reports';
import type { VaultAccess } from '../../vault/raw-key';

export interface VaultCheck {
  ok: boolean;
  differences: Difference[];
  notes: string[];
}

/** `vault` (its file and passphrase) lets a large vault be read on two threads. */
export async function checkReportAgainstVault(
  db: Database.Database,
  reported: ComplianceReport,
  vault: VaultAccess,
): Promise<VaultCheck> {
  const q = reported.query;
  const recomputed = await buildReportFromVaultOnThreads(db, {
    framework: q.framework, from: q.from, to: q.to, tenants: q.tenants, signer: reported.signer,
    generatedAt: reported.generatedAt, businessHours: q.businessHours, retentionDays: q.retentionDays,
    rowLimit: q.rowLimit, checkpoint: reported.integrity.checkpoint,
  }, vault, { rehashAll: true });
  // Everything but integrity and who made it must come out the same.
  const strip = (r: ComplianceReport) => ({ ...r, integrity: null, generator: null });
  const differences = diffReports(strip(reported), strip(recomputed));
  const notes: string[] = [];
  const then = reported.integrity, now = recomputed.integrity;
  if (now.chainsVerified !== then.chainsVerified) {
    differences.push({ path: 'integrity.chainsVerified', report: String(then.chainsVerified), vault: String(now.chainsVerified) });
  }
  for (const b of now.brokenChains) {
    if (!then.brokenChains.some((x) => x.tenant === b.tenant && x.seq === b.seq && x.kind === b.kind)) {
      differences.push({ path: `integrity.brokenChains[${b.tenant}]`, report: 'no break', vault: `${b.kind} at seq ${b.seq}` });
    }
  }
  if (now.recordsVerified < then.recordsVerified) {
    differences.push({ path: 'integrity.recordsVerified', report: String(then.recordsVerified), vault: `${now.recordsVerified} (records are missing)` });
  } else if (now.recordsVerified > then.recordsVerified) {
    notes.push(`${now.recordsVerified - then.recordsVerified} records were appended to these tenants' chains since the report (none changes its numbers unless listed above)`);
  }
  return { ok: differences.length === 0, differences, notes };
}
