// The violation case workflow and the detection rules, end to end through the command line on real
// encrypted vaults: every case change is a record in the violation's tenant chain, the chain verifies,
// the workflow refuses moves it does not allow, and detection never raises the same violation twice.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../electron/core/vault/open-vault';
import { cli, PASSPHRASE } from '../support/cli';
import { logRecord } from '../support/records';
import { ndjson, tempDir, writeFile } from '../support/temp';

const violation = (id: string, tenant = 'acme', overrides = {}) => ({
  id, kind: 'violation', tenant, user: 'zoe@example.com', timestamp: '2024-05-01T12:00:00Z',
  violation_type: 'DATA_BREACH', severity: 'HIGH', status: 'OPEN', description: `case ${id}`, details: { why: 'test' }, ...overrides,
});

async function vaultWith(records: unknown[]) {
  const dir = tempDir();
  const vault = path.join(dir, 'v.vault');
  expect((await cli(['init', vault])).code).toBe(0);
  expect((await cli(['import', vault, writeFile(dir, 'r.ndjson', ndjson(records))])).code).toBe(0);
  return vault;
}

describe('violation cases', () => {
  it('moves through the workflow; each transition is in the tenant chain, which verifies', async () => {
    const vault = await vaultWith([logRecord({ tenant: 'acme' }), violation('v1')]);
    const steps: Array<[string[], string]> = [
      [['--to', 'INVESTIGATING', '--assignee', 'lukasz', '--notes', 'looking'], 'INVESTIGATING'],
      [['--to', 'RESOLVED', '--resolution', 'access revoked'], 'RESOLVED'],
      [['--to', 'CLOSED'], 'CLOSED'],
      [['--to', 'INVESTIGATING', '--notes', 'it happened again'], 'INVESTIGATING'],
    ];
    for (const [flags, status] of steps) {
      const run = await cli(['violations', 'transition', vault, 'v1', '--by', 'amara', ...flags]);
      expect(run.code, run.stderr).toBe(0);
      const shown = JSON.parse((await cli(['violations', 'show', vault, 'v1', '--json'])).stdout);
      expect(shown.status).toBe(status);
    }
    const shown = JSON.parse((await cli(['violations', 'show', vault, 'v1', '--json'])).stdout);
    expect(shown.assignee).toBe('lukasz');
    expect(shown.resolution).toBeNull(); // reopened
    expect(shown.history.map((e: { from: string; to: string; by: string }) => [e.from, e.to, e.by])).toEqual([
      ['OPEN', 'INVESTIGATING', 'amara'], ['INVESTIGATING', 'RESOLVED', 'amara'], ['RESOLVED', 'CLOSED', 'amara'], ['CLOSED', 'INVESTIGATING', 'amara'],
    ]);
    expect(shown.history[1].resolution).toBe('access revoked');
    // The records sit in acme's chain, right after the violation (seq 2), in order.
    expect(shown.history.map((e: { seq: number }) => e.seq)).toEqual([3, 4, 5, 6]);
    const db = openVault(vault, PASSPHRASE);
    const rows = db.prepare("SELECT tenant, operation, json_extract(canonical, '$.new_data.status') AS status FROM records WHERE resource_type = 'audit_violation' ORDER BY seq").all();
    db.close();
    expect(rows).toEqual(['INVESTIGATING', 'RESOLVED', 'CLOSED', 'INVESTIGATING'].map((status) => ({ tenant: 'acme', operation: 'UPDATE', status })));
    const verify = JSON.parse((await cli(['verify', vault, '--json'])).stdout);
    expect(verify.ok).toBe(true);
    expect(verify.chains.find((c: { tenant: string }) => c.tenant === 'acme').records).toBe(6);
  });

  it('refuses moves the workflow does not allow, and says which are allowed', async () => {
    const vault = await vaultWith([violation('v1')]);
    const run = await cli(['violations', 'transition', vault, 'v1', '--to', 'CLOSED']);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/a OPEN case cannot move to CLOSED; from OPEN it can move to INVESTIGATING or RESOLVED/);
    expect(JSON.parse((await cli(['violations', 'show', vault, 'v1', '--json'])).stdout).history).toEqual([]);
  });

  it('bulk: moves every case the change applies to, reports the others, and the queue filters by status and assignee', async () => {
    const vault = await vaultWith([violation('v1'), violation('v2'), violation('v3', 'other'), violation('v4', 'acme', { status: 'CLOSED' })]);
    const run = await cli(['violations', 'transition', vault, 'v1', 'v2', 'v3', 'v4', 'nope', '--to', 'INVESTIGATING', '--assignee', 'mei', '--json']);
    const outcomes = JSON.parse(run.stdout) as Array<{ id: string; ok: boolean }>;
    expect(outcomes.map((o) => [o.id, o.ok])).toEqual([['v1', true], ['v2', true], ['v3', true], ['v4', true], ['nope', false]]);
    const mine = JSON.parse((await cli(['violations', 'list', vault, '--assignee', 'mei', '--status', 'INVESTIGATING', '--json'])).stdout);
    expect(mine.count).toBe(4);
    const other = JSON.parse((await cli(['violations', 'list', vault, '--tenant', 'other', '--json'])).stdout);
    expect(other.results.map((r: { id: string }) => r.id)).toEqual(['v3']);
    expect(JSON.parse((await cli(['violations', 'list', vault, '--assignee', 'none', '--json'])).stdout).count).toBe(0);
  });
});

describe('detection rules', () => {
  const records = () => [
    logRecord({ id: 'denied', tenant: 'acme', operation: 'READ', error_code: 'AccessDenied', timestamp: '2024-05-01T12:00:00Z' }),
    { id: 'q1', kind: 'query', tenant: 'acme', user: 'mei', timestamp: '2024-05-01T12:00:00Z', query_type: 'SELECT', record_count: 50_000 },
    { id: 'q2', kind: 'query', tenant: 'acme', user: 'mei', timestamp: '2024-05-01T12:00:00Z', query_type: 'SELECT', record_count: 10 },
    { id: 'e1', kind: 'export', tenant: 'acme', user: 'mei', timestamp: '2024-05-01T12:00:00Z', export_type: 'CSV', record_count: 2000 },
    logRecord({ id: 'night1', tenant: 'acme', user: 'owl', data_classification: 'TOP_SECRET', timestamp: '2024-05-01T23:30:00Z' }),
    logRecord({ id: 'night2', tenant: 'acme', user: 'owl', data_classification: 'RESTRICTED', timestamp: '2024-05-02T01:10:00+02:00' }),
    logRecord({ id: 'day', tenant: 'acme', user: 'owl', data_classification: 'TOP_SECRET', timestamp: '2024-05-01T10:00:00Z' }),
    logRecord({ id: 'weekend', tenant: 'acme', user: 'owl', is_sensitive: true, data_classification: 'INTERNAL', timestamp: '2024-05-04T11:00:00Z' }),
    logRecord({ id: 'promote', tenant: 'acme', resource_type: 'user', changed_fields: ['role'], old_data: { role: 'viewer' }, new_data: { role: 'admin' } }),
    logRecord({ id: 'plain', tenant: 'acme' }),
  ];

  it('raises each rule once at ingest, with its explanation; detection on demand then adds nothing', async () => {
    const vault = await vaultWith(records());
    const list = JSON.parse((await cli(['violations', 'list', vault, '--json'])).stdout);
    const count = (t: string) => list.results.filter((r: { violation_type: string }) => r.violation_type === t).length;
    expect(Object.fromEntries(['UNAUTHORIZED_ACCESS', 'DATA_LEAKAGE', 'UNAUTHORIZED_EXPORT', 'POLICY_VIOLATION', 'PRIVILEGE_ESCALATION'].map((t) => [t, count(t)])))
      .toEqual({ UNAUTHORIZED_ACCESS: 1, DATA_LEAKAGE: 1, UNAUTHORIZED_EXPORT: 0, POLICY_VIOLATION: 2, PRIVILEGE_ESCALATION: 1 });
    const db = openVault(vault, PASSPHRASE);
    const details = (id: string) => JSON.parse(db.prepare("SELECT json_extract(canonical, '$.details') FROM records WHERE id = ?").pluck().get(id) as string);
    expect(details('unauthorized:denied')).toMatchObject({ rule: 'UNAUTHORIZED_ACCESS', record_ids: ['denied'] });
    expect(details('detect:DATA_LEAKAGE:q1')).toMatchObject({ threshold: 10_000, record_count: 50_000 });
    const night = list.results.find((r: { id: string }) => r.id === 'detect:POLICY_VIOLATION:owl:2024-05-01:night1');
    expect(details(night.id)).toMatchObject({ record_ids: ['night1', 'night2'], local_date: '2024-05-01', business_hours: { start: '08:00', end: '18:00', time_zone: 'UTC' } });
    expect(night.severity).toBe('HIGH'); // TOP_SECRET among them
    expect(details('detect:PRIVILEGE_ESCALATION:promote').explanation).toBe('changed role');
    db.close();
    const again = JSON.parse((await cli(['violations', 'detect', vault, '--json'])).stdout);
    expect(again.raised).toEqual({});
    expect(JSON.parse((await cli(['violations', 'list', vault, '--json'])).stdout).count).toBe(list.count);
    expect((await cli(['verify', vault])).code).toBe(0);
  });

  it('on demand over a period: raises only what the period holds, and never twice', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.vault');
    await cli(['init', vault]);
    await cli(['violations', 'rules', vault, '--set', 'at_ingest=false', '--set', 'UNAUTHORIZED_EXPORT.threshold=1000']);
    await cli(['import', vault, writeFile(dir, 'r.ndjson', ndjson(records()))]);
    expect(JSON.parse((await cli(['violations', 'list', vault, '--json'])).stdout).count).toBe(0);
    const may1 = JSON.parse((await cli(['violations', 'detect', vault, '--from', '2024-05-01', '--to', '2024-05-02', '--json'])).stdout);
    expect(may1.raised).toEqual({ UNAUTHORIZED_ACCESS: 1, DATA_LEAKAGE: 1, UNAUTHORIZED_EXPORT: 1, POLICY_VIOLATION: 1, PRIVILEGE_ESCALATION: 1 });
    const all = JSON.parse((await cli(['violations', 'detect', vault, '--json'])).stdout);
    expect(all.raised).toEqual({ POLICY_VIOLATION: 1 }); // the weekend, outside the first period
    expect(JSON.parse((await cli(['violations', 'detect', vault, '--json'])).stdout).raised).toEqual({});
  });

  it('follows its settings: thresholds, on/off and business hours in a time zone', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.vault');
    await cli(['init', vault]);
    await cli(['violations', 'rules', vault, '--set', 'DATA_LEAKAGE.threshold=100000', '--set', 'PRIVILEGE_ESCALATION.enabled=false',
      '--set', 'POLICY_VIOLATION.business_hours={"start":"08:00","end":"18:00","days":[1,2,3,4,5,6,7],"time_zone":"Asia/Tokyo"}']);
    await cli(['import', vault, writeFile(dir, 'r.ndjson', ndjson(records()))]);
    const list = JSON.parse((await cli(['violations', 'list', vault, '--json'])).stdout);
    const types = list.results.map((r: { violation_type: string }) => r.violation_type);
    expect(types).not.toContain('DATA_LEAKAGE');
    expect(types).not.toContain('PRIVILEGE_ESCALATION');
    // In Tokyo 23:30Z is 08:30 (inside), 23:10Z is 08:10 (inside), 10:00Z is 19:00 (outside), 11:00Z is 20:00 (outside).
    const policy = list.results.filter((r: { violation_type: string }) => r.violation_type === 'POLICY_VIOLATION').map((r: { id: string }) => r.id).sort();
    expect(policy).toEqual(['detect:POLICY_VIOLATION:owl:2024-05-01:day', 'detect:POLICY_VIOLATION:owl:2024-05-04:weekend']);
  });

  it('does not raise again what an importer already raised (the same id)', async () => {
    const vault = await vaultWith([...records(), { id: 'unauthorized:denied', kind: 'violation', tenant: 'acme', user: 'zoe@example.com', timestamp: '2024-05-01T12:00:00Z', violation_type: 'UNAUTHORIZED_ACCESS', severity: 'HIGH', status: 'OPEN' }]);
    const list = JSON.parse((await cli(['violations', 'list', vault, '--type', 'UNAUTHORIZED_ACCESS', '--json'])).stdout);
    expect(list.count).toBe(1);
    const db = openVault(vault, PASSPHRASE);
    expect(db.prepare('SELECT count(*) FROM conflicts').pluck().get()).toBe(0);
    db.close();
  });
});
