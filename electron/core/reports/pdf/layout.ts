// Page geometry and a cursor that flows content down A4 pages, opening a new page when the next
// block does not fit. Every other drawing module asks the cursor for room instead of tracking y.
import { rgb, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { FontSet, TextStyle } from './fonts';

export const PAGE = { width: 595.28, height: 841.89 } as const; // A4 in points
export const MARGIN = { left: 50, right: 50, top: 60, bottom: 60 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export const COLORS = {
  text: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.42, 0.44, 0.48),
  rule: rgb(0.8, 0.82, 0.85),
  accent: rgb(0.11, 0.3, 0.55),
  headerFill: rgb(0.16, 0.23, 0.33),
  zebra: rgb(0.95, 0.96, 0.97),
  bar: rgb(0.2, 0.45, 0.7),
  warn: rgb(0.7, 0.2, 0.15),
};

export const TEXT = {
  h1: { size: 16, bold: true, color: COLORS.accent },
  h2: { size: 12, bold: true, color: COLORS.text },
  body: { size: 9, color: COLORS.text },
  small: { size: 7.5, color: COLORS.muted },
} satisfies Record<string, TextStyle>;

export class Cursor {
  page!: PDFPage;
  /** Baseline-independent: the top of the free space on the current page. */
  y = 0;

  constructor(readonly doc: PDFDocument, readonly fonts: FontSet) {}

  newPage(): PDFPage {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN.top;
    return this.page;
  }

  /** Makes sure `height` points are free below y, else moves to a new page. True if it moved. */
  ensure(height: number): boolean {
    if (this.y - height >= MARGIN.bottom) return false;
    this.newPage();
    return true;
  }

  space(points: number): void {
    this.y -= points;
  }

  /** Draws one line of text whose top is at y, and moves below it. */
  line(text: string, style: TextStyle, x: number = MARGIN.left): void {
    const h = style.size * 1.35;
    this.ensure(h);
    this.fonts.draw(this.page, text, x, this.y - style.size, style);
    this.y -= h;
  }

  paragraph(text: string, style: TextStyle = TEXT.body, width = CONTENT_WIDTH): void {
    for (const l of this.fonts.wrap(text, width, style)) this.line(l, style);
  }

  /** A section heading; keeps at least `keepWith` points of what follows on the same page. */
  heading(text: string, style: TextStyle = TEXT.h1, keepWith = 80): void {
    this.ensure(style.size * 2 + keepWith);
    this.space(style.size * 0.6);
    this.line(text, style);
    if (style === TEXT.h1) {
      this.page.drawLine({
        start: { x: MARGIN.left, y: this.y + 2 }, end: { x: PAGE.width - MARGIN.right, y: this.y + 2 },
        thickness: 0.7, color: COLORS.accent,
      });
    }
    this.space(style.size * 0.5);
  }
}
