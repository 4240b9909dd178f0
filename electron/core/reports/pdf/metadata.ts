// Document information dictionary. Dates come from the report, not the clock, so that the same
// report renders to the same bytes (which the tests and `verify-report` comparisons rely on).
import type { PDFDocument } from 'pdf-lib';
import type { ComplianceReport } from '../../../../shared/reports/report-model';
import { FRAMEWORK_NAMES } from '../../../../shared/reports/framework-names';

export const EVIDENCE_KEYWORD_PREFIX = 'evidence-sha256:';

export function setReportMetadata(doc: PDFDocument, r: ComplianceReport, evidenceSha256: string): void {
  const generated = new Date(r.generatedAt);
  doc.setTitle(`Compliance report: ${FRAMEWORK_NAMES[r.framework]}, ${r.period.from} to ${r.period.to}`, { showInWindowTitleBar: true });
  doc.setAuthor(`${r.signer.name} <${r.signer.email}>, ${r.signer.organisation}`);
  doc.setSubject(`${r.framework} compliance report for ${r.tenants.join(', ')}`);
  doc.setKeywords(['AuditDesk', 'compliance report', r.framework, `${EVIDENCE_KEYWORD_PREFIX}${evidenceSha256}`]);
  doc.setCreator(`${r.generator.name} ${r.generator.version}`);
  doc.setProducer('AuditDesk (pdf-lib)');
  doc.setLanguage('en');
  doc.setCreationDate(generated);
  doc.setModificationDate(generated);
}
