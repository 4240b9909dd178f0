// Legal holds (CONTRACT §3 `auditdesk hold`): by tenant, resource, user and/or date range, with a
// reason. A record every given criterion matches is never archived or purged while the hold stands.
// Adding and releasing a hold are recorded in the chain as well as in the legal_holds table.
import type Database from 'better-sqlite3';
import type { JsonObject } from '../../../shared/canonical-json';
import { UserError } from '../errors';
import { noteActions } from './actions-log';

export interface HoldSpec {
  tenant?: string;
  /** "TYPE" or "TYPE/ID". */
  resource?: string;
  user?: string;
  /** Dates (whole days, inclusive) or RFC 3339 times. */
  from?: string;
  to?: string;
  reason: string;
}

export interface Hold {
  id: number;
  tenant: string | null;
  resource_type: string | null;
  resource_id: string | null;
  user: string | null;
  from_utc: string | null;
  to_utc: string | null;
  reason: string;
  created_at: string;
  created_by: string;
  released_at: string | null;
  released_by: string | null;
}

/**
 * SQL true when a record of `records` (aliased `r`) is covered by a standing hold. Kept as one
 * NOT EXISTS over the (small) holds table so that retention's selection stays one query.
 */
export const HELD_SQL = `EXISTS (SELECT 1 FROM legal_holds h WHERE h.released_at IS NULL
  AND (h.tenant IS NULL OR h.tenant = r.tenant)
  AND (h.resource_type IS NULL OR h.resource_type = r.resource_type)
  AND (h.resource_id IS NULL OR h.resource_id = r.resource_id)
  AND (h.user IS NULL OR h.user = r.user)
  AND (h.from_utc IS NULL OR r.ts_utc >= h.from_utc)
  AND (h.to_utc IS NULL OR r.ts_utc < h.to_utc))`;

export function addHold(db: Database.Database, spec: HoldSpec, by: string): Hold {
  if (!spec.reason || !spec.reason.trim()) throw new UserError('a legal hold needs a reason: --reason TEXT');
  if (!spec.tenant && !spec.resource && !spec.user && !spec.from && !spec.to) {
    throw new UserError('say what the hold covers: --tenant, --resource TYPE/ID, --user, --from and/or --to');
  }
  let resourceType: string | null = null;
  let resourceId: string | null = null;
  if (spec.resource) {
    const slash = spec.resource.indexOf('/');
    resourceType = slash < 0 ? spec.resource : spec.resource.slice(0, slash);
    resourceId = slash < 0 ? null : spec.resource.slice(slash + 1) || null;
    if (!resourceType) throw new UserError(`--resource ${JSON.stringify(spec.resource)}: expected TYPE or TYPE/ID`);
  }
  const from = spec.from ? boundary(spec.from, 'from') : null;
  const to = spec.to ? boundary(spec.to, 'to') : null;
  if (from && to && from >= to) throw new UserError('--from must be before --to');
  const createdAt = new Date().toISOString();
  return db.transaction(() => {
    const id = Number(
      db.prepare(
        `INSERT INTO legal_holds(tenant, resource_type, resource_id, user, from_utc, to_utc, reason, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(spec.tenant ?? null, resourceType, resourceId, spec.user ?? null, from, to, spec.reason, createdAt, by).lastInsertRowid,
    );
    const hold = getHold(db, id)!;
    noteActions(db, [{ tenant: hold.tenant, user: by, operation: 'CREATE', resource_type: 'legal_hold', resource_id: String(id), new_data: describe(hold) }]);
    return hold;
  })();
}

export function releaseHold(db: Database.Database, id: number, by: string, reason?: string): Hold {
  return db.transaction(() => {
    const hold = getHold(db, id);
    if (!hold) throw new UserError(`no legal hold with id ${id}`);
    if (hold.released_at) throw new UserError(`legal hold ${id} was already released at ${hold.released_at} by ${hold.released_by}`);
    const at = new Date().toISOString();
    db.prepare('UPDATE legal_holds SET released_at = ?, released_by = ? WHERE id = ?').run(at, by, id);
    const released = getHold(db, id)!;
    noteActions(db, [{
      tenant: hold.tenant, user: by, operation: 'UPDATE', resource_type: 'legal_hold', resource_id: String(id),
      old_data: { status: 'ACTIVE' }, new_data: { status: 'RELEASED', released_at: at, ...(reason ? { release_reason: reason } : {}) },
    }]);
    return released;
  })();
}

export function getHold(db: Database.Database, id: number): Hold | null {
  return (db.prepare('SELECT * FROM legal_holds WHERE id = ?').get(id) as Hold | undefined) ?? null;
}

export function listHolds(db: Database.Database, { includeReleased = true } = {}): Array<Hold & { records: number }> {
  const holds = db.prepare(`SELECT * FROM legal_holds${includeReleased ? '' : ' WHERE released_at IS NULL'} ORDER BY id`).all() as Hold[];
  const covered = db.prepare(`SELECT count(*) FROM records r WHERE
    (@tenant IS NULL OR r.tenant = @tenant) AND (@resource_type IS NULL OR r.resource_type = @resource_type)
    AND (@resource_id IS NULL OR r.resource_id = @resource_id) AND (@user IS NULL OR r.user = @user)
    AND (@from_utc IS NULL OR r.ts_utc >= @from_utc) AND (@to_utc IS NULL OR r.ts_utc < @to_utc)`).pluck();
  return holds.map((h) => ({
    ...h,
    records: covered.get({ tenant: h.tenant, resource_type: h.resource_type, resource_id: h.resource_id, user: h.user, from_utc: h.from_utc, to_utc: h.to_utc }) as number,
  }));
}

function describe(hold: Hold): JsonObject {
  const out: JsonObject = { status: 'ACTIVE', reason: hold.reason };
  for (const key of ['tenant', 'resource_type', 'resource_id', 'user', 'from_utc', 'to_utc'] as const) if (hold[key] !== null) out[key] = hold[key];
  return out;
}

/** A date covers its whole day: --from D starts at D 00:00 UTC, --to D ends after D 23:59:59.999. */
function boundary(text: string, which: 'from' | 'to'): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const ms = Date.parse(dateOnly ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(ms)) throw new UserError(`--${which} ${JSON.stringify(text)} is not a date (YYYY-MM-DD) or an RFC 3339 time`);
  if (which === 'from') return new Date(ms).toISOString();
  return new Date(dateOnly ? ms + 86_400_000 : ms + 1).toISOString();
}
