// The seed-compatible read paths (CONTRACT §4): the seed API's shapes, filters and pages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logRecord } from '../support/records';
import { startCollector, storedRecords, type Harness } from './collector-harness';

let h: Harness;
beforeEach(async () => {
  h = await startCollector({ isUiSession: (req) => req.headers.cookie === 'session=ui' });
  const records = [
    logRecord({ id: 'l1', tenant: 'acme', user: 'ann@acme.test', operation: 'CREATE', resource_type: 'invoice', resource_id: '7', timestamp: '2024-05-01T09:00:00Z', request_id: 'req-1' }),
    logRecord({ id: 'l2', tenant: 'acme', user: 'ann@acme.test', operation: 'UPDATE', resource_type: 'invoice', resource_id: '7', timestamp: '2024-05-02T09:00:00Z', is_sensitive: true }),
    logRecord({ id: 'l3', tenant: 'acme', user: 'bob@acme.test', operation: 'READ', resource_type: 'customer', resource_id: '3', timestamp: '2024-05-03T09:00:00+02:00', compliance_framework: 'GDPR' }),
    logRecord({ id: 'l4', tenant: 'globex', user: 'cy@globex.test', operation: 'DELETE', resource_type: 'invoice', resource_id: '7', timestamp: '2024-05-04T09:00:00Z' }),
    { id: 'v1', kind: 'violation', tenant: 'acme', user: 'bob@acme.test', timestamp: '2024-05-03T10:00:00Z', violation_type: 'DATA_BREACH', severity: 'HIGH', status: 'OPEN', description: 'bulk read' },
  ];
  const res = await h.app.inject({ method: 'POST', url: '/api/audit/ingest', headers: h.auth, payload: records.map((r) => JSON.stringify(r)).join('\n') });
  expect(res.statusCode).toBe(201);
});
afterEach(async () => h.close());

const get = (url: string, headers: Record<string, string> = h.auth) => h.app.inject({ method: 'GET', url, headers });

describe('GET audit-logs/', () => {
  it('lists logs newest first in the seed shape, with filters and pages', async () => {
    const all = (await get('/api/audit/audit-logs/')).json();
    // Every tenant's logs, the vault's own among them: the newest is the note of the test key's creation.
    expect(all).toMatchObject({ count: 5, page: 1, page_size: 50 });
    expect(all.results.map((r: { id: string }) => r.id)).toEqual([expect.stringMatching(/^api_key:create:/), 'l4', 'l3', 'l2', 'l1']);
    expect(Object.keys(all.results[0])).toEqual(expect.arrayContaining(['id', 'operation', 'resource_type', 'resource_id', 'resource_name', 'user', 'timestamp', 'compliance_framework', 'data_classification', 'is_sensitive', 'ip_address', 'user_agent', 'changed_fields']));
    const filtered = (await get('/api/audit/audit-logs/?tenant=acme&resource_type=invoice&start_date=2024-05-02')).json();
    expect(filtered.results.map((r: { id: string }) => r.id)).toEqual(['l2']);
    const page2 = (await get('/api/audit/audit-logs/?page=2&page_size=3')).json();
    expect(page2).toMatchObject({ count: 5, page: 2, page_size: 3 });
    expect(page2.results.map((r: { id: string }) => r.id)).toEqual(['l2', 'l1']);
    expect((await get('/api/audit/audit-logs/?user=bob@acme.test')).json().count).toBe(1);
  });

  it('400 names a bad parameter', async () => {
    const res = await get('/api/audit/audit-logs/?page_size=0');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'page_size' });
    expect((await get('/api/audit/audit-logs/?start_date=last-week')).json()).toMatchObject({ field: 'start_date' });
  });

  it('needs a key or the UI session', async () => {
    expect((await get('/api/audit/audit-logs/', {})).statusCode).toBe(401);
    expect((await get('/api/audit/audit-logs/', { cookie: 'session=ui' })).statusCode).toBe(200);
  });
});

describe('one record', () => {
  it('details carry the data and the chain fields; related finds the same request and resource', async () => {
    const details = (await get('/api/audit/audit-logs/l2/details/')).json();
    expect(details).toMatchObject({ id: 'l2', tenant: 'acme', old_data: { amount: 1000 }, new_data: { amount: 1200 }, seq: 2, is_archived: false });
    expect(details.audit_hash).toMatch(/^[0-9a-f]{64}$/);
    const related = (await get('/api/audit/audit-logs/l1/related/')).json();
    expect(related.map((r: { id: string }) => r.id)).toEqual(['l2']);
    expect((await get('/api/audit/audit-logs/nope/')).statusCode).toBe(404);
  });
});

describe('summaries', () => {
  it('summary and compliance report count as the seed does', async () => {
    const summary = (await get('/api/audit/audit-logs/summary/?tenant=acme')).json();
    expect(summary).toMatchObject({
      total_operations: 3, sensitive_operations: 1,
      operations_by_type: { CREATE: 1, UPDATE: 1, READ: 1 },
      operations_by_user: { 'ann@acme.test': 2, 'bob@acme.test': 1 },
      operations_by_resource: { invoice: 2, customer: 1 },
    });
    const report = (await get('/api/audit/compliance/report/?compliance_framework=GDPR&tenant=acme')).json();
    expect(report).toMatchObject({ compliance_framework: 'GDPR', total_operations: 1, violations: 1 });
  });

  it('user activity and a resource trail', async () => {
    const ann = (await get('/api/audit/user-activity/ann@acme.test/')).json();
    expect(ann).toMatchObject({ user: 'ann@acme.test', count: 2 });
    expect(ann.activity.map((r: { id: string }) => r.id)).toEqual(['l2', 'l1']);
    expect((await get('/api/audit/user-activity/nobody/')).statusCode).toBe(404);
    expect((await get('/api/audit/user-activity/')).json().results[0]).toMatchObject({ user: 'ann@acme.test', count: 2 });
    const trail = (await get('/api/audit/resource/invoice/7/?tenant=acme')).json();
    expect(trail).toMatchObject({ resource_type: 'invoice', resource_id: '7', count: 2 });
  });
});

describe('violations', () => {
  it('lists violations and resolves one by appending a record, never changing the violation', async () => {
    const before = (await get('/api/audit/audit-violations/?severity=HIGH')).json();
    expect(before).toMatchObject({ count: 1, total_pages: 1 });
    expect(before.results[0]).toMatchObject({ id: 'v1', status: 'OPEN', resolved_at: null });
    const resolved = await h.app.inject({ method: 'POST', url: '/api/audit/audit-violations/v1/resolve/', headers: h.auth, payload: { notes: 'false alarm' } });
    expect(resolved.json()).toEqual({ message: 'Violation resolved successfully', violation_id: 'v1' });
    const after = (await get('/api/audit/audit-violations/?status=RESOLVED')).json();
    expect(after.results[0]).toMatchObject({ id: 'v1', status: 'RESOLVED', resolved_by: 'api-key:test-app' });
    expect((await get('/api/audit/audit-violations/?status=OPEN')).json().count).toBe(0);
    expect(storedRecords(h.db, "id = 'v1'")[0]).toMatchObject({ status: 'OPEN' });
    expect(storedRecords(h.db, "resource_type = 'audit_violation'")[0]).toMatchObject({ tenant: 'acme', new_data: { status: 'RESOLVED', notes: 'false alarm' } });
  });

  it('compliance/export logs the export as a record; management points to retention', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/audit/compliance/export/', headers: h.auth, payload: { export_type: 'CSV', filters: { tenant: 'acme' } } });
    expect(res.json()).toMatchObject({ export_type: 'CSV', record_count: 3 });
    expect(storedRecords(h.db, "kind = 'export'")[0]).toMatchObject({ tenant: 'acme', record_count: 3 });
    const mgmt = await h.app.inject({ method: 'POST', url: '/api/audit/management/', headers: h.auth, payload: { action: 'bogus' } });
    expect(mgmt.statusCode).toBe(400);
    // cleanup runs the retention policies (issue 6): these records are recent, so nothing is purged.
    const cleanup = await h.app.inject({ method: 'POST', url: '/api/audit/management/', headers: h.auth, payload: { action: 'cleanup', days: 30 } });
    expect(cleanup.json()).toMatchObject({ action: 'cleanup', purged: 0 });
  });
});
