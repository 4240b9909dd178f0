import type { VerifyReport } from '../../../shared/chain/chain-break';
import type { LedgerReport } from '../ledger/verify-ledger';

/** The human form of a verify report; `--json` prints the report itself (CONTRACT §3). */
export function describeVerifyReport(report: VerifyReport & { ledger?: LedgerReport }): string {
  const lines = report.chains.map((c) => {
    const head = c.head ? `head seq ${c.head.seq} ${c.head.hash.slice(0, 16)}…` : 'no records';
    const purged = c.purged ? `, ${c.purged} purged` : '';
    if (c.ok) return `ok      ${c.tenant}: ${c.records} records${purged}, ${head}`;
    return `BROKEN  ${c.tenant}: ${c.records} records${purged}, first break at seq ${c.break!.seq}: ${c.break!.kind}: ${c.break!.detail}`;
  });
  if (report.ledger) {
    const l = report.ledger;
    lines.push(l.ok
      ? `ok      ledger: ${l.size} records, root ${l.root}, ${l.checkpoints} checkpoint(s) verified`
      : `BROKEN  ledger: ${l.size} records, root ${l.root}`);
    for (const p of l.problems) lines.push(`        ${p.kind}: ${p.detail}`);
  }
  const broken = report.chains.filter((c) => !c.ok).length;
  const summary = !report.ok
    ? `FAILED: ${broken} of ${report.chains.length} chains broken${report.ledger && !report.ledger.ok ? ', the ledger does not verify' : ''} (${report.records} records)`
    : `verified: ${report.records} records in ${report.chains.length} chains`;
  return `${[...lines, summary].join('\n')}\n`;
}
