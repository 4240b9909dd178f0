// The Retention screen's routes: the policies, a dry-run preview, legal holds, and the history of
// retention actions. The preview is runRetention with dryRun (it changes nothing), on a worker thread
// when it can be; holds go through addHold/releaseHold, which record themselves in the chain. This
// door never archives or purges: a real run needs the signing key and is the CLI's (`auditdesk
// retention`).
import type Database from 'better-sqlite3';
import { fail, ok } from '../../../../shared/api/result';
import type { RetentionAction } from '../../../../shared/api/retention';
import { UserError } from '../../errors';
import { addHold, listHolds, releaseHold } from '../../retention/holds';
import { readPolicy, type RetentionPolicy } from '../../retention/policy';
import type { PreviewWorkerInput } from '../../retention/preview-worker';
import { runRetention, type RetentionReport } from '../../retention/run-retention';
import { builtWorker } from '../../built-worker';
import { forWorker, type VaultAccess } from '../../vault/raw-key';
import { callWorker } from '../../worker-call';
import { requireDb, type HandlerMap } from '../context';

/** Records listed per step in a preview: enough to check, not a million rows across the boundary. */
const PREVIEW_LIST = 200;
/** Retention actions shown, most recent first. */
const HISTORY_LIMIT = 200;

export const retentionHandlers: HandlerMap = {
  'retention.overview': (ctx) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    let policy: RetentionPolicy | null = null;
    let policyError: string | null = null;
    try {
      policy = readPolicy(open.db);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      policyError = error.message;
    }
    return ok({ policy, policy_error: policyError, holds: listHolds(open.db), actions: retentionActions(open.db) });
  },
  'retention.preview': async (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    const listLimit = body.list_limit ?? PREVIEW_LIST;
    try {
      const report = await dryRun(open.db, ctx.session.workerAccess, ctx.reviewer, listLimit);
      return ok({
        as_of: report.as_of,
        policy: report.policy,
        archive: { count: report.archive.count, held: report.archive.held, records: report.archive.records, skipped: report.archive.skipped },
        purge: { count: report.purge.count, held: report.purge.held, records: report.purge.records, by_tenant: report.purge.by_tenant },
        list_limit: listLimit,
      });
    } catch (error) {
      if (error instanceof UserError) return fail('failed', error.message);
      throw error;
    }
  },
  'retention.addHold': (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    if (ctx.writing.busy) return fail('busy', 'an import is running; try again when it has finished');
    try {
      const hold = addHold(open.db, body, ctx.reviewer);
      ctx.vaultChanged();
      return ok(withCount(open.db, hold.id));
    } catch (error) {
      if (error instanceof UserError) return fail('failed', error.message.replace(/--(\w+)/g, '$1'));
      throw error;
    }
  },
  'retention.releaseHold': (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    if (ctx.writing.busy) return fail('busy', 'an import is running; try again when it has finished');
    try {
      const hold = releaseHold(open.db, body.id, ctx.reviewer, body.reason?.trim() || undefined);
      ctx.vaultChanged();
      return ok(withCount(open.db, hold.id));
    } catch (error) {
      if (error instanceof UserError) return fail(/^no legal hold/.test(error.message) ? 'not_found' : 'failed', error.message);
      throw error;
    }
  },
};

/**
 * The dry run, on a worker thread when the built engine has one and the session can open the vault
 * again (preview-worker.ts), so that the UI's other requests are answered meanwhile; else here.
 */
async function dryRun(db: Database.Database, access: VaultAccess | null, by: string, listLimit: number): Promise<RetentionReport> {
  const script = access ? builtWorker('retention-preview-worker') : null;
  if (!access || !script) return runRetention(db, { dryRun: true, by, listLimit, vacuum: false });
  const input: PreviewWorkerInput = { ...(await forWorker(access)), by, listLimit };
  return callWorker<RetentionReport>(script, input);
}

function withCount(db: Database.Database, id: number) {
  return listHolds(db).find((h) => h.id === id)!;
}

/** The retention and hold records of every chain, newest first: the engine notes each action there. */
function retentionActions(db: Database.Database): RetentionAction[] {
  const rows = db
    .prepare(`SELECT pos, tenant, id, user, timestamp, operation, resource_type, resource_id, json_extract(canonical, '$.new_data') AS details
              FROM records WHERE kind = 'log' AND resource_type IN ('retention', 'legal_hold') AND purged_at IS NULL
              ORDER BY pos DESC LIMIT ?`)
    .all(HISTORY_LIMIT) as Array<Omit<RetentionAction, 'details'> & { details: string | null }>;
  return rows.map((r) => ({ ...r, details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null }));
}
