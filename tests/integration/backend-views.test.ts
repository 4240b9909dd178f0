// The Trail's saved views (issue 7), through the backend both doors share, on a real encrypted vault:
// saved under a name, listed by name, a taken name refused unless the user chose to replace it, names
// checked (trimmed, 1-80 characters), deleted, and still there when the vault is opened again.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/core/backend/backend';
import { cli, PASSPHRASE } from '../support/cli';
import { tempDir } from '../support/temp';

let backend: Backend | null = null;
afterEach(() => {
  backend?.close();
  backend = null;
});

// Loosely typed on purpose: the assertions below check the shapes the Trail relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = { ok: boolean; value?: any; error?: any };
const call = async (route: string, body: unknown) => backend!.handle(route, body) as Promise<Answer>;

function openBackend(vault: string): void {
  backend = createBackend({ vaultPath: vault, passphrase: PASSPHRASE, canChooseVault: false, backgroundIndexing: false, reviewer: 'amara' });
}

async function newVault(): Promise<string> {
  const vault = path.join(tempDir(), 'v.vault');
  expect((await cli(['init', vault])).code).toBe(0);
  openBackend(vault);
  return vault;
}

describe('saved views', () => {
  it('saves views by name, lists them by name with who saved them, and keeps them when the vault is opened again', async () => {
    const vault = await newVault();
    expect((await call('views.list', {})).value).toEqual([]);

    await call('views.save', { name: '  SOX deletes ', query: 'operation=DELETE&framework=SOX' });
    const saved = await call('views.save', { name: 'acme reads', query: 'tenant=acme&operation=READ' });
    expect(saved.value).toEqual([
      { id: expect.any(Number), name: 'acme reads', query: 'tenant=acme&operation=READ', created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), created_by: 'amara' },
      expect.objectContaining({ name: 'SOX deletes', query: 'operation=DELETE&framework=SOX' }),
    ]);

    backend!.close();
    openBackend(vault);
    expect((await call('views.list', {})).value.map((v: { name: string }) => v.name)).toEqual(['acme reads', 'SOX deletes']);
  });

  it('refuses a name already taken unless asked to replace it, and a replaced view keeps its id', async () => {
    await newVault();
    const [first] = (await call('views.save', { name: 'deletes', query: 'operation=DELETE' })).value;

    const refused = await call('views.save', { name: 'deletes', query: 'operation=UPDATE' });
    expect(refused.error).toEqual({ code: 'failed', message: 'a view named “deletes” already exists' });
    expect((await call('views.list', {})).value).toEqual([first]);

    const replaced = await call('views.save', { name: 'deletes', query: 'operation=UPDATE', replace: true });
    expect(replaced.value).toEqual([expect.objectContaining({ id: first.id, name: 'deletes', query: 'operation=UPDATE' })]);
  });

  it('refuses an empty or over-long name with a message for the field', async () => {
    await newVault();
    expect((await call('views.save', { name: '   ', query: '' })).error).toEqual({ code: 'bad_request', message: 'name: name the view, e.g. SOX deletes' });
    expect((await call('views.save', { name: 'x'.repeat(81), query: '' })).error).toEqual({
      code: 'bad_request',
      message: 'name: a view name is at most 80 characters',
    });
    expect((await call('views.save', { name: 'x'.repeat(80), query: '' })).ok).toBe(true);
  });

  it('deletes a view, and says so when it is already gone', async () => {
    await newVault();
    const [keep, drop] = (await call('views.save', { name: 'b', query: 'q=x' }), await call('views.save', { name: 'c', query: 'q=y' })).value;
    expect(keep.name).toBe('b');
    expect((await call('views.delete', { id: drop.id })).value).toEqual([keep]);
    expect((await call('views.delete', { id: drop.id })).error.code).toBe('not_found');
  });

  it('answers locked while the vault is locked', async () => {
    await newVault();
    await call('session.lock', {});
    expect((await call('views.list', {})).error.code).toBe('locked');
    expect((await call('views.save', { name: 'x', query: '' })).error.code).toBe('locked');
  });
});
