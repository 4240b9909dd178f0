// `serve`'s HTTP door: the session token, the DNS-rebinding guard, no CORS, and the backend's error
// values, over a real encrypted vault.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend/backend';
import { buildServeApp, type ServeApp } from '../../electron/core/server/build-serve-app';
import { cli, PASSPHRASE } from '../support/cli';
import { logRecord, } from '../support/records';
import { ndjson, tempDir, writeFile } from '../support/temp';

let served: ServeApp | null = null;
afterEach(async () => {
  await served?.close();
  served = null;
});

async function serveVault(records: unknown[]): Promise<{ served: ServeApp; url: URL; cookie: string }> {
  const dir = tempDir();
  const vault = path.join(dir, 'a.vault');
  await cli(['init', vault]);
  await cli(['import', vault, writeFile(dir, 'r.ndjson', ndjson(records))]);
  const backend = createBackend({ vaultPath: vault, passphrase: PASSPHRASE, canChooseVault: false, backgroundIndexing: false });
  served = await buildServeApp({ backend, rendererDir: dir });
  const url = new URL(await served.listen());
  const landing = await fetch(url, { redirect: 'manual' });
  const cookie = (landing.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { served, url, cookie };
}

const call = (url: URL, route: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(new URL(`/api/ui/${route}`, url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('auditdesk serve, HTTP door', () => {
  it('prints a loopback URL whose token becomes an HttpOnly SameSite cookie, then a clean address', async () => {
    const { url, cookie } = await serveVault([logRecord({ id: 'a' })]);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.searchParams.get('token')).toMatch(/^[\w-]{43}$/);
    const landing = await fetch(url, { redirect: 'manual' });
    expect(landing.status).toBe(302);
    expect(landing.headers.get('location')).toBe('/');
    expect(landing.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    const answer = await (await call(url, 'trail.list', {}, { cookie })).json();
    expect(answer.ok).toBe(true);
    expect(answer.value.rows.map((r: { id: string }) => r.id)).toEqual(['a']);
  });

  it('answers nothing of the vault without the session, nor with a wrong token', async () => {
    const { url } = await serveVault([logRecord({ id: 'a' })]);
    const bare = await call(url, 'trail.list', {});
    expect(bare.status).toBe(401);
    expect((await bare.json()).error.code).toBe('forbidden');
    const wrong = await fetch(new URL('/?token=nope', url), { redirect: 'manual' });
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect((await call(url, 'trail.list', {}, { authorization: 'Bearer nope' })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, and sends no CORS headers', async () => {
    const { served, url, cookie } = await serveVault([logRecord({ id: 'a' })]);
    const rebound = await served.app.inject({ method: 'POST', url: '/api/ui/trail.list', headers: { host: 'evil.example', cookie }, payload: {} });
    expect(rebound.statusCode).toBe(403);
    const foreign = await call(url, 'trail.list', {}, { cookie, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const own = await call(url, 'trail.list', {}, { cookie, origin: url.origin });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(new URL('/api/ui/trail.list', url), { method: 'OPTIONS', headers: { origin: 'http://evil.example' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers bad input and a locked vault as error values a person can act on', async () => {
    const { url, cookie } = await serveVault([logRecord({ id: 'a' })]);
    const bad = await (await call(url, 'trail.list', { limit: 'many' }, { cookie })).json();
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(bad.error.message).toMatch(/limit/);
    const unknown = await (await call(url, 'no.such', {}, { cookie })).json();
    expect(unknown.error.code).toBe('not_found');
    await call(url, 'session.lock', {}, { cookie });
    expect((await (await call(url, 'trail.list', {}, { cookie })).json()).error.code).toBe('locked');
    const wrongPass = await (await call(url, 'session.unlock', { passphrase: 'not it' }, { cookie })).json();
    expect(wrongPass.error.code).toBe('wrong_passphrase');
    const unlocked = await (await call(url, 'session.unlock', { passphrase: PASSPHRASE }, { cookie })).json();
    expect(unlocked.value.state).toBe('unlocked');
    const elsewhere = await (await call(url, 'session.unlock', { passphrase: PASSPHRASE, path: '/etc/passwd' }, { cookie })).json();
    expect(elsewhere.error.code).toBe('forbidden');
  });

  it('records every reveal of sensitive values as a READ record in the same chain', async () => {
    const { url, cookie } = await serveVault([logRecord({ id: 'a', new_data: { password: 's3cret-value' } })]);
    const masked = await (await call(url, 'record.get', { tenant: 't1', id: 'a' }, { cookie })).json();
    expect(JSON.stringify(masked)).not.toContain('s3cret-value');
    expect(masked.value.masked).toEqual(['new_data.password']);
    const revealed = await (await call(url, 'record.reveal', { pos: masked.value.pos }, { cookie })).json();
    expect(revealed.value.record.new_data.password).toBe('s3cret-value');
    const trail = await (await call(url, 'trail.list', { operation: 'READ' }, { cookie })).json();
    expect(trail.value.rows).toHaveLength(1);
    expect(trail.value.rows[0]).toMatchObject({ id: revealed.value.revealRecordId, tenant: 't1', seq: 2, resource_id: 'a' });
  });
});
