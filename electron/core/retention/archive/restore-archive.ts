// Restores an archive into its vault (`auditdesk archive restore FILE VAULT`): every purged record the
// archive holds gets its content back, after the archive verified against the vault's own key and
// each record is proven to be the one the vault's tombstone stands for (same audit_hash, same leaf
// hash). A record still present must be byte-identical. Anything else refuses the whole restore.
import type Database from 'better-sqlite3';
import { UserError } from '../../errors';
import { recordLeafHash } from '../../ledger/node-hasher';
import { ledgerIdentity } from '../../ledger/signing-key';
import { noteActions } from '../actions-log';
import { forgetVerification } from '../../vault/last-verification';
import { verifyArchiveFile, type ArchiveReport } from './verify-archive';

export interface RestoreResult {
  report: ArchiveReport;
  restored: number;
  already_present: number;
  tenants: Record<string, number>;
}

export function restoreArchive(db: Database.Database, file: string, passphrase: string, by: string): RestoreResult {
  const identity = ledgerIdentity(db);
  if (!identity) throw new UserError('the vault has no ledger key: an archive cannot be checked against it');
  const { records, report } = verifyArchiveFile(file, passphrase, identity.vkey);
  if (!report.ok) {
    throw new UserError(`${file} does not verify against this vault's key: ${report.problems.slice(0, 3).map((p) => p.detail).join('; ')}`, 1);
  }
  const row = db.prepare('SELECT tenant, audit_hash, canonical, purged_at, leaf_hash FROM records WHERE pos = ?');
  const put = db.prepare('UPDATE records SET canonical = ?, purged_at = NULL, leaf_hash = NULL WHERE pos = ?');
  const result: RestoreResult = { report, restored: 0, already_present: 0, tenants: {} };
  db.transaction(() => {
    for (const r of records) {
      const stored = row.get(r.pos) as { tenant: string; audit_hash: string; canonical: string; purged_at: string | null; leaf_hash: Buffer | null } | undefined;
      if (!stored) throw new UserError(`the vault has no record at position ${r.pos}: this archive is not from this vault`, 1);
      if (stored.audit_hash !== r.audit_hash) {
        throw new UserError(`position ${r.pos}: the vault's record has another audit_hash than the archive's; nothing was restored`, 1);
      }
      if (!stored.purged_at) {
        if (stored.canonical !== r.canonical) throw new UserError(`position ${r.pos}: the vault holds other content; nothing was restored`, 1);
        result.already_present++;
        continue;
      }
      if (!stored.leaf_hash || !recordLeafHash(r.canonical).equals(stored.leaf_hash)) {
        throw new UserError(`position ${r.pos}: the archived record is not the one purged there; nothing was restored`, 1);
      }
      put.run(r.canonical, r.pos);
      result.restored++;
      // The restored content was never re-hashed by a verify: a report must not take it as verified.
      if (result.restored === 1) forgetVerification(db);
      result.tenants[stored.tenant] = (result.tenants[stored.tenant] ?? 0) + 1;
    }
    noteActions(db, Object.entries(result.tenants).map(([tenant, n]) => ({
      tenant, user: by, operation: 'RESTORE', resource_type: 'retention' as const, resource_id: 'restore',
      new_data: { restored: n, archive: file.split(/[\\/]/).pop()!, archive_checkpoint_size: report.checkpoint?.size ?? 0 },
    })));
  })();
  return result;
}
