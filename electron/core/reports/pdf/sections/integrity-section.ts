// The state of the hash chains and the ledger checkpoint the numbers were read under.
import type { ComplianceReport } from '../../../../../shared/reports/report-model';
import { COLORS, Cursor, TEXT } from '../layout';
import { drawFacts, drawTable } from '../tables';

export function drawIntegrity(cursor: Cursor, r: ComplianceReport): void {
  const i = r.integrity;
  cursor.heading('10. Integrity of the audit trail');
  drawFacts(cursor, [
    ['Chains verified', i.chainsVerified],
    ['Records verified', i.recordsVerified],
    ['Chains with a break', i.brokenChains.length],
  ]);
  if (i.brokenChains.length > 0) {
    cursor.line('First break of each broken chain (CONTRACT §2):', { ...TEXT.body, bold: true, color: COLORS.warn });
    drawTable(cursor, {
      columns: ['Tenant', 'Seq', 'Kind'],
      rows: i.brokenChains.map((b) => [b.tenant, String(b.seq), b.kind]),
      totalRows: i.brokenChains.length,
    });
  } else {
    cursor.paragraph(`No break was found in the ${i.chainsVerified} chains verified.`);
    cursor.space(6);
  }
  const earlier = i.earlierVerification;
  cursor.paragraph(earlier
    ? `Record contents: the records up to vault position ${earlier.throughPos.toLocaleString('en')} were re-hashed and `
      + `linked by the vault's full verification of ${earlier.verifiedAt}, and each was found still in its chain for this `
      + 'report; the records admitted after it were re-hashed for this report.'
    : 'Record contents: every record was re-hashed for this report.');
  cursor.space(6);
  cursor.heading('Checkpoint', TEXT.h2);
  if (i.checkpoint) {
    drawFacts(cursor, [['Origin', i.checkpoint.origin], ['Tree size', i.checkpoint.size], ['Root hash', i.checkpoint.rootHash]]);
  } else {
    cursor.paragraph('The vault had no signed checkpoint when this report was made.');
  }
}
