// The Retention screen's routes: the policies, a dry-run preview, legal holds, and the history of
// retention actions. The preview is runRetention with dryRun (it changes nothing); holds go through
// addHold/releaseHold, which record themselves in the chain. This door never archives or purges: a
// real run needs the signing key and is the CLI's (`auditdesk retention`).
import type Database from 'better-sqlite3';
import { fail, ok } from '../../../../shared/api/result';
import type { RetentionAction } from '../../../../shared/api/retention';
import { UserError } from '../../errors';
import { addHold, listHolds, releaseHold } from '../../retention/holds';
import { readPolicy, type RetentionPolicy } from '../../retention/policy';
import { runRetention } from '../../retention/run-retention';
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
  'retention.preview': (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    const listLimit = body.list_limit ?? PREVIEW_LIST;
    try {
      const report = runRetention(open.db, { dryRun: true, by: ctx.reviewer, listLimit, vacuum: false });
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
