// The case workflow over the collector API (issue 6), beside the seed's `resolve/`:
//   GET  audit-violations/{id}/case/                    the violation, its state and history
//   POST audit-violations/{id}/transition/              {"to", "assignee", "notes", "resolution"}
//   POST audit-violations/bulk-transition/              {"ids": [...], "to", …}  (or [{"id","tenant"}])
//   GET  audit-violations/queue/                        filters tenant, violation_type, severity, status, assignee, min_age_days
// Every change is a record in the violation's tenant chain, exactly as from the command line.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../collector/http/api-error';
import type { RequestGate } from '../collector/http/request-gate';
import { UserError } from '../errors';
import { readCase, ViolationNotFound } from './case-history';
import { listCases } from './case-queue';
import { TransitionRefused, updateCase, updateCases, type CaseChange } from './case-update';
import { isCaseStatus } from './workflow';

export function registerCaseRoutes(app: FastifyInstance, gate: RequestGate): void {
  const both = (path: string) => [path, `${path}/`];
  const query = (request: FastifyRequest) => request.query as Record<string, string | undefined>;
  const id = (request: FastifyRequest) => (request.params as { id: string }).id;

  for (const path of both('/audit-violations/queue')) {
    app.get(path, async (request) => {
      const { db } = gate.admit(request, { reading: true });
      const q = query(request);
      const status = q.status;
      if (status !== undefined && !isCaseStatus(status)) throw new ApiError(400, 'status must be OPEN, INVESTIGATING, RESOLVED or CLOSED', { field: 'status' });
      return listCases(db, {
        tenant: q.tenant, violation_type: q.violation_type, severity: q.severity, status, assignee: q.assignee,
        min_age_days: q.min_age_days === undefined ? undefined : Number(q.min_age_days),
        limit: q.page_size === undefined ? 100 : Number(q.page_size), offset: q.offset === undefined ? 0 : Number(q.offset),
      });
    });
  }
  for (const path of both('/audit-violations/:id/case')) {
    app.get(path, async (request) => caseErrors(() => readCase(gate.admit(request, { reading: true }).db, id(request), query(request).tenant)));
  }
  for (const path of both('/audit-violations/:id/transition')) {
    app.post(path, async (request) => {
      const caller = gate.admit(request, { reading: true });
      const change = caseChange(body(request));
      return caseErrors(() => updateCase(caller.db, { id: id(request), tenant: query(request).tenant }, change, { user: caller.who, apiKeyId: caller.apiKeyId }));
    });
  }
  for (const path of both('/audit-violations/bulk-transition')) {
    app.post(path, async (request) => {
      const caller = gate.admit(request, { reading: true });
      const b = body(request);
      if (!Array.isArray(b.ids) || b.ids.length === 0) throw new ApiError(400, 'ids must be a non-empty array', { field: 'ids' });
      const refs = b.ids.map((x) => (typeof x === 'string' ? { id: x } : (x as { id: string; tenant?: string })));
      return { results: caseErrors(() => updateCases(caller.db, refs, caseChange(b), { user: caller.who, apiKeyId: caller.apiKeyId })) };
    });
  }
}

/** The seed's resolve: OPEN or INVESTIGATING → RESOLVED with the notes as the resolution. */
export function resolveCase(db: Parameters<typeof updateCase>[0], id: string, tenant: string | undefined, notes: string, by: { user: string; apiKeyId: number | null }): { already: boolean } {
  const current = caseErrors(() => readCase(db, id, tenant));
  if (current.status === 'RESOLVED' || current.status === 'CLOSED') return { already: true };
  caseErrors(() => updateCase(db, { id, tenant }, { to: 'RESOLVED', notes, resolution: notes }, by));
  return { already: false };
}

function caseChange(b: Record<string, unknown>): CaseChange {
  const change: CaseChange = {};
  if (b.to !== undefined) {
    if (!isCaseStatus(b.to)) throw new ApiError(400, 'to must be OPEN, INVESTIGATING, RESOLVED or CLOSED', { field: 'to' });
    change.to = b.to;
  }
  for (const key of ['assignee', 'notes', 'resolution'] as const) {
    if (b[key] === undefined) continue;
    if (typeof b[key] !== 'string') throw new ApiError(400, `${key} must be a string`, { field: key });
    change[key] = b[key];
  }
  return change;
}

function caseErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ViolationNotFound) throw new ApiError(404, error.message);
    if (error instanceof TransitionRefused) throw new ApiError(409, error.message, { field: 'to' });
    if (error instanceof UserError) throw new ApiError(400, error.message);
    throw error;
  }
}

function body(request: FastifyRequest): Record<string, unknown> {
  if (!Buffer.isBuffer(request.body) || request.body.length === 0) return {};
  try {
    const value = JSON.parse(request.body.toString('utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new ApiError(400, 'the body must be a JSON object', { field: '(body)' });
}
