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

it('explains its usage when the action is missing', async () => {
  const run = await cli(['keys']);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/create, list or revoke/);
});
