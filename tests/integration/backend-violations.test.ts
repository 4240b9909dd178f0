// The Violations and Retention screens' routes, through the backend both doors share, on real
// encrypted vaults made with the CLI: the queue and its filters, a case with its linked records and
// history, single and bulk transitions recorded in the chain, the retention preview that changes
// nothing, and legal holds that keep records out of it.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/core/backend/backend';
import { openVault } from '../../electron/core/vault/open-vault';
import { cli, PASSPHRASE } from '../support/cli';
import { logRecord } from '../support/records';
import { ndjson, tempDir, writeFile } from '../support/temp';

let backend: Backend | null = null;
afterEach(() => {
  backend?.close();
  backend = null;
});

const violation = (id: string, overrides = {}) => ({
  id, kind: 'violation', tenant: 'acme', user: 'zoe@example.com', timestamp: '2024-05-01T12:00:00Z',
  violation_type: 'DATA_LEAKAGE', severity: 'HIGH', status: 'OPEN', description: `case ${id}`, ...overrides,
});

async function open(records: unknown[], settings: Record<string, unknown> = {}) {
  const dir = tempDir();
  const vault = path.join(dir, 'v.vault');
  expect((await cli(['init', vault])).code).toBe(0);
  const run = await cli(['import', vault, writeFile(dir, 'r.ndjson', ndjson(records))]);
  expect(run.code, run.stderr).toBe(0);
  if (Object.keys(settings).length) {
    const db = openVault(vault, PASSPHRASE);
    const put = db.prepare('INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)');
    for (const [key, value] of Object.entries(settings)) put.run(key, JSON.stringify(value));
    db.close();
  }
  backend = createBackend({ vaultPath: vault, passphrase: PASSPHRASE, canChooseVault: false, backgroundIndexing: false, reviewer: 'amara' });
  // Loosely typed on purpose: the assertions below check the shapes the screens rely on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Answer = { ok: boolean; value?: any; error?: any };
  const call = async (route: string, body: unknown) => backend!.handle(route, body) as Promise<Answer>;
  return { vault, call };
}

describe('violations routes', () => {
  it('lists the queue with filters, shows a case with its linked records, and moves it through the workflow', async () => {
    const { vault, call } = await open([
      logRecord({ id: 'bulk-read', tenant: 'acme' }),
      violation('v1', { details: { rule: 'DATA_LEAKAGE', record_ids: ['bulk-read', 'gone'] } }),
      violation('v2', { severity: 'LOW', violation_type: 'POLICY_VIOLATION' }),
    ]);
    const high = await call('violations.list', { severity: 'HIGH' });
    expect(high.value.results.map((r: { id: string }) => r.id)).toEqual(['v1']);
    expect(high.value.results[0]).toMatchObject({ status: 'OPEN', assignee: null, tenant: 'acme' });

    const shown = await call('violations.get', { id: 'v1' });
    expect(shown.ok).toBe(true);
    expect(shown.value.allowed_next).toEqual(['INVESTIGATING', 'RESOLVED']);
    expect(shown.value.linked_records.map((r: { id: string; pos: number | null }) => [r.id, r.pos !== null])).toEqual([['bulk-read', true], ['gone', false]]);

    // Resolving needs a resolution text: refused at the boundary, nothing written.
    const bare = await call('violations.transition', { refs: [{ id: 'v1' }], change: { to: 'RESOLVED' } });
    expect(bare.error.code).toBe('bad_request');

    const moved = await call('violations.transition', { refs: [{ id: 'v1', tenant: 'acme' }], change: { to: 'INVESTIGATING', assignee: 'mei' } });
    expect(moved.value.results).toEqual([{ id: 'v1', tenant: 'acme', ok: true, reason: null }]);
    await call('violations.transition', { refs: [{ id: 'v1' }], change: { to: 'RESOLVED', resolution: 'access revoked' } });

    const after = await call('violations.get', { id: 'v1', tenant: 'acme' });
    expect(after.value).toMatchObject({ status: 'RESOLVED', assignee: 'mei', resolution: 'access revoked', allowed_next: ['CLOSED', 'INVESTIGATING'] });
    expect(after.value.history.map((e: { from: string; to: string; by: string }) => [e.from, e.to, e.by])).toEqual([
      ['OPEN', 'INVESTIGATING', 'amara'], ['INVESTIGATING', 'RESOLVED', 'amara'],
    ]);
    expect(after.value.history.every((e: { pos: number | null }) => e.pos !== null)).toBe(true);
    expect((await call('violations.list', { assignee: 'mei' })).value.count).toBe(1);
    expect((await call('violations.list', { assignee: 'none' })).value.results.map((r: { id: string }) => r.id)).toEqual(['v2']);
    expect((await call('violations.facets', {})).value.assignees).toEqual(['mei']);

    backend!.close();
    backend = null;
    const verify = await cli(['verify', vault, '--json']);
    expect(JSON.parse(verify.stdout).ok).toBe(true);
  });

  it('applies a bulk change to the cases it fits and lists the refused ones with why', async () => {
    const { call } = await open([violation('v1'), violation('v2'), violation('v3')]);
    await call('violations.transition', { refs: [{ id: 'v3' }], change: { to: 'INVESTIGATING' } });
    const bulk = await call('violations.transition', { refs: [{ id: 'v1' }, { id: 'v2' }, { id: 'v3' }, { id: 'nope' }], change: { to: 'INVESTIGATING' } });
    const outcome = Object.fromEntries(bulk.value.results.map((r: { id: string; ok: boolean; reason: string | null }) => [r.id, r.ok ? 'ok' : r.reason]));
    expect(outcome.v1).toBe('ok');
    expect(outcome.v2).toBe('ok');
    expect(outcome.v3).toMatch(/already INVESTIGATING/);
    expect(outcome.nope).toMatch(/no violation/);
    expect((await call('violations.list', { status: 'INVESTIGATING' })).value.count).toBe(3);
    expect((await call('violations.get', { id: 'nope' })).error.code).toBe('not_found');
  });
});

describe('retention routes', () => {
  it('previews without changing anything, and a legal hold keeps records out of the preview', async () => {
    const { call } = await open(
      [logRecord({ id: 'old', tenant: 'acme', timestamp: '2019-01-01T00:00:00Z' }), logRecord({ id: 'new', tenant: 'acme', timestamp: new Date().toISOString() })],
      { retention_days: { SOX: 365 }, archive_after_days: null },
    );
    const overview = await call('retention.overview', {});
    expect(overview.value.policy).toEqual({ retention_days: { SOX: 365 }, archive_after_days: null });
    expect(overview.value.holds).toEqual([]);

    const preview = await call('retention.preview', {});
    expect(preview.value.purge).toMatchObject({ count: 1, held: 0, by_tenant: { acme: 1 } });
    expect(preview.value.purge.records.map((r: { id: string }) => r.id)).toEqual(['old']);
    expect(preview.value.archive.skipped).toMatch(/archive_after_days/);
    // A dry run: the same again, nothing was purged.
    expect((await call('retention.preview', {})).value.purge.count).toBe(1);

    const refused = await call('retention.addHold', { reason: 'litigation' });
    expect(refused.error.code).toBe('failed');
    expect(refused.error.message).not.toContain('--');
    const hold = await call('retention.addHold', { tenant: 'acme', to: '2019-12-31', reason: 'litigation 2019' });
    expect(hold.value).toMatchObject({ tenant: 'acme', reason: 'litigation 2019', created_by: 'amara', released_at: null, records: 1 });
    expect((await call('retention.preview', {})).value.purge).toMatchObject({ count: 0, held: 1 });

    const released = await call('retention.releaseHold', { id: hold.value.id, reason: 'settled' });
    expect(released.value.released_by).toBe('amara');
    expect((await call('retention.releaseHold', { id: hold.value.id })).error.message).toMatch(/already released/);
    expect((await call('retention.preview', {})).value.purge.count).toBe(1);

    const history = (await call('retention.overview', {})).value.actions;
    expect(history.map((a: { operation: string; resource_type: string; user: string }) => [a.operation, a.resource_type, a.user])).toEqual([
      ['UPDATE', 'legal_hold', 'amara'], ['CREATE', 'legal_hold', 'amara'],
    ]);
  });

  it('says which setting is malformed instead of failing the screen', async () => {
    const { call } = await open([logRecord({ tenant: 'acme' })], { retention_days: { SOX: 'forever' } });
    const overview = await call('retention.overview', {});
    expect(overview.value.policy).toBeNull();
    expect(overview.value.policy_error).toMatch(/retention_days.SOX/);
    expect((await call('retention.preview', {})).error.code).toBe('failed');
  });
});
