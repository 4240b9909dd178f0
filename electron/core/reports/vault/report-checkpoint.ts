// The integrity section's checkpoint: the ledger's latest signed checkpoint (issue 4) when the
// report is made: origin (the note's first line), tree size and root hash (base64, as in the note).
import type Database from 'better-sqlite3';
import type { ComplianceReport } from '../../../../shared/reports/report-model';
import { latestCheckpoint } from '../../ledger/checkpoints';

export function reportCheckpoint(db: Database.Database): ComplianceReport['integrity']['checkpoint'] {
  const cp = latestCheckpoint(db);
  if (!cp) return null;
  return { origin: cp.note.slice(0, cp.note.indexOf('\n')), size: cp.size, rootHash: cp.root };
}
