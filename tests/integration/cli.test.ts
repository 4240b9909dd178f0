// The real binary in a child process: exit codes, output streams, and a real kill in mid-import.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVault } from '../../electron/core/vault/open-vault';
import { BIN, PASSPHRASE, spawnCli } from '../support/cli';
import { chainByHand, logRecord } from '../support/records';
import { ndjson, tempDir, writeFile } from '../support/temp';

describe('the auditdesk binary', () => {
  it('round-trips: init, import, verify, export, verify-file, with CONTRACT §3 exit codes', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.vault');
    expect((await spawnCli(['init', vault])).code).toBe(0);
    const file = writeFile(dir, 'a.ndjson', ndjson([logRecord(), logRecord({ tenant: 't2' }), logRecord()]));
    const imported = await spawnCli(['import', vault, file]);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toMatch(/3 imported, 0 duplicates skipped, 0 conflicts kept aside/);

    const verified = await spawnCli(['verify', vault, '--json']);
    expect(verified.code).toBe(0);
    const report = JSON.parse(verified.stdout);
    expect(report).toMatchObject({ ok: true, records: 3 });
    expect(report.chains.map((c: { tenant: string; records: number }) => [c.tenant, c.records])).toEqual([['t1', 2], ['t2', 1]]);

    for (const format of ['ndjson', 'json', 'csv']) {
      const out = path.join(dir, `out.${format}`);
      expect((await spawnCli(['export', vault, '--out', out, '--format', format])).code).toBe(0);
      const checked = await spawnCli(['verify-file', out, '--json']);
      expect(checked.code, checked.stderr).toBe(0);
      expect(JSON.parse(checked.stdout)).toMatchObject({ ok: true, records: 3 });
    }
  });

  it('verify-file exits 1 on a break and names it; --head catches a cut tail', async () => {
    const dir = tempDir();
    const records = chainByHand([logRecord(), logRecord(), logRecord(), logRecord()]);
    const whole = writeFile(dir, 'whole.ndjson', ndjson(records));
    const cut = writeFile(dir, 'cut.ndjson', ndjson(records.slice(0, 2)));
    expect((await spawnCli(['verify-file', whole])).code).toBe(0);
    const head = `t1:4:${records[3]!.audit_hash}`;
    const truncated = await spawnCli(['verify-file', cut, '--head', head, '--json']);
    expect(truncated.code).toBe(1);
    expect(JSON.parse(truncated.stdout).chains[0].break).toMatchObject({ seq: 3, kind: 'truncated' });
    const human = await spawnCli(['verify-file', cut, '--head', head]);
    expect(human.stdout).toMatch(/BROKEN {2}t1: 2 records, first break at seq 3: truncated/);
  });

  it('verify-file of a record without chain fields is bad input naming the line', async () => {
    const dir = tempDir();
    const run = await spawnCli(['verify-file', writeFile(dir, 'x.ndjson', ndjson([logRecord()]))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/x\.ndjson line 1: field seq is required/);
  });

  it('says what is wrong with the command line, and exits 2', async () => {
    expect(await spawnCli(['frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown command "frobnicate"/) });
    expect(await spawnCli(['export', 'v.vault'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--out FILE is required/) });
    expect(await spawnCli(['verify', 'v.vault', '--bogus'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown option '--bogus'/) });
  });

  it('reads the passphrase from --passphrase-file when the environment has none', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.vault');
    const secret = writeFile(dir, 'pass.txt', `${PASSPHRASE}\n`);
    expect((await spawnCli(['init', vault, '--passphrase-file', secret], { AUDITDESK_PASSPHRASE: '' })).code).toBe(0);
    expect((await spawnCli(['verify', vault, '--passphrase-file', secret], { AUDITDESK_PASSPHRASE: '' })).code).toBe(0);
    const none = await spawnCli(['verify', vault], { AUDITDESK_PASSPHRASE: '' });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no passphrase: set AUDITDESK_PASSPHRASE, pass --passphrase-file FILE/);
  });

  it('prints no progress when stderr is not a terminal', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.vault');
    await spawnCli(['init', vault]);
    const run = await spawnCli(['import', vault, writeFile(dir, 'a.ndjson', ndjson([logRecord()]))]);
    expect(run.stderr).toBe('');
  });

  it('a process killed in the middle of an import leaves a vault holding none of that file', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.vault');
    await spawnCli(['init', vault]);
    await spawnCli(['import', vault, writeFile(dir, 'first.ndjson', ndjson([logRecord(), logRecord()]))]);
    const big = path.join(dir, 'big.ndjson');
    expect((await spawnCli(['generate', big, '--records', '60000'])).code).toBe(0);

    const sizeBefore = fs.statSync(vault).size;
    const child = spawn(process.execPath, [BIN, 'import', vault, big], { env: { ...process.env, AUDITDESK_PASSPHRASE: PASSPHRASE } });
    // Kill once the import is well under way: its transaction has written pages by then, into the vault
    // itself (a lone CLI import writes through a rollback journal) or into the -wal.
    const written = () => fs.statSync(vault).size - sizeBefore + (fs.existsSync(`${vault}-wal`) ? fs.statSync(`${vault}-wal`).size : 0);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (written() > 4 * 1024 * 1024) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));
    // What the killed import left on disk is ciphertext too: the vault, and its journal or -wal.
    for (const suffix of ['', '-journal', '-wal']) {
      if (!fs.existsSync(vault + suffix)) continue;
      const bytes = fs.readFileSync(vault + suffix);
      expect(bytes.includes(Buffer.from('@example.'))).toBe(false);
      expect(bytes.includes(Buffer.from('"tenant"'))).toBe(false);
    }

    // Read-only first (as verify-report opens it): the interrupted import is rolled back all the same.
    const db = openVault(vault, PASSPHRASE, { readonly: true });
    const n = (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
    const imports = (db.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n;
    db.close();
    expect(n).toBe(2);
    expect(imports).toBe(1);
    const verified = await spawnCli(['verify', vault]);
    expect(verified.code).toBe(0);
    // And the same file imports completely afterwards.
    const again = await spawnCli(['import', vault, big, '--json']);
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ ok: true, imported: 60000 });
  });
});

describe('verify-file on a large export (two worker threads)', () => {
  it('verifies, and names breaks and bad lines by their line in the whole file', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.vault');
    await spawnCli(['init', vault]);
    const input = path.join(dir, 'in.ndjson');
    await spawnCli(['generate', input, '--records', '24000']);
    expect((await spawnCli(['import', vault, input])).code).toBe(0);
    const exported = path.join(dir, 'export.ndjson');
    await spawnCli(['export', vault, '--out', exported]);
    expect(fs.statSync(exported).size).toBeGreaterThan(16 * 1024 * 1024);

    const lines = fs.readFileSync(exported, 'utf8').split('\n');
    const ok = await spawnCli(['verify-file', exported, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, records: lines.filter(Boolean).length });

    const target = 20000; // in the second half of the file
    const record = JSON.parse(lines[target - 1]!);
    const edited = [...lines];
    edited[target - 1] = lines[target - 1]!.replace(/"resource_name":"[^"]*"/, '"resource_name":"changed"');
    const broken = writeFile(dir, 'broken.ndjson', edited.join('\n'));
    const run = await spawnCli(['verify-file', broken, '--json']);
    expect(run.code).toBe(1);
    const chain = JSON.parse(run.stdout).chains.find((c: { tenant: string }) => c.tenant === record.tenant);
    expect(chain.break).toMatchObject({ seq: record.seq, kind: 'hash_mismatch' });
    expect(chain.break.detail).toContain(`broken.ndjson line ${target}`);

    const garbled = [...lines];
    garbled[target - 1] = '{"oops": ';
    const bad = await spawnCli(['verify-file', writeFile(dir, 'garbled.ndjson', garbled.join('\n'))]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(new RegExp(`garbled\\.ndjson line ${target}: invalid JSON`));
  });
});

describe('verify on two worker threads', () => {
  it('gives the same report as one thread, on an honest vault and on a tampered one', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.vault');
    await spawnCli(['init', vault]);
    const input = path.join(dir, 'in.ndjson');
    await spawnCli(['generate', input, '--records', '10000']);
    await spawnCli(['import', vault, input]);
    await spawnCli(['import', vault, writeFile(dir, 'more.ndjson', ndjson([logRecord({ tenant: 'late' })]))]);
    const serial = { AUDITDESK_PARALLEL_MIN_RECORDS: '100000000' };
    const parallel = { AUDITDESK_PARALLEL_MIN_RECORDS: '1' };

    const one = await spawnCli(['verify', vault, '--json'], serial);
    const two = await spawnCli(['verify', vault, '--json'], parallel);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));

    // Edit a record past the split (positions 4097 and up are the second thread's at this size).
    const db = new (await import('better-sqlite3')).default(vault);
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = '${PASSPHRASE}'`);
    db.prepare(`UPDATE records SET canonical = replace(canonical, '"kind":"log"', '"kind":"log","x":1') WHERE pos = (SELECT min(pos) FROM records WHERE pos > 7000 AND kind = 'log')`).run();
    db.close();
    // The first verify of a broken vault records its alarms in the vault; compare runs after that.
    await spawnCli(['verify', vault], serial);
    const brokenOne = await spawnCli(['verify', vault, '--json'], serial);
    const brokenTwo = await spawnCli(['verify', vault, '--json'], parallel);
    expect(brokenTwo.code).toBe(1);
    const a = JSON.parse(brokenOne.stdout);
    const b = JSON.parse(brokenTwo.stdout);
    expect(b.chains).toEqual(a.chains);
    expect(b.ledger.problems.map((p: { kind: string }) => p.kind)).toEqual(a.ledger.problems.map((p: { kind: string }) => p.kind));
    expect(b.chains.filter((c: { ok: boolean }) => !c.ok)).toHaveLength(1);
  });
});

describe('progress on a terminal', () => {
  it('shows records and percent on stderr while importing, and clears the line at the end', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'v.vault');
    await spawnCli(['init', vault]);
    const input = path.join(dir, 'in.ndjson');
    await spawnCli(['generate', input, '--records', '20000']);
    // `script` gives the command a pseudo-terminal, as an auditor's shell would.
    const { execFileSync } = await import('node:child_process');
    const screen = execFileSync('script', ['-qec', `${process.execPath} ${BIN} import ${vault} ${input}`, '/dev/null'], {
      env: { ...process.env, AUDITDESK_PASSPHRASE: PASSPHRASE },
      encoding: 'utf8',
    });
    expect(screen).toMatch(/in\.ndjson: [\d,]+ records \d+%/);
    expect(screen).toMatch(/20000 imported/);
  });
});
