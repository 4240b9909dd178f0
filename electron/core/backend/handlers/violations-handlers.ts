// The Violations screen's routes: the queue, one case, and transitions. Every change goes through the
// engine's updateCases, which records it in the violation's tenant chain; nothing here writes rows.
import type Database from 'better-sqlite3';
import { fail, ok } from '../../../../shared/api/result';
import type { JsonObject } from '../../../../shared/canonical-json';
import type { LinkedRecord } from '../../../../shared/api/violations';
import { UserError } from '../../errors';
import { ViolationNotFound, readCase } from '../../violations/case-history';
import { listCases, queueFacets } from '../../violations/case-queue';
import { updateCases } from '../../violations/case-update';
import { allowedNext } from '../../violations/workflow';
import { requireDb, type HandlerMap } from '../context';

export const violationsHandlers: HandlerMap = {
  'violations.list': (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    const { limit = 500, ...filter } = body;
    return ok(listCases(open.db, { ...filter, limit, assignee: filter.assignee === 'none' ? '' : filter.assignee }));
  },
  'violations.facets': (ctx) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    return ok(queueFacets(open.db));
  },
  'violations.get': (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    try {
      const found = readCase(open.db, body.id, body.tenant);
      const posOf = open.db.prepare('SELECT pos FROM records WHERE tenant = ? AND id = ?').pluck();
      return ok({
        ...found,
        allowed_next: [...allowedNext(found.status)],
        linked_records: linkedRecords(open.db, found.violation),
        history: found.history.map((e) => ({ ...e, pos: (posOf.get(found.violation.tenant, e.id) as number | undefined) ?? null })),
      });
    } catch (error) {
      if (error instanceof ViolationNotFound) return fail('not_found', error.message);
      if (error instanceof UserError) return fail('failed', error.message);
      throw error;
    }
  },
  'violations.transition': (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    if (ctx.writing.busy) return fail('busy', 'an import is running; try again when it has finished');
    try {
      const outcomes = updateCases(open.db, body.refs, body.change, { user: ctx.reviewer });
      ctx.vaultChanged();
      return ok({
        results: outcomes.map((o) => ({ id: o.id, tenant: o.tenant, ok: o.ok, reason: o.ok ? null : o.reason })),
      });
    } catch (error) {
      if (error instanceof UserError) return fail('failed', error.message);
      throw error;
    }
  },
};

/**
 * The records a violation is about: those its details name by id (detection names every record it
 * links, and importers name theirs), in the violation's tenant, in the order named. A named record
 * that is not in the vault is still listed, without a position, so the reviewer sees it is missing.
 */
function linkedRecords(db: Database.Database, violation: JsonObject & { id: string; tenant: string }): LinkedRecord[] {
  const out = new Map<string, LinkedRecord>();
  const details = (violation.details ?? {}) as JsonObject;
  const named = Array.isArray(details.record_ids) ? details.record_ids.filter((x): x is string => typeof x === 'string') : [];
  const one = db.prepare(`SELECT pos, tenant, id, operation, resource_type, resource_id, user, timestamp FROM records WHERE tenant = ? AND id = ?`);
  for (const id of named.slice(0, 500)) {
    if (out.has(id)) continue;
    const row = one.get(violation.tenant, id) as Row | undefined;
    out.set(id, row ? toLinked(row) : { id, tenant: violation.tenant, pos: null, operation: null, resource: null, user: null, timestamp: null });
  }
  return [...out.values()];
}

interface Row {
  pos: number;
  tenant: string;
  id: string;
  operation: string | null;
  resource_type: string | null;
  resource_id: string | null;
  user: string | null;
  timestamp: string | null;
}

function toLinked(r: Row): LinkedRecord {
  const resource = r.resource_type ? `${r.resource_type}${r.resource_id ? `/${r.resource_id}` : ''}` : null;
  return { id: r.id, tenant: r.tenant, pos: r.pos, operation: r.operation, resource, user: r.user, timestamp: r.timestamp };
}
