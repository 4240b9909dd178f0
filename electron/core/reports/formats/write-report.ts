// Turns a computed report into the bytes of the file the user asked for: a signed PDF, or the same
// report as JSON (RFC 8785, byte-identical to the PDF's evidence.json) or CSV (reportCsv).
import type { ComplianceReport } from '../../../../shared/reports/report-model';
import { evidenceBytes } from '../pdf/evidence-attachment';
import { renderReportPdf } from '../pdf/render-report';
import { signPdf } from '../signing/sign-pdf';
import { reportCsv } from './report-csv';

import type { ReportFormat } from './report-formats';

export interface SigningKey {
  p12: Uint8Array;
  passphrase: string;
}

export async function reportBytes(report: ComplianceReport, format: ReportFormat, key: SigningKey): Promise<Uint8Array> {
  if (format === 'json') return evidenceBytes(report);
  if (format === 'csv') return new TextEncoder().encode(reportCsv(report));
  return signPdf(await renderReportPdf(report), key.p12, key.passphrase);
}
