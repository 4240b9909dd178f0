// The real `auditdesk serve` process: the collector API is mounted beside the UI, writes commit to the
// vault, and locking the vault in the UI turns writes away with 503 until it is unlocked again.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnCli } from '../support/cli';
import { startServe as serve, stopServe } from '../support/serve-process';
import { logRecord } from '../support/records';
import { tempDir } from '../support/temp';

afterEach(stopServe);

describe('auditdesk serve with the collector', () => {
  it('takes records with an API key, serves them back, and answers 503 while the UI has the vault locked', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.vault');
    await spawnCli(['init', vault]);
    const key = (await spawnCli(['keys', 'create', vault, '--name', 'billing'])).stdout.trim();
    const url = await serve(vault);
    const api = (p: string) => new URL(p, url);
    const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };

    const posted = await fetch(api('/api/audit/audit-logs/'), { method: 'POST', headers: auth, body: JSON.stringify(logRecord({ id: 'live-1' })) });
    expect(posted.status).toBe(201);
    const listed = await (await fetch(api('/api/audit/audit-logs/?tenant=t1'), { headers: auth })).json();
    expect(listed.results.map((r: { id: string }) => r.id)).toContain('live-1');

    const token = url.searchParams.get('token')!;
    const ui = (route: string) => fetch(api(`/api/ui/${route}`), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect((await ui('session.lock')).status).toBe(200);
    const refused = await fetch(api('/api/audit/audit-logs/'), { method: 'POST', headers: auth, body: JSON.stringify(logRecord({ id: 'live-2' })) });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);

    await stopServe();
    const verified = await spawnCli(['verify', vault, '--json']);
    expect(verified.code).toBe(0);
    const chains = JSON.parse(verified.stdout).chains;
    expect(chains.find((c: { tenant: string }) => c.tenant === 't1').records).toBe(1);
  });
});

describe('collector batches and the ledger', () => {
  it('signs a checkpoint after every batch, so the vault verifies with its checkpoints covering the new records', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.vault');
    await spawnCli(['init', vault]);
    const key = (await spawnCli(['keys', 'create', vault, '--name', 'app'])).stdout.trim();
    const url = await serve(vault);
    const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' };
    for (let batch = 0; batch < 3; batch++) {
      const body = Array.from({ length: 5 }, (_, i) => JSON.stringify(logRecord({ id: `b${batch}-${i}` }))).join('\n');
      expect((await fetch(new URL('/api/audit/ingest', url), { method: 'POST', headers: auth, body })).status).toBe(201);
    }
    await stopServe();
    const verified = JSON.parse((await spawnCli(['verify', vault, '--json'])).stdout);
    expect(verified.ok).toBe(true);
    expect(verified.ledger.checkpoints).toBeGreaterThanOrEqual(3);
    // 15 records sent, and the key's creation, itself a record.
    expect(verified.ledger.size).toBe(16);
  });
});
