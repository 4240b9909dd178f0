// Worker threads open the vault with the key SQLCipher derives from the passphrase, derived once on
// the thread pool (raw-key.ts): it must be exactly SQLCipher's, and a wrong one must fail as a wrong
// passphrase does, never open an empty or garbled database.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveRawKey } from '../../electron/core/vault/raw-key';
import { openVault } from '../../electron/core/vault/open-vault';
import { cli, PASSPHRASE } from '../support/cli';
import { logRecord } from '../support/records';
import { ndjson, tempDir, writeFile } from '../support/temp';

describe('the derived vault key', () => {
  it("is SQLCipher's own: the vault opens with it alone, and a wrong passphrase's key is refused", async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.vault');
    await cli(['init', vault]);
    expect((await cli(['import', vault, writeFile(dir, 'r.ndjson', ndjson([logRecord(), logRecord()]))])).code).toBe(0);

    const key = await deriveRawKey(vault, PASSPHRASE);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    // The passphrase given beside it is not used: the key alone opens the vault.
    const db = openVault(vault, 'not the passphrase', { readonly: true, rawKey: key });
    expect(db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(2);
    db.close();

    const wrong = await deriveRawKey(vault, 'not the passphrase');
    expect(() => openVault(vault, PASSPHRASE, { readonly: true, rawKey: wrong })).toThrow(/wrong passphrase/);
    expect(await deriveRawKey(path.join(dir, 'missing.vault'), PASSPHRASE)).toBeNull();
  });
});
