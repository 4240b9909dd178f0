// A vault file damaged at rest (bytes of an encrypted page overwritten, as a disk or a careless tool
// would): verify must fail with a finding that says where, on one thread and on two. On two threads
// the records are read with SQLCipher's page MAC check off (verify's own hashes cover every byte it
// reads), so the damage shows as the record it garbled; on one thread the MAC catches the page.
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../support/cli';
import { damageRecordsPage } from '../support/damage';
import { generatedVault } from '../support/generated-vault';

describe('verify of a vault file damaged at rest', () => {
  it('fails and names where, on one thread and on two', async () => {
    const { vault } = await generatedVault(5000);
    const intact = await spawnCli(['verify', vault], { AUDITDESK_PARALLEL_MIN_RECORDS: '1' });
    expect(intact.code, intact.stderr).toBe(0);

    damageRecordsPage(vault);

    for (const threads of ['100000000', '1']) {
      const damaged = await spawnCli(['verify', vault], { AUDITDESK_PARALLEL_MIN_RECORDS: threads });
      // 2 when a record cannot be read at all, 1 when it reads but no longer hashes to its audit_hash.
      expect([1, 2], damaged.stderr).toContain(damaged.code);
      expect(damaged.stdout + damaged.stderr).toMatch(/vault position \d+|seq \d+/);
      expect(damaged.stderr).not.toMatch(/unexpected error/);
    }
  });
});
