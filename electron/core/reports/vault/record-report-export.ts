// Every report made is itself recorded as an `export` record (AuditExport, CONTRACT §1) appended to
// the vault's chain. It goes into AuditDesk's system tenant, not the report's: a report may span
// several tenants, and a vault-assigned seq in a producer's chain would collide with the producer's
// own next records (the same reason integrity violations live there). Tenant reports therefore
// never count their own export, so `verify-report --vault` still matches after the report is made.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ComplianceReport } from '../../../../shared/reports/report-model';
import type { AuditRecord } from '../../../../shared/records/record-schema';
import { nodeSha256 } from '../../node-sha';
import { Admission, SYSTEM_TENANT } from '../../vault/admission';

export interface ReportFile {
  format: 'PDF' | 'CSV' | 'JSON';
  path: string;
  bytes: number;
  sha256: string;
}

export function recordReportExport(db: Database.Database, report: ComplianceReport, file: ReportFile, at = new Date()): AuditRecord {
  const record: AuditRecord = {
    id: `report-${randomUUID()}`,
    kind: 'export',
    tenant: SYSTEM_TENANT,
    user: report.signer.email,
    timestamp: at.toISOString(),
    export_type: file.format,
    model_name: 'ComplianceReport',
    filters_applied: {
      framework: report.framework, from: report.period.from, to: report.period.to, tenants: report.tenants,
    },
    record_count: report.totals.records,
    file_path: file.path,
    file_size: file.bytes,
    // Extra members (kept and hashed, CONTRACT §1): tie this record to the exact file and evidence.
    file_sha256: file.sha256,
    evidence_digest: report.evidence.digest,
  };
  db.transaction(() => {
    const admission = new Admission(db, nodeSha256);
    admission.admit(record);
    admission.finish();
  })();
  return record;
}
