// Violations: how many, how severe, where they stand, and how long resolving them took.
import type { ComplianceReport } from '../../../../../shared/reports/report-model';
import { SEVERITIES, VIOLATION_STATUSES } from '../../../../../shared/records/enums';
import { drawBarChart } from '../charts';
import { Cursor, TEXT } from '../layout';
import { drawFacts, drawTable } from '../tables';

// Without a recorded resolution time there is nothing to compute: say so rather than invent one.
const hours = (h: number | null, withoutTime: number) =>
  h !== null ? `${h} h` : withoutTime > 0 ? 'not recorded' : 'no resolved violation';

export function drawViolations(cursor: Cursor, r: ComplianceReport): void {
  const v = r.violations;
  cursor.heading('4. Violations');
  drawFacts(cursor, [
    ['Violations recorded', v.total],
    ['Resolved or closed, with a resolution time', v.timeToResolve.resolvedCount],
    ['Resolved or closed, resolution time not recorded', v.timeToResolve.resolvedWithoutTime],
    ['Median time to resolve', hours(v.timeToResolve.medianHours, v.timeToResolve.resolvedWithoutTime)],
    ['Mean time to resolve', hours(v.timeToResolve.meanHours, v.timeToResolve.resolvedWithoutTime)],
  ]);
  drawBarChart(cursor, 'Violations by severity', v.bySeverity);
  drawBarChart(cursor, 'Violations by type', v.byType);
  cursor.heading('Severity by status', TEXT.h2);
  const cell = (sev: string, st: string) =>
    String(v.bySeverityAndStatus.find((x) => x.severity === sev && x.status === st)?.count ?? 0);
  drawTable(cursor, {
    columns: ['Severity', ...VIOLATION_STATUSES, 'Total'],
    rows: SEVERITIES.map((sev) => [sev, ...VIOLATION_STATUSES.map((st) => cell(sev, st)),
      String(v.bySeverity.find((x) => x.key === sev)?.count ?? 0)]),
    totalRows: SEVERITIES.length,
  });
  cursor.heading('Every violation', TEXT.h2);
  drawTable(cursor, v.table, { caption: 'Violations' });
}
