// The seed-compatible read paths of CONTRACT §4, answering in the seed API's shapes (list answers
// {results, count, page, page_size}). Readable with an API key or the review UI's own session.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditRecord } from '../../../../shared/records/record-schema';
import { EXPORT_TYPES } from '../../../../shared/records/enums';
import { admitBatch } from '../admit-batch';
import { ApiError } from '../http/api-error';
import type { RequestGate } from '../http/request-gate';
import { activeUsers, count, findRecord, logCounts, logWhere, pageOf, relatedRecords, rows, type LogFilter } from '../reads/log-queries';
import { boolean, date, integer, page, text, type Query } from '../reads/read-params';
import { activityRow, logDetails, logListRow, relatedRow, resourceTrailRow } from '../reads/seed-shapes';
import { listViolations } from '../reads/violation-queries';
import { UserError } from '../../errors';
import { managementAction } from '../../retention/management-action';
import { registerCaseRoutes, resolveCase } from '../../violations/case-routes';

export function registerReadRoutes(app: FastifyInstance, gate: RequestGate): void {
  const both = (path: string) => [path, `${path}/`];
  const reader = (request: FastifyRequest) => gate.admit(request, { reading: true });
  const q = (request: FastifyRequest) => request.query as Query;
  const params = (request: FastifyRequest) => request.params as Record<string, string>;

  for (const path of both('/audit-logs')) {
    app.get(path, async (request) => {
      const { db } = reader(request);
      const { page: p, page_size } = page(q(request));
      const where = logWhere(logFilter(q(request)));
      return { results: pageOf(db, where, p, page_size).map(logListRow), count: count(db, where), page: p, page_size };
    });
  }
  for (const path of both('/audit-logs/summary')) {
    app.get(path, async (request) => {
      const { db } = reader(request);
      return logCounts(db, logWhere({ kind: 'log', tenant: text(q(request), 'tenant') }));
    });
  }
  for (const path of both('/audit-logs/:id')) {
    app.get(path, async (request) => logDetails(findRecord(reader(request).db, params(request).id!, 'log', text(q(request), 'tenant'))));
  }
  for (const path of both('/audit-logs/:id/details')) {
    app.get(path, async (request) => logDetails(findRecord(reader(request).db, params(request).id!, 'log', text(q(request), 'tenant'))));
  }
  for (const path of both('/audit-logs/:id/related')) {
    app.get(path, async (request) => {
      const { db } = reader(request);
      const of = findRecord(db, params(request).id!, 'log', text(q(request), 'tenant'));
      return relatedRecords(db, of.record).map(relatedRow);
    });
  }

  for (const path of both('/compliance/report')) {
    app.get(path, async (request) => {
      const { db } = reader(request);
      const query = q(request);
      const framework = text(query, 'compliance_framework');
      const filter = { kind: 'log' as const, tenant: text(query, 'tenant'), start_date: date(query, 'start_date'), end_date: date(query, 'end_date'), compliance_framework: framework };
      const violations = logWhere({ kind: 'violation', tenant: filter.tenant });
      return {
        tenant_id: filter.tenant ?? null,
        tenant_name: filter.tenant ?? null,
        compliance_framework: framework ?? null,
        start_date: filter.start_date ?? null,
        end_date: filter.end_date ?? null,
        ...logCounts(db, logWhere(filter)),
        violations: count(db, violations),
        generated_at: new Date().toISOString(),
      };
    });
  }
  for (const path of both('/compliance/export')) {
    app.post(path, async (request, reply) => {
      const caller = gate.admit(request, { reading: true });
      const body = jsonBody(request);
      const exportType = typeof body.export_type === 'string' ? body.export_type : 'CSV';
      if (!(EXPORT_TYPES as readonly string[]).includes(exportType)) {
        throw new ApiError(400, `export_type must be one of ${EXPORT_TYPES.join(', ')}`, { field: 'export_type' });
      }
      const filters = body.filters && typeof body.filters === 'object' && !Array.isArray(body.filters) ? (body.filters as Query) : {};
      const dates = { start_date: typeof body.start_date === 'string' ? body.start_date : undefined, end_date: typeof body.end_date === 'string' ? body.end_date : undefined };
      const filter = { ...logFilter({ ...filters, ...dates } as Query), kind: 'log' as const };
      const recordCount = count(caller.db, logWhere(filter));
      const createdAt = new Date().toISOString();
      // The seed logs the export request as an AuditExport; so do we, in the tenant exported (else the default).
      const record: AuditRecord = {
        id: `export:${randomUUID()}`, kind: 'export', tenant: filter.tenant ?? gate.deps.defaultTenant ?? 'default',
        user: caller.who, timestamp: createdAt, export_type: exportType, model_name: 'AuditLog',
        filters_applied: { ...filters, ...(dates.start_date ? { start_date: dates.start_date } : {}), ...(dates.end_date ? { end_date: dates.end_date } : {}) },
        record_count: recordCount,
      } as AuditRecord;
      admitBatch(caller.db, [record], caller.apiKeyId, gate.retryAfter);
      reply.code(200);
      // No file is written by the API: `auditdesk export` writes one, with the chain fields to verify it.
      return { export_id: record.id, export_type: exportType, record_count: recordCount, file_path: null, created_at: createdAt };
    });
  }

  for (const path of both('/user-activity')) {
    app.get(path, async (request) => {
      const { db } = reader(request);
      const query = q(request);
      const { page: p, page_size } = page(query);
      return activeUsers(db, logWhere({ kind: 'log', tenant: text(query, 'tenant'), start_date: date(query, 'start_date'), end_date: date(query, 'end_date') }), p, page_size);
    });
  }
  for (const path of both('/user-activity/:user')) {
    app.get(path, async (request) => {
      const { db } = reader(request);
      const query = q(request);
      const user = params(request).user!;
      const where = logWhere({ kind: 'log', user, tenant: text(query, 'tenant'), start_date: date(query, 'start_date'), end_date: date(query, 'end_date') });
      const limit = integer(query, 'limit', 100, 1, 10_000);
      const activity = pageOf(db, where, 1, limit).map(activityRow);
      if (activity.length === 0 && count(db, logWhere({ kind: 'log', user })) === 0) throw new ApiError(404, 'User not found');
      return { user, activity, count: activity.length };
    });
  }
  for (const path of both('/resource/:type/:id')) {
    app.get(path, async (request) => {
      const { db } = reader(request);
      const { type, id } = params(request) as { type: string; id: string };
      const where = logWhere({ kind: 'log', resource_type: type, resource_id: id, tenant: text(q(request), 'tenant') });
      const trail = rows(db, `SELECT canonical, audit_hash FROM records ${where.sql} ORDER BY ts_utc DESC, pos DESC`, where.params).map(resourceTrailRow);
      return { resource_type: type, resource_id: id, audit_trail: trail, count: trail.length };
    });
  }

  for (const path of both('/audit-violations')) {
    app.get(path, async (request) => {
      const { db } = reader(request);
      const query = q(request);
      const { page: p, page_size } = page(query);
      return listViolations(db, {
        tenant: text(query, 'tenant'), violation_type: text(query, 'violation_type'), severity: text(query, 'severity'),
        status: text(query, 'status'), user: text(query, 'user_id') ?? text(query, 'user'),
        start_date: date(query, 'start_date'), end_date: date(query, 'end_date'),
      }, p, page_size);
    });
  }
  registerCaseRoutes(app, gate);
  for (const path of both('/audit-violations/:id/resolve')) {
    app.post(path, async (request) => {
      const caller = gate.admit(request, { reading: true });
      const body = jsonBody(request);
      const notes = typeof body.notes === 'string' ? body.notes : '';
      const id = params(request).id!;
      const { already } = resolveCase(caller.db, id, text(q(request), 'tenant'), notes, { user: caller.who, apiKeyId: caller.apiKeyId });
      return { message: already ? 'Violation was already resolved' : 'Violation resolved successfully', violation_id: id };
    });
  }

  for (const path of both('/management')) {
    app.post(path, async (request) => {
      const caller = gate.admit(request);
      const body = jsonBody(request);
      const action = body.action;
      if (action !== 'cleanup' && action !== 'archive') throw new ApiError(400, 'Invalid action', { field: 'action' });
      // Through the retention code (issue 6): policies are the floor, legal holds are respected.
      try {
        return managementAction(caller.db, action, body.days, caller.who);
      } catch (error) {
        if (error instanceof UserError) throw new ApiError(action === 'archive' ? 409 : 400, error.message, { field: 'days' });
        throw error;
      }
    });
  }
}

function logFilter(query: Query): LogFilter {
  return {
    kind: 'log',
    tenant: text(query, 'tenant'),
    user: text(query, 'user') ?? text(query, 'user_id'),
    operation: text(query, 'operation'),
    resource_type: text(query, 'resource_type'),
    resource_id: text(query, 'resource_id'),
    start_date: date(query, 'start_date'),
    end_date: date(query, 'end_date'),
    compliance_framework: text(query, 'compliance_framework'),
    data_classification: text(query, 'data_classification'),
    is_sensitive: boolean(query, 'is_sensitive'),
  };
}

function jsonBody(request: FastifyRequest): Record<string, unknown> {
  if (!Buffer.isBuffer(request.body) || request.body.length === 0) return {};
  try {
    const value = JSON.parse(request.body.toString('utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new ApiError(400, 'the body must be a JSON object', { field: '(body)' });
}
