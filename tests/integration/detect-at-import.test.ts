// Detection at ingest runs on the records as an import prepares them (no second read of the vault).
// It must raise exactly what detection over the same records after the fact raises.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../electron/core/vault/open-vault';
import { cli, PASSPHRASE } from '../support/cli';
import { logRecord } from '../support/records';
import { ndjson, tempDir, writeFile } from '../support/temp';

function violationIds(vault: string): string[] {
  const db = openVault(vault, PASSPHRASE, { readonly: true });
  const ids = db.prepare(`SELECT tenant || '/' || id FROM records WHERE kind = 'violation' AND json_extract(canonical, '$.details.detected_by') = 'auditdesk detection rules' ORDER BY 1`).pluck().all() as string[];
  db.close();
  return ids;
}

describe('detection at import', () => {
  it('raises the same violations as detection over the same records afterwards, and no more on a re-run', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.ndjson');
    await cli(['generate', input, '--records', '3000', '--seed', '11']);
    // Thresholds low enough that every rule fires on generated data.
    const rules = ['--set', 'DATA_LEAKAGE.threshold=1000', '--set', 'UNAUTHORIZED_EXPORT.threshold=1000'];

    const atImport = path.join(dir, 'a.vault');
    await cli(['init', atImport]);
    expect((await cli(['violations', 'rules', atImport, ...rules])).code).toBe(0);
    expect((await cli(['import', atImport, input])).code).toBe(0);

    const afterwards = path.join(dir, 'b.vault');
    await cli(['init', afterwards]);
    await cli(['violations', 'rules', afterwards, ...rules, '--set', 'at_ingest=false']);
    await cli(['import', afterwards, input]);
    expect(violationIds(afterwards)).toEqual([]);
    expect((await cli(['violations', 'detect', afterwards])).code).toBe(0);

    const raised = violationIds(atImport);
    expect(raised.length).toBeGreaterThan(10);
    expect(raised).toEqual(violationIds(afterwards));

    await cli(['violations', 'detect', atImport]);
    expect(violationIds(atImport)).toEqual(raised);
    expect((await cli(['verify', atImport])).code).toBe(0);
  });

  it('never fails an import: if raising fails, the file is imported whole without its violations, and a later run raises them', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.vault');
    await cli(['init', vault]);
    // Make raising fail: no violation may be linked to its records.
    const db = openVault(vault, PASSPHRASE);
    db.exec(`CREATE TRIGGER no_links BEFORE INSERT ON violation_links BEGIN SELECT RAISE(ABORT, 'links refused'); END`);
    db.close();
    const denied = [logRecord({ response_code: 403 }), logRecord(), logRecord({ error_code: 'AccessDenied' })];
    const run = await cli(['import', vault, writeFile(dir, 'a.ndjson', ndjson(denied)), '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ ok: true, imported: 3 });
    expect(violationIds(vault)).toEqual([]);

    const fix = openVault(vault, PASSPHRASE);
    expect(fix.prepare('SELECT detected_pos FROM detection_state').pluck().get()).toBe(0); // the watermark stayed
    fix.exec('DROP TRIGGER no_links');
    fix.close();
    expect((await cli(['violations', 'detect', vault])).code).toBe(0);
    expect(violationIds(vault)).toHaveLength(2);
    expect((await cli(['verify', vault])).code).toBe(0);
  });
});
