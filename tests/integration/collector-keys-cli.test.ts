// `auditdesk keys create|list|revoke` (CONTRACT §3) on a real vault.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { expect, it } from 'vitest';
import { authenticateApiKey } from '../../electron/core/keys/api-keys';
import { openVault } from '../../electron/core/vault/open-vault';
import { cli, PASSPHRASE } from '../support/cli';
import { tempDir } from '../support/temp';

it('creates a key printed alone on stdout, stores only its hash, lists and revokes it', async () => {
  const vault = path.join(tempDir(), 'k.vault');
  expect((await cli(['init', vault])).code).toBe(0);

  const created = await cli(['keys', 'create', vault, '--name', 'payroll-app']);
  expect(created.code).toBe(0);
  expect(created.stdout).toMatch(/^adk_[A-Za-z0-9_-]{43}\n$/);
  const key = created.stdout.trim();
  expect(created.stderr).toMatch(/shown only now/);

  const db = openVault(vault, PASSPHRASE, { readonly: true });
  const stored = db.prepare('SELECT * FROM api_keys').all() as Array<Record<string, unknown>>;
  expect(stored).toHaveLength(1);
  expect(stored[0]!.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
  expect(JSON.stringify(stored)).not.toContain(key);
  expect(authenticateApiKey(db, key)).toMatchObject({ name: 'payroll-app' });
  db.close();

  const listed = await cli(['keys', 'list', vault, '--json']);
  expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ name: 'payroll-app', prefix: key.slice(0, 10), revoked_at: null })]);
  expect((await cli(['keys', 'list', vault])).stdout).toContain('payroll-app');

  expect((await cli(['keys', 'create', vault, '--name', 'payroll-app'])).code).toBe(2);
  expect((await cli(['keys', 'revoke', vault, 'nobody'])).code).toBe(2);
  const revoked = await cli(['keys', 'revoke', vault, 'payroll-app']);
  expect(revoked.code).toBe(0);
  const after = openVault(vault, PASSPHRASE, { readonly: true });
  expect(authenticateApiKey(after, key)).toBeNull();
  after.close();
  expect(JSON.parse((await cli(['keys', 'list', vault, '--json'])).stdout)[0].revoked_at).toMatch(/^\d{4}-/);
});

it('records who created and who revoked a key in the chain, never the key, and verify still passes', async () => {
  const vault = path.join(tempDir(), 'k.vault');
  expect((await cli(['init', vault])).code).toBe(0);
  const key = (await cli(['keys', 'create', vault, '--name', 'shipper', '--by', 'zoe'])).stdout.trim();
  expect((await cli(['keys', 'revoke', vault, 'shipper', '--by', 'lukasz'])).code).toBe(0);
  expect((await cli(['keys', 'revoke', vault, 'shipper', '--by', 'lukasz'])).code).toBe(0);

  const db = openVault(vault, PASSPHRASE, { readonly: true });
  const notes = db.prepare("SELECT canonical FROM records WHERE resource_type = 'api_key' ORDER BY pos").pluck().all() as string[];
  db.close();
  expect(notes.map((n) => JSON.parse(n))).toEqual([
    expect.objectContaining({ tenant: 'auditdesk:system', user: 'zoe', operation: 'CREATE', resource_id: '1', resource_name: 'API key shipper', new_data: expect.objectContaining({ name: 'shipper', prefix: key.slice(0, 10) }) }),
    expect.objectContaining({ user: 'lukasz', operation: 'UPDATE', old_data: { name: 'shipper', revoked_at: null }, new_data: { name: 'shipper', revoked_at: expect.stringMatching(/^\d{4}-/) } }),
  ]);
  expect(notes.join('')).not.toContain(key);
  expect(notes.join('')).not.toContain(createHash('sha256').update(key).digest('hex'));
  expect((await cli(['verify', vault])).code).toBe(0);
});

it('explains its usage when the action is missing', async () => {
  const run = await cli(['keys']);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/create, list or revoke/);
});
