// The case workflow and retention over the collector API (CONTRACT §4 and its issue 6 extensions).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { admitBatch } from '../../electron/core/collector/admit-batch';
import type { AuditRecord } from '../../shared/records/record-schema';
import { logRecord } from '../support/records';
import { startCollector, type Harness } from './collector-harness';

let h: Harness;
beforeEach(async () => {
  h = await startCollector();
  admitBatch(h.db, [
    { id: 'v1', kind: 'violation', tenant: 'acme', user: 'zoe', timestamp: '2024-05-01T12:00:00Z', violation_type: 'DATA_BREACH', severity: 'HIGH', status: 'OPEN' },
    { id: 'v2', kind: 'violation', tenant: 'acme', user: 'zoe', timestamp: '2024-05-01T12:00:00Z', violation_type: 'DATA_BREACH', severity: 'LOW', status: 'OPEN' },
    logRecord({ id: 'ancient', tenant: 'acme', timestamp: '2015-01-01T12:00:00Z', compliance_framework: 'PCI_DSS' }),
    logRecord({ id: 'held', tenant: 'acme', timestamp: '2015-01-01T12:00:00Z', compliance_framework: 'PCI_DSS', user: 'kept@example.com' }),
  ] as AuditRecord[], null);
});
afterEach(async () => h.close());

const post = (url: string, payload: unknown) => h.app.inject({ method: 'POST', url, headers: h.auth, payload: payload as object });

describe('case workflow over the API', () => {
  it('transitions, refuses a forbidden move with 409, and answers the case with its history', async () => {
    const started = await post('/api/audit/audit-violations/v1/transition/', { to: 'INVESTIGATING', assignee: 'mei', notes: 'on it' });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ from: 'OPEN', to: 'INVESTIGATING', by: 'api-key:test-app', assignee: 'mei' });
    const refused = await post('/api/audit/audit-violations/v1/transition/', { to: 'CLOSED' });
    expect(refused.statusCode).toBe(409);
    // The seed's resolve goes through the same workflow.
    expect((await post('/api/audit/audit-violations/v1/resolve/', { notes: 'revoked' })).json().message).toBe('Violation resolved successfully');
    const seen = (await h.app.inject({ method: 'GET', url: '/api/audit/audit-violations/v1/case/', headers: h.auth })).json();
    expect(seen).toMatchObject({ status: 'RESOLVED', assignee: 'mei', resolution: 'revoked' });
    expect(seen.history.map((e: { to: string }) => e.to)).toEqual(['INVESTIGATING', 'RESOLVED']);
    // The seed's list reads the same state.
    const listed = (await h.app.inject({ method: 'GET', url: '/api/audit/audit-violations/?status=RESOLVED', headers: h.auth })).json();
    expect(listed.results.map((r: { id: string }) => r.id)).toEqual(['v1']);
    expect((await post('/api/audit/audit-violations/nope/transition/', { to: 'INVESTIGATING' })).statusCode).toBe(404);
  });

  it('bulk transition and the queue by assignee', async () => {
    const bulk = await post('/api/audit/audit-violations/bulk-transition/', { ids: ['v1', 'v2'], to: 'INVESTIGATING', assignee: 'sven' });
    expect(bulk.json().results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true]);
    const queue = (await h.app.inject({ method: 'GET', url: '/api/audit/audit-violations/queue/?assignee=sven', headers: h.auth })).json();
    expect(queue.count).toBe(2);
  });
});

describe('POST management/', () => {
  it('cleanup purges what is past both the days given and its policy, respecting holds', async () => {
    h.db.prepare(`INSERT INTO legal_holds(user, reason, created_at, created_by) VALUES ('kept@example.com', 'court order', '2024-01-01', 'test')`).run();
    const res = await post('/api/audit/management/', { action: 'cleanup', days: 30 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ action: 'cleanup', purged: 1, held: 1 });
    const rows = h.db.prepare("SELECT id, purged_at IS NOT NULL AS purged FROM records WHERE id IN ('ancient', 'held') ORDER BY id").all();
    expect(rows).toEqual([{ id: 'ancient', purged: 1 }, { id: 'held', purged: 0 }]);
  });

  it('archive without the passphrase and signing key is refused with a reason', async () => {
    const res = await post('/api/audit/management/', { action: 'archive', days: 30 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatch(/auditdesk retention/);
  });
});
