// A report over a vault file damaged at rest must never count what it cannot vouch for without
// saying so. On two threads the report's pass reads without SQLCipher's page MAC (it re-hashes every
// record of its tenants, docs/vault.md "Page MAC"), so the damage shows as the chain break it causes,
// named by tenant and seq, or, when SQLite cannot read the page at all, as an error that names the
// vault position; on one thread the MAC refuses the page, and the error names the position.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../support/cli';
import { damageRecordsPage } from '../support/damage';
import { generatedVault } from '../support/generated-vault';

describe('a report over a vault file damaged at rest', () => {
  it('names the break or the position, on one thread and on two, and never fails without saying where', async () => {
    const { dir, vault } = await generatedVault(5000);
    const identity = path.join(dir, 'auditor.p12');
    const env = { AUDITDESK_IDENTITY_PASSPHRASE: 'identity pass' };
    const report = (out: string, threads: string) => spawnCli(['report', vault, '--framework', 'SOX', '--from', '2000-01-01',
      '--to', '2100-01-01', '--out', path.join(dir, out), '--identity', identity], { ...env, AUDITDESK_PARALLEL_MIN_RECORDS: threads });
    const intact = await spawnCli(['report', vault, '--framework', 'SOX', '--from', '2000-01-01', '--to', '2100-01-01',
      '--out', path.join(dir, 'intact.json'), '--identity', identity, '--create-identity', 'A,a@audit.example,Audit'], env);
    expect(intact.code, intact.stderr).toBe(0);
    const integrityOf = (out: string) => JSON.parse(fs.readFileSync(path.join(dir, out), 'utf8')).integrity;
    expect(integrityOf('intact.json').brokenChains).toEqual([]);

    damageRecordsPage(vault);

    for (const threads of ['100000000', '1']) {
      const out = `damaged-${threads}.json`;
      const damaged = await report(out, threads);
      expect(damaged.stderr).not.toMatch(/unexpected error/);
      if (damaged.code === 0) {
        // The report was made: its integrity section names the break the damage caused.
        const integrity = integrityOf(out);
        expect(integrity.brokenChains.length, JSON.stringify(integrity)).toBeGreaterThan(0);
        expect(integrity.brokenChains[0]).toMatchObject({ tenant: expect.any(String), seq: expect.any(Number), kind: expect.any(String) });
      } else {
        expect(damaged.code).toBe(2);
        // Named by position when the pass met the page, by tenant and seq when the pass read the garbled
        // record as a break and the check through the (tenant, seq) index, with the MAC, refused the page.
        expect(damaged.stderr).toMatch(/damaged: the records after (vault position \d+|seq \d+ of tenant \S+) cannot be read/);
      }
    }
  });
});
