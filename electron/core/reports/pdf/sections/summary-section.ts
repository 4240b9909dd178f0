// Summary and activity: totals, then what was done, by whom, on what.
import type { ComplianceReport, CountRow, Table } from '../../../../../shared/reports/report-model';
import { drawBarChart } from '../charts';
import { Cursor, TEXT } from '../layout';
import { drawFacts, drawTable } from '../tables';

export const countTable = (label: string, rows: CountRow[], total?: number): Table => ({
  columns: [label, 'Count', ...(total ? ['Share'] : [])],
  rows: rows.map((r) => [r.key || '(empty)', String(r.count), ...(total ? [`${((100 * r.count) / total).toFixed(1)}%`] : [])]),
  totalRows: rows.length,
});

export function drawSummary(cursor: Cursor, r: ComplianceReport): void {
  cursor.newPage();
  cursor.heading('1. Summary');
  const t = r.totals;
  drawFacts(cursor, [
    ['Records in scope (all kinds)', t.records],
    ['Operations (AuditLog)', t.logs],
    ['Queries (AuditQuery)', t.queries],
    ['Exports (AuditExport)', t.exports],
    ['Violations (AuditViolation)', t.violations],
    ['Sensitive operations', t.sensitiveOperations],
    ['Distinct users', t.distinctUsers],
    ['Distinct resources', t.distinctResources],
    ['Activity outside business hours', r.outsideBusinessHours.total],
    ['Chains verified / broken', `${r.integrity.chainsVerified} / ${r.integrity.brokenChains.length}`],
  ]);
  drawBarChart(cursor, 'Operations by type', r.byOperation);
  drawBarChart(cursor, 'Records by data classification', r.classificationsPresent);
}

export function drawActivity(cursor: Cursor, r: ComplianceReport): void {
  cursor.heading('3. Activity');
  drawBarChart(cursor, 'Records by user', r.byUser);
  drawTable(cursor, countTable('User', r.byUser, r.totals.records), { caption: 'Records by user' });
  drawBarChart(cursor, 'Operations by resource type', r.byResourceType);
  drawTable(cursor, countTable('Resource type', r.byResourceType, r.totals.logs), { caption: 'Operations by resource type' });
  cursor.heading('Frameworks and classifications present', TEXT.h2);
  drawTable(cursor, countTable('Framework tag on the operation', r.frameworksPresent, r.totals.logs));
  drawTable(cursor, countTable('Data classification', r.classificationsPresent));
  cursor.heading('Sensitive operations', TEXT.h2);
  cursor.paragraph(`${r.sensitiveOperations.total} operations were flagged is_sensitive.`);
  cursor.space(4);
  drawBarChart(cursor, 'Sensitive operations by type', r.sensitiveOperations.byOperation);
  drawTable(cursor, countTable('Classification of sensitive operations', r.sensitiveOperations.byClassification));
}
