// The Integrity screen's ledger routes: the log's state and every signed checkpoint, the producers'
// checkpoints witnessed, and a record's inclusion proof as a c2sp.org/tlog-proof file. The desktop and
// serve doors hold no signing key, so a proof is against the latest checkpoint already signed.
import { createHash } from 'node:crypto';
import { buildProofFile } from '../../../../shared/ledger';
import { fail, ok } from '../../../../shared/api/result';
import { allCheckpoints, latestCheckpoint } from '../../ledger/checkpoints';
import { Ledger } from '../../ledger/ledger';
import { nodeMerkleHasher } from '../../ledger/node-hasher';
import { ledgerIdentity } from '../../ledger/signing-key';
import { witnessedCheckpoints } from '../../ledger/witness';
import { UserError } from '../../errors';
import { verifyVault } from '../../vault/verify-vault';
import { requireDb, type HandlerMap } from '../context';

export const ledgerHandlers: HandlerMap = {
  'ledger.status': (ctx) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    const identity = ledgerIdentity(open.db);
    const ledger = new Ledger(open.db);
    const checkpoints = allCheckpoints(open.db).reverse();
    return ok({
      origin: identity?.origin ?? null,
      vkey: identity?.vkey ?? null,
      size: ledger.size,
      root: ledger.size > 0 ? ledger.rootBase64() : null,
      checkpoints: checkpoints.map((c) => ({ size: c.size, root: c.root, createdAt: c.created_at, reason: c.reason })),
      uncovered: ledger.size - (checkpoints[0]?.size ?? 0),
      witnessed: witnessedCheckpoints(open.db).map((w) => ({
        tenant: w.tenant, origin: w.origin, size: w.size, root: w.root, status: w.status, witnessedAt: w.witnessedAt,
      })),
    });
  },
  'ledger.verify': async (ctx) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    let report;
    try {
      // On two threads for a large vault, as `auditdesk verify` does.
      report = await verifyVault(open.db, { parallel: ctx.session.workerAccess ?? undefined, record: true });
    } catch (error) {
      // The session locked while the workers read (the idle lock, the Lock button), or a damaged file.
      if (!open.db.open) return fail('failed', 'the vault was locked while it was being verified; unlock it and verify again');
      if (error instanceof UserError) return fail('failed', error.message);
      throw error;
    }
    return ok({ ...report.ledger, finishedAt: new Date().toISOString() });
  },
  'ledger.proof': (ctx, ref) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    const [where, args] = 'pos' in ref ? ['pos = ?', [ref.pos]] : 'id' in ref ? ['tenant = ? AND id = ?', [ref.tenant, ref.id]] : ['tenant = ? AND seq = ?', [ref.tenant, ref.seq]];
    const record = open.db.prepare(`SELECT pos, id, tenant, canonical FROM records WHERE ${where}`).get(...args) as
      | { pos: number; id: string; tenant: string; canonical: string } | undefined;
    if (!record) return fail('not_found', 'no such record in the vault');
    const pos = record.pos;
    const checkpoint = latestCheckpoint(open.db);
    if (!checkpoint || checkpoint.size < pos) {
      return fail('failed', 'this record is newer than the last signed checkpoint: run `auditdesk checkpoint VAULT --out FILE`, then try again');
    }
    const text = buildProofFile({
      store: new Ledger(open.db).nodeStore,
      index: pos - 1,
      signedCheckpoint: checkpoint.note,
      extra: Buffer.from(record.canonical, 'utf8'),
      hasher: nodeMerkleHasher,
    });
    const bytes = Buffer.from(text, 'utf8');
    return ok({
      fileName: `proof-${record.tenant}-${record.id}.tlog-proof`.replace(/[^\w.@-]/g, '_'),
      mime: 'text/plain',
      base64: bytes.toString('base64'),
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  },
};
