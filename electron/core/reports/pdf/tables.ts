// Tables that run over as many pages as they need: the header row is drawn again at the top of
// every page, cells too wide for their column are cut with an ellipsis (the full values are in the
// evidence attachment), numbers are right-aligned so that columns of counts can be compared.
import { rgb } from 'pdf-lib';
import type { Table } from '../../../../shared/reports/report-model';
import { COLORS, CONTENT_WIDTH, Cursor, MARGIN, TEXT } from './layout';
import type { TextStyle } from './fonts';

const CELL: TextStyle = { size: 7, color: COLORS.text };
const HEAD: TextStyle = { size: 7, bold: true, color: rgb(1, 1, 1) };
const ROW_HEIGHT = 12;
const PAD = 3;
const SAMPLE_ROWS = 200; // rows measured to size columns; enough to see typical widths, cheap on big tables

// Counts, shares, hours and "2 / 0" pairs read as numbers and are right-aligned.
const isNumeric = (s: string) => /^-?\d[\d,.]*( \/ \d[\d,.]*)?( h|%)?$/.test(s);

/** Water-filling: narrow columns keep their natural width, wide ones share what is left. */
export function fitColumns(natural: number[], available: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= available) return natural.map((w) => (w * available) / total);
  const widths = new Array<number>(natural.length).fill(0);
  const order = natural.map((w, i) => [w, i] as const).sort((a, b) => a[0] - b[0]);
  let left = available;
  order.forEach(([w, i], k) => {
    const share = left / (order.length - k);
    widths[i] = Math.min(w, share);
    left -= widths[i]!;
  });
  return widths;
}

export interface TableOptions {
  /** Shown above the header on pages after the first, e.g. "Violations (continued)". */
  caption?: string;
}

export function drawTable(cursor: Cursor, table: Table, opts: TableOptions = {}): void {
  const { fonts } = cursor;
  const cols = table.columns.length;
  const sample = table.rows.slice(0, SAMPLE_ROWS);
  const natural = table.columns.map((c, i) => Math.max(
    fonts.width(c, HEAD),
    ...sample.map((r) => fonts.width(r[i] ?? '', CELL)),
  ) + 2 * PAD);
  const widths = fitColumns(natural, CONTENT_WIDTH);
  const right = table.columns.map((_, i) => sample.length > 0 && sample.every((r) => isNumeric(r[i] ?? '') || (r[i] ?? '') === ''));

  const drawRow = (cells: string[], style: TextStyle, fill?: ReturnType<typeof rgb>) => {
    const top = cursor.y;
    if (fill) {
      cursor.page.drawRectangle({ x: MARGIN.left, y: top - ROW_HEIGHT, width: CONTENT_WIDTH, height: ROW_HEIGHT, color: fill });
    }
    let x = MARGIN.left;
    for (let i = 0; i < cols; i++) {
      const w = widths[i]!;
      const text = fonts.fit(cells[i] ?? '', w - 2 * PAD, style);
      const tx = right[i] ? x + w - PAD - fonts.width(text, style) : x + PAD;
      fonts.draw(cursor.page, text, tx, top - ROW_HEIGHT + 3.5, style);
      x += w;
    }
    cursor.y -= ROW_HEIGHT;
  };
  const header = (continued: boolean) => {
    if (continued && opts.caption) cursor.line(`${opts.caption} (continued)`, TEXT.small);
    drawRow(table.columns, HEAD, COLORS.headerFill);
  };

  cursor.ensure(ROW_HEIGHT * 3);
  header(false);
  if (table.rows.length === 0) {
    drawRow(['(none)'], { ...CELL, color: COLORS.muted });
  }
  table.rows.forEach((row, n) => {
    if (cursor.ensure(ROW_HEIGHT)) header(true);
    drawRow(row, CELL, n % 2 === 1 ? COLORS.zebra : undefined);
  });
  cursor.page.drawLine({
    start: { x: MARGIN.left, y: cursor.y }, end: { x: MARGIN.left + CONTENT_WIDTH, y: cursor.y },
    thickness: 0.5, color: COLORS.rule,
  });
  if (table.totalRows > table.rows.length) {
    cursor.space(2);
    cursor.line(`Showing the first ${table.rows.length} of ${table.totalRows} rows; every row is counted in the figures above.`, TEXT.small);
  }
  cursor.space(10);
}

/** A two-column "label: value" table, for facts such as totals. */
export function drawFacts(cursor: Cursor, facts: Array<[string, string | number]>): void {
  drawTable(cursor, {
    columns: ['Fact', 'Value'],
    rows: facts.map(([k, v]) => [k, String(v)]),
    totalRows: facts.length,
  });
}
