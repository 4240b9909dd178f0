import { writeFileSync } from 'node:fs';
import { buildSampleReport } from '/work/main/shared/reports';
import { renderReportPdf } from '/work/main/electron/core/reports/pdf/render-report';
const t = Date.now();
const bytes = await renderReportPdf(buildSampleReport({ framework: (process.argv[2] ?? 'SOX') as any, withBrokenChain: true }));
writeFileSync('/tmp/reports/draft.pdf', bytes);
console.log(bytes.length, Date.now() - t, 'ms');
