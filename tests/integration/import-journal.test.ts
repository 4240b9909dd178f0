// A CLI import writes through a rollback journal only when nothing else has the vault open
// (electron/core/vault/lone-writer-journal.ts): a vault held open elsewhere stays readable throughout.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { rollbackJournalIfAlone } from '../../electron/core/vault/lone-writer-journal';
import { openVault } from '../../electron/core/vault/open-vault';
import { BIN, PASSPHRASE, spawnCli } from '../support/cli';
import { logRecord } from '../support/records';
import { ndjson, tempDir, writeFile } from '../support/temp';

async function vaultWithTwoRecords(dir: string): Promise<string> {
  const vault = path.join(dir, 'v.vault');
  await spawnCli(['init', vault]);
  await spawnCli(['import', vault, writeFile(dir, 'first.ndjson', ndjson([logRecord(), logRecord()]))]);
  return vault;
}

describe('the journal of a CLI import', () => {
  it('a connection that has the vault open keeps reading it while the CLI imports a large file', async () => {
    const dir = tempDir();
    const vault = await vaultWithTwoRecords(dir);
    const big = path.join(dir, 'big.ndjson');
    expect((await spawnCli(['generate', big, '--records', '40000'])).code).toBe(0);

    const reader = openVault(vault, PASSPHRASE);
    const count = () => (reader.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
    const child = spawn(process.execPath, [BIN, 'import', vault, big], { env: { ...process.env, AUDITDESK_PASSPHRASE: PASSPHRASE } });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Under way: the import's transaction has written pages to the -wal.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const wal = `${vault}-wal`;
        if (fs.existsSync(wal) && fs.statSync(wal).size > 4 * 1024 * 1024) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    expect(count()).toBe(2); // the vault as it was, at once: not locked out by the import
    expect(await exited).toBe(0);
    expect(reader.prepare('SELECT count(*) AS n FROM records WHERE import_id = (SELECT max(id) FROM imports)').get()).toEqual({ n: 40000 });
    reader.close();
  });

  it('a lone CLI import leaves the vault in WAL mode, so readers can read beside the next writer', async () => {
    const dir = tempDir();
    const vault = await vaultWithTwoRecords(dir);
    const raw = new Database(vault, { readonly: true });
    raw.pragma(`cipher = 'sqlcipher'`);
    raw.pragma('legacy = 4');
    raw.key(Buffer.from(PASSPHRASE, 'utf8'));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const verified = await spawnCli(['verify', vault]);
    expect(verified.code, verified.stdout).toBe(0);
  });

  it('while a lone import holds the vault locked, opening it says the vault is busy, not that the passphrase is wrong', async () => {
    const dir = tempDir();
    const vault = await vaultWithTwoRecords(dir);
    const writer = openVault(vault, PASSPHRASE);
    const restore = rollbackJournalIfAlone(writer);
    // What a lone import's transaction holds once its first pages are written to the vault file.
    writer.exec('BEGIN EXCLUSIVE');
    expect(() => openVault(vault, PASSPHRASE)).toThrow(/is busy: another process is writing to it/);
    writer.exec('COMMIT');
    restore();
    writer.close();
    openVault(vault, PASSPHRASE).close();
  });
});
