// The desktop app's collector (electron/core/collector/desktop-collector.ts): on loopback, writing to
// the vault the window has unlocked, answering 503 with Retry-After while it is locked.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startDesktopCollector, type DesktopCollector } from '../../electron/core/collector/desktop-collector';
import { createApiKey } from '../../electron/core/keys/api-keys';
import { openVault } from '../../electron/core/vault/open-vault';
import { PASSPHRASE } from '../support/cli';
import { logRecord } from '../support/records';
import { tempDir } from '../support/temp';

let collector: DesktopCollector | null = null;
let db: Database.Database | null = null;
afterEach(async () => {
  await collector?.close();
  db?.close();
});

describe('the desktop collector', () => {
  it('listens on 127.0.0.1 and stores what it acknowledges, only while the vault is unlocked', async () => {
    db = openVault(path.join(tempDir(), 'desk.vault'), PASSPHRASE, { create: true });
    const key = createApiKey(db, 'app', 'tester').key;
    let unlocked: Database.Database | null = db;
    collector = await startDesktopCollector(() => unlocked, 0);
    expect(collector.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const post = () =>
      fetch(`${collector!.url}/api/audit/audit-logs/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(logRecord({ id: 'd1', tenant: 'acme', new_data: { password: 'hunter2' } })),
      });

    const stored = await post();
    expect(stored.status).toBe(201);
    const row = db.prepare("SELECT is_sensitive FROM records WHERE id = 'd1'").get() as { is_sensitive: number };
    expect(row.is_sensitive).toBe(1); // the vault's sensitive-field settings applied, as for imports

    unlocked = null; // the window locked the vault
    const refused = await post();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
