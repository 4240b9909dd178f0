// The retention screen's preview counts in one walk of the vault and lists only the first records;
// `auditdesk retention --dry-run` lists every record. Both must say the same: the same counts, the
// same per-tenant figures, held records kept out alike, and the preview's list the start of the full one.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { addHold } from '../../electron/core/retention/holds';
import { runRetention } from '../../electron/core/retention/run-retention';
import { openVault } from '../../electron/core/vault/open-vault';
import { cli, PASSPHRASE } from '../support/cli';
import { logRecord } from '../support/records';
import { ndjson, tempDir, writeFile } from '../support/temp';

let db: Database.Database | null = null;
afterEach(() => db?.close());

describe('the retention preview', () => {
  it('counts what the full dry run lists, per tenant, holds excluded', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.vault');
    await cli(['init', vault]);
    const records = [];
    for (let i = 0; i < 40; i++) {
      records.push(logRecord({
        tenant: i % 3 === 0 ? 'acme' : 'globex',
        user: i % 5 === 0 ? 'held@example.com' : 'zoe@example.com',
        // From 2019 to 2026: some past retention, some past archive age only, some recent.
        timestamp: `${2019 + (i % 8)}-0${1 + (i % 9)}-15T10:00:00Z`,
        compliance_framework: i % 2 === 0 ? 'SOX' : 'PCI_DSS',
      }));
    }
    expect((await cli(['import', vault, writeFile(dir, 'r.ndjson', ndjson(records))])).code).toBe(0);
    db = openVault(vault, PASSPHRASE);
    db.prepare("UPDATE settings SET value = ? WHERE key = 'retention_days'").run(JSON.stringify({ SOX: 1500, PCI_DSS: 900 }));
    db.prepare("UPDATE settings SET value = '400' WHERE key = 'archive_after_days'").run();
    addHold(db, { user: 'held@example.com', reason: 'litigation' }, 'amara');
    const now = new Date('2026-11-27T00:00:00Z');

    const full = runRetention(db, { dryRun: true, by: 'amara', now, vacuum: false });
    const preview = runRetention(db, { dryRun: true, by: 'amara', now, vacuum: false, listLimit: 3 });

    expect(full.purge.count).toBeGreaterThan(3);
    expect(full.archive.count).toBeGreaterThan(full.purge.count);
    expect(full.purge.held).toBeGreaterThan(0);
    expect(preview.purge).toEqual({ ...full.purge, records: full.purge.records.slice(0, 3) });
    expect(preview.archive).toEqual({ ...full.archive, records: full.archive.records.slice(0, 3) });
    expect(Object.values(full.purge.by_tenant).reduce((a, b) => a + b, 0)).toBe(full.purge.count);
  });
});
