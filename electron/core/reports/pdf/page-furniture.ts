// Running header and "page X of Y" footer, drawn once every page exists so that Y is known.
import type { ComplianceReport } from '../../../../shared/reports/report-model';
import { COLORS, MARGIN, PAGE } from './layout';
import type { FontSet, TextStyle } from './fonts';
import type { PDFDocument } from 'pdf-lib';

const SMALL: TextStyle = { size: 7.5, color: COLORS.muted };

export function drawPageFurniture(doc: PDFDocument, fonts: FontSet, r: ComplianceReport, evidenceSha256: string): void {
  const pages = doc.getPages();
  const header = `AuditDesk compliance report · ${r.framework} · ${r.period.from} to ${r.period.to} · ${r.tenants.join(', ')}`;
  const footerLeft = `Generated ${r.generatedAt} · evidence.json SHA-256 ${evidenceSha256.slice(0, 16)}…`;
  pages.forEach((page, i) => {
    const number = `page ${i + 1} of ${pages.length}`;
    if (i > 0) {
      const top = PAGE.height - MARGIN.top + 22;
      fonts.draw(page, fonts.fit(header, PAGE.width - MARGIN.left - MARGIN.right, SMALL), MARGIN.left, top, SMALL);
      page.drawLine({ start: { x: MARGIN.left, y: top - 5 }, end: { x: PAGE.width - MARGIN.right, y: top - 5 }, thickness: 0.4, color: COLORS.rule });
    }
    const bottom = MARGIN.bottom - 28;
    fonts.draw(page, footerLeft, MARGIN.left, bottom, SMALL);
    fonts.draw(page, number, PAGE.width - MARGIN.right - fonts.width(number, SMALL), bottom, SMALL);
  });
}
