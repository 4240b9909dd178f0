import { describe, expect, it } from 'vitest';
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { canonicalJson } from '../../shared/canonical-json';
import { buildSampleReport, EVIDENCE_NAME, readAttachments, renderReportPdf } from '../../electron/core/reports';

/** Every embedded TrueType font program in the PDF, parsed. */
function embeddedFonts(doc: PDFDocument) {
  const fonts: { name: string; font: ReturnType<typeof fontkit.create> }[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const file = obj.lookup(PDFName.of('FontFile2'));
    if (!(file instanceof PDFRawStream)) continue;
    const bytes = decodePDFRawStream(file).decode();
    const font = fontkit.create(Buffer.from(bytes));
    // pdf-lib names a subset "<PostScript name>-<tag>".
    const name = (obj.get(PDFName.of('FontName')) as PDFName).decodeText().replace(/-\d+$/, '');
    fonts.push({ name, font });
  }
  return fonts;
}

describe('report PDF', () => {
  it('carries the report as canonical JSON in evidence.json, and sets the document metadata', async () => {
    const report = buildSampleReport({ framework: 'PCI_DSS' });
    const doc = await PDFDocument.load(await renderReportPdf(report), { updateMetadata: false });
    const evidence = readAttachments(doc).get(EVIDENCE_NAME)!;
    expect(new TextDecoder().decode(evidence)).toBe(canonicalJson(report));
    expect(doc.getTitle()).toContain('PCI DSS');
    expect(doc.getAuthor()).toContain('Zoë Łukaszewicz');
    expect(doc.getSubject()).toContain('acme-bank');
    expect(doc.getCreator()).toBe('AuditDesk 0.1.0');
    expect(doc.getCreationDate()?.toISOString()).toBe('2024-04-02T09:30:00.000Z');
    expect(doc.getPageCount()).toBeGreaterThan(3);
  });

  it('renders the same report to the same bytes', async () => {
    const report = buildSampleReport({ framework: 'GDPR', records: 100 });
    expect(Buffer.from(await renderReportPdf(report)).equals(Buffer.from(await renderReportPdf(report)))).toBe(true);
  });

  it('embeds real outlines for Zoë, Łukasz and 山田 (not empty boxes)', async () => {
    const doc = await PDFDocument.load(await renderReportPdf(buildSampleReport({ framework: 'SOX', records: 200 })));
    const fonts = embeddedFonts(doc);
    expect(fonts.map((f) => f.name).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold', 'DroidSansFallback']);
    for (const { font } of fonts) {
      // A subset has its used glyphs in order; every one must decode to an outline (space excepted).
      const f = font as unknown as { numGlyphs: number; getGlyph(id: number): { path: { commands: unknown[] } } };
      let drawn = 0;
      for (let id = 1; id < f.numGlyphs; id++) {
        expect(() => f.getGlyph(id).path).not.toThrow();
        if (f.getGlyph(id).path.commands.length > 0) drawn++;
      }
      expect(drawn).toBeGreaterThanOrEqual(f.numGlyphs - 2);
    }
    const cjk = fonts.find((f) => f.name === 'DroidSansFallback')!.font as unknown as { numGlyphs: number };
    expect(cjk.numGlyphs).toBeGreaterThanOrEqual(3); // .notdef, 山, 田 at least
  });

  it('keeps a report of more than 100 pages under 2 MB', async () => {
    const report = buildSampleReport({ framework: 'ISO_27001', records: 4000, rowLimit: 100_000 });
    const bytes = await renderReportPdf(report);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(100);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
  });

  it('refuses a malformed report instead of printing it', async () => {
    const report = buildSampleReport({ framework: 'SOX', records: 50 });
    await expect(renderReportPdf({ ...report, totals: { ...report.totals, records: -1 } })).rejects.toThrow();
  });
});
