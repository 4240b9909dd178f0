// Renders a ComplianceReport to an unsigned PDF: title page, sections, page furniture, metadata and
// the evidence attachment. Sign the result with signPdf.
import { PDFDocument } from 'pdf-lib';
import { createHash } from 'node:crypto';
import { ComplianceReportSchema, type ComplianceReport } from '../../../../shared/reports/report-model';
import { attachEvidence, evidenceBytes } from './evidence-attachment';
import { FontSet, type FontBytes } from './fonts';
import { Cursor } from './layout';
import { setReportMetadata } from './metadata';
import { drawPageFurniture } from './page-furniture';
import { drawAccess } from './sections/access-sections';
import { drawControls } from './sections/controls-section';
import { drawIntegrity } from './sections/integrity-section';
import { drawActivity, drawSummary } from './sections/summary-section';
import { drawViolations } from './sections/violations-section';
import { drawTitlePage } from './title-page';

export interface RenderOptions {
  /** Fonts to embed instead of the ones shipped in fonts/ (e.g. when bundled elsewhere). */
  fonts?: FontBytes;
}

export async function renderReportPdf(report: ComplianceReport, opts: RenderOptions = {}): Promise<Uint8Array> {
  // Refuse a malformed report here rather than print one whose evidence will not verify.
  ComplianceReportSchema.parse(report);
  const evidence = evidenceBytes(report);
  const evidenceSha256 = createHash('sha256').update(evidence).digest('hex');

  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await FontSet.embed(doc, opts.fonts);
  const cursor = new Cursor(doc, fonts);
  drawTitlePage(cursor, report, evidenceSha256);
  drawSummary(cursor, report);
  drawControls(cursor, report);
  drawActivity(cursor, report);
  drawViolations(cursor, report);
  drawAccess(cursor, report);
  drawIntegrity(cursor, report);
  drawPageFurniture(doc, fonts, report, evidenceSha256);
  setReportMetadata(doc, report, evidenceSha256);
  await attachEvidence(doc, evidence, new Date(report.generatedAt));
  // No object streams: the signing step appends its dictionary to a classic xref table.
  return doc.save({ useObjectStreams: false });
}
