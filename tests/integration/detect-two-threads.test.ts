// Detection on demand reads a large vault as two halves on two worker threads (the built binary only).
// It must raise exactly what one thread raises, in the same order, and cover the same records.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../electron/core/vault/open-vault';
import { cli, PASSPHRASE, spawnCli } from '../support/cli';
import { tempDir } from '../support/temp';

function raised(vault: string) {
  const db = openVault(vault, PASSPHRASE, { readonly: true });
  try {
    return {
      // In admission order: the order they were raised in.
      violations: db.prepare(`SELECT tenant, seq, id, canonical FROM records WHERE kind = 'violation' AND json_extract(canonical, '$.details.detected_by') IS NOT NULL ORDER BY pos`).all(),
      links: db.prepare('SELECT * FROM violation_links ORDER BY rule, record_pos').all(),
    };
  } finally {
    db.close();
  }
}

describe('detection on two threads', () => {
  it('raises exactly what one thread raises', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.ndjson');
    await cli(['generate', input, '--records', '3000', '--seed', '5']);
    const vaults = [];
    for (const [name, from] of [['one', '100000000'], ['two', '0']]) {
      const vault = path.join(dir, `${name}.vault`);
      await cli(['init', vault]);
      await cli(['violations', 'rules', vault, '--set', 'at_ingest=false', '--set', 'UNAUTHORIZED_EXPORT.threshold=1000']);
      await cli(['import', vault, input]);
      const run = await spawnCli(['violations', 'detect', vault, '--json'], { AUDITDESK_PARALLEL_MIN_RECORDS: from });
      expect(run.code).toBe(0);
      vaults.push(vault);
    }
    const [one, two] = vaults.map(raised);
    expect(one!.violations.length).toBeGreaterThan(10);
    expect(two).toEqual(one);
  });
});
