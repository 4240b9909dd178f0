// Bar charts drawn as vector paths (rectangles and lines), so they stay sharp at any zoom, cost a
// few hundred bytes and keep their labels as real, searchable text.
import type { CountRow } from '../../../../shared/reports/report-model';
import { COLORS, CONTENT_WIDTH, Cursor, MARGIN, TEXT } from './layout';
import type { TextStyle } from './fonts';

const LABEL: TextStyle = { size: 7.5, color: COLORS.text };
const BAR_HEIGHT = 9;
const GAP = 3;
const MAX_BARS = 12;

/** Up to MAX_BARS bars; the rest are summed into one "other" bar so the chart still adds up. */
export function topRows(rows: CountRow[], max = MAX_BARS): CountRow[] {
  if (rows.length <= max) return rows;
  const rest = rows.slice(max - 1);
  return [...rows.slice(0, max - 1), { key: `${rest.length} others`, count: rest.reduce((a, r) => a + r.count, 0) }];
}

export function drawBarChart(cursor: Cursor, title: string, rows: CountRow[]): void {
  const { fonts } = cursor;
  const bars = topRows(rows);
  const height = TEXT.h2.size * 2 + Math.max(1, bars.length) * (BAR_HEIGHT + GAP) + 8;
  cursor.ensure(height);
  cursor.line(title, { ...TEXT.body, bold: true });
  cursor.space(3);
  if (bars.length === 0) {
    cursor.line('No records.', TEXT.small);
    cursor.space(8);
    return;
  }
  const labelWidth = Math.min(160, Math.max(...bars.map((b) => fonts.width(b.key, LABEL))) + 8);
  const max = Math.max(...bars.map((b) => b.count), 1);
  const valueRoom = fonts.width(String(max), LABEL) + 8;
  const plotX = MARGIN.left + labelWidth;
  const plotWidth = CONTENT_WIDTH - labelWidth - valueRoom;
  const top = cursor.y;
  bars.forEach((b, i) => {
    const y = top - (i + 1) * (BAR_HEIGHT + GAP);
    const label = fonts.fit(b.key || '(empty)', labelWidth - 8, LABEL);
    fonts.draw(cursor.page, label, plotX - 6 - fonts.width(label, LABEL), y + 2, LABEL);
    const w = (b.count / max) * plotWidth;
    if (w > 0) cursor.page.drawRectangle({ x: plotX, y, width: w, height: BAR_HEIGHT, color: COLORS.bar });
    fonts.draw(cursor.page, String(b.count), plotX + w + 4, y + 2, LABEL);
  });
  const bottom = top - bars.length * (BAR_HEIGHT + GAP) - GAP;
  cursor.page.drawLine({ start: { x: plotX, y: top }, end: { x: plotX, y: bottom }, thickness: 0.6, color: COLORS.muted });
  cursor.y = bottom - 10;
}
