// Who took data out and who looked at sensitive data: exports, sensitive queries, off-hours
// activity, the most active users, and what retention and legal holds keep.
import type { ComplianceReport } from '../../../../../shared/reports/report-model';
import { drawBarChart } from '../charts';
import { Cursor, TEXT } from '../layout';
import { drawFacts, drawTable } from '../tables';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function drawAccess(cursor: Cursor, r: ComplianceReport): void {
  cursor.heading('5. Exports made');
  cursor.paragraph(`${r.exports.total} exports (AuditExport) took out ${r.exports.recordsExported} records in all.`);
  cursor.space(4);
  drawBarChart(cursor, 'Exports by format', r.exports.byType);
  drawTable(cursor, r.exports.table, { caption: 'Exports' });

  cursor.heading('6. Queries on sensitive data');
  cursor.paragraph(`${r.sensitiveQueries.total} queries (AuditQuery) were flagged is_sensitive.`);
  cursor.space(4);
  drawBarChart(cursor, 'Sensitive queries by model', r.sensitiveQueries.byModel);
  drawTable(cursor, r.sensitiveQueries.table, { caption: 'Queries on sensitive data' });

  const bh = r.query.businessHours;
  cursor.heading('7. Activity outside business hours');
  cursor.paragraph(
    `Business hours: ${bh.startHour}:00 to ${bh.endHour}:00 ${bh.timeZone}, ${bh.weekdays.map((d) => DAYS[d]).join(', ')}. ` +
    `${r.outsideBusinessHours.total} of ${r.totals.records} records fall outside them.`,
  );
  cursor.space(4);
  drawBarChart(cursor, 'Outside business hours, by user', r.outsideBusinessHours.byUser);
  drawBarChart(cursor, 'Outside business hours, by operation', r.outsideBusinessHours.byOperation);

  cursor.heading('8. Most active users');
  drawTable(cursor, {
    columns: ['User', 'Records', 'Sensitive', 'Outside hours'],
    rows: r.mostActiveUsers.map((u) => [u.user, String(u.total), String(u.sensitive), String(u.outsideHours)]),
    totalRows: r.mostActiveUsers.length,
  });

  cursor.heading('9. Retention and legal holds', TEXT.h1);
  const holds = r.retention.legalHolds === 'configured';
  drawFacts(cursor, [
    [`Records older than the ${r.query.retentionDays}-day retention period of ${r.framework}`, r.retention.pastRetention],
    ['Records under a legal hold', holds ? r.retention.underLegalHold : '0 (no legal holds configured in the vault)'],
    ['Past retention and kept under a legal hold', holds ? r.retention.pastRetentionUnderHold : '0 (not configured)'],
  ]);
}
