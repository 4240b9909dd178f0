// One sub-section per control of the framework: what the control asks to look at, the counts and
// the records. Evidence for the auditor's judgement, not a judgement.
import type { ComplianceReport } from '../../../../../shared/reports/report-model';
import { FRAMEWORK_NAMES } from '../../../../../shared/reports/framework-names';
import { drawBarChart } from '../charts';
import { COLORS, Cursor, TEXT } from '../layout';
import { drawTable } from '../tables';

export function drawControls(cursor: Cursor, r: ComplianceReport): void {
  cursor.heading(`2. ${FRAMEWORK_NAMES[r.framework]}: activity by control`);
  cursor.paragraph('Each control below lists the recorded activity that is evidence for it. The counts are facts from the trail; whether the control operated effectively is for the auditor to judge.', { ...TEXT.body, color: COLORS.muted });
  cursor.space(6);
  for (const c of r.controls) {
    cursor.heading(`${c.controlId}: ${c.title}`, TEXT.h2, 120);
    cursor.paragraph(c.whatItEvidences);
    cursor.line(`${c.table.totalRows} records.`, { ...TEXT.body, bold: true });
    cursor.space(4);
    drawBarChart(cursor, 'Breakdown', c.counts);
    drawTable(cursor, c.table, { caption: c.controlId });
  }
}
