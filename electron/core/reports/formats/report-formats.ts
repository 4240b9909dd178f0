// The file formats of `auditdesk report`, apart from the code that writes them (write-report.ts loads
// the PDF libraries, which the command loads only once it needs them).
export const REPORT_FORMATS = ['pdf', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
