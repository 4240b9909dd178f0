// A vault file damaged at rest (bytes of an encrypted page overwritten, as a disk or a careless tool
// would): verify must fail with a finding that says where, on one thread and on two. On two threads
// the records are read with SQLCipher's page MAC check off (verify's own hashes cover every byte it
// reads), so the damage shows as the record it garbled; on one thread the MAC catches the page.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../support/cli';
import { tempDir } from '../support/temp';

const PAGE = 4096;

describe('verify of a vault file damaged at rest', () => {
  it('exits 2 and names the vault position where reading failed, on one thread and on two', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.vault');
    const input = path.join(dir, 'in.ndjson');
    await spawnCli(['init', vault]);
    await spawnCli(['generate', input, '--records', '5000']);
    expect((await spawnCli(['import', vault, input])).code).toBe(0);
    const intact = await spawnCli(['verify', vault], { AUDITDESK_PARALLEL_MIN_RECORDS: '1' });
    expect(intact.code, intact.stderr).toBe(0);

    // A third of the way in the file is the records table (5,000 records fill most of its pages).
    const fd = fs.openSync(vault, 'r+');
    const page = Math.floor(fs.fstatSync(fd).size / PAGE / 3);
    fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, page * PAGE + 1500);
    fs.closeSync(fd);

    for (const threads of ['100000000', '1']) {
      const damaged = await spawnCli(['verify', vault], { AUDITDESK_PARALLEL_MIN_RECORDS: threads });
      expect(damaged.code, damaged.stderr).toBe(2);
      expect(damaged.stderr).toMatch(/vault position \d+/);
      expect(damaged.stderr).not.toMatch(/unexpected error/);
    }
  });
});
