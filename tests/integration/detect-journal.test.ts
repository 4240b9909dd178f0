// `auditdesk violations detect` raises through a rollback journal only when nothing else has the vault
// open (detect-period.ts, lone-writer-journal.ts): held open elsewhere, it raises the same in WAL mode.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../electron/core/vault/open-vault';
import { cli, PASSPHRASE, spawnCli } from '../support/cli';
import { tempDir } from '../support/temp';

async function vaultToDetect(dir: string, name: string, input: string): Promise<string> {
  const vault = path.join(dir, `${name}.vault`);
  await cli(['init', vault]);
  await cli(['violations', 'rules', vault, '--set', 'at_ingest=false', '--set', 'UNAUTHORIZED_EXPORT.threshold=1000']);
  await cli(['import', vault, input]);
  return vault;
}

const detected = (vault: string) => {
  const db = openVault(vault, PASSPHRASE, { readonly: true });
  try {
    return {
      journal: db.pragma('journal_mode', { simple: true }),
      violations: db.prepare(`SELECT canonical FROM records WHERE json_extract(canonical, '$.details.detected_by') IS NOT NULL ORDER BY pos`).pluck().all(),
    };
  } finally {
    db.close();
  }
};

describe('the journal of detection on demand', () => {
  it('raises the same violations alone as beside a reader, and leaves the vault in WAL mode', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.ndjson');
    await cli(['generate', input, '--records', '2000', '--seed', '3']);
    const alone = await vaultToDetect(dir, 'alone', input);
    const shared = await vaultToDetect(dir, 'shared', input);

    expect((await spawnCli(['violations', 'detect', alone, '--json'])).code).toBe(0);
    const reader = openVault(shared, PASSPHRASE);
    try {
      const run = await spawnCli(['violations', 'detect', shared, '--json']);
      expect(run.code, run.stderr).toBe(0);
      // The reader sees them at once: the vault stayed in WAL, not locked by a journal.
      expect(reader.prepare(`SELECT count(*) FROM records WHERE json_extract(canonical, '$.details.detected_by') IS NOT NULL`).pluck().get())
        .toBe(JSON.parse(run.stdout).violations.length);
    } finally {
      reader.close();
    }
    const [one, two] = [detected(alone), detected(shared)];
    expect(one.violations.length).toBeGreaterThan(5);
    expect(two).toEqual(one);
    expect(one.journal).toBe('wal');
    expect((await spawnCli(['verify', alone])).code).toBe(0);
  });
});
