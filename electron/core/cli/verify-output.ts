import type { VerifyReport } from '../../../shared/chain/chain-break';

/** The human form of a verify report; `--json` prints the report itself (CONTRACT §3). */
export function describeVerifyReport(report: VerifyReport): string {
  const lines = report.chains.map((c) => {
    const head = c.head ? `head seq ${c.head.seq} ${c.head.hash.slice(0, 16)}…` : 'no records';
    const purged = c.purged ? `, ${c.purged} purged` : '';
    if (c.ok) return `ok      ${c.tenant}: ${c.records} records${purged}, ${head}`;
    return `BROKEN  ${c.tenant}: ${c.records} records${purged}, first break at seq ${c.break!.seq}: ${c.break!.kind}: ${c.break!.detail}`;
  });
  const broken = report.chains.filter((c) => !c.ok).length;
  const summary = broken
    ? `FAILED: ${broken} of ${report.chains.length} chains broken (${report.records} records)`
    : `verified: ${report.records} records in ${report.chains.length} chains`;
  return `${[...lines, summary].join('\n')}\n`;
}
