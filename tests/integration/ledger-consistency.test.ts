// Issue 4: a consistency proof between any two checkpoints of a vault (`auditdesk consistency`),
// checked offline with only the vault's public key (`auditdesk verify-consistency`).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli, PASSPHRASE } from '../support/cli';
import { logRecord } from '../support/records';
import { ndjson, tempDir, writeFile } from '../support/temp';

async function grow(dir: string, vault: string, count: number, tag: string): Promise<string> {
  const records = Array.from({ length: count }, (_, i) => logRecord({ tenant: 'a', id: `${tag}-${i}`, new_data: { amount: i } }));
  expect((await cli(['import', vault, writeFile(dir, `${tag}.ndjson`, ndjson(records))])).code).toBe(0);
  const checkpoint = path.join(dir, `${tag}.checkpoint`);
  expect((await cli(['checkpoint', vault, '--out', checkpoint])).code).toBe(0);
  return checkpoint;
}

async function vaultWithCheckpoint() {
  const dir = tempDir();
  const vault = path.join(dir, 'v.vault');
  const init = await cli(['init', vault]);
  const vkey = /public key: (\S+)/.exec(init.stdout)![1]!;
  const first = await grow(dir, vault, 30, 'first');
  return { dir, vault, vkey, first };
}

/** The same vault, copied with its signing key: a second history that shares the first 30 records. */
function fork(dir: string, vault: string): string {
  const copy = path.join(dir, 'fork.vault');
  fs.copyFileSync(vault, copy);
  fs.copyFileSync(`${vault}.signing-key`, `${copy}.signing-key`);
  return copy;
}

async function verifyConsistency(file: string, vkey: string) {
  const run = await cli(['verify-consistency', file, '--key', vkey, '--json']);
  return { code: run.code, result: JSON.parse(run.stdout) };
}

describe('auditdesk consistency and verify-consistency', () => {
  it('honest growth is proven, between two checkpoint files or up to now', async () => {
    const { dir, vault, vkey, first } = await vaultWithCheckpoint();
    const second = await grow(dir, vault, 20, 'second');
    await grow(dir, vault, 7, 'third');
    const between = path.join(dir, 'between.json');
    expect((await cli(['consistency', vault, '--old', first, '--new', second, '--out', between])).code).toBe(0);
    expect(await verifyConsistency(between, vkey)).toMatchObject({ code: 0, result: { ok: true, old: { size: 30 }, new: { size: 50 } } });
    const upToNow = path.join(dir, 'now.json');
    expect((await cli(['consistency', vault, '--old', first, '--out', upToNow])).code).toBe(0);
    expect(await verifyConsistency(upToNow, vkey)).toMatchObject({ code: 0, result: { old: { size: 30 }, new: { size: 57 } } });
    const text = await cli(['verify-consistency', upToNow, '--key', vkey]);
    expect(text.stdout).toMatch(/^ok: the log \S+ of 57 records extends its log of 30/);
  });

  it('a forked history fails: the vault refuses to prove it, and a proof doctored to claim it does not verify', async () => {
    const { dir, vault, vkey } = await vaultWithCheckpoint();
    const copy = fork(dir, vault);
    const ours = await grow(dir, vault, 5, 'ours');
    const theirs = await grow(dir, copy, 5, 'theirs');
    const theirsLater = await grow(dir, copy, 5, 'later');
    const refused = await cli(['consistency', copy, '--old', ours, '--new', theirsLater, '--out', path.join(dir, 'x.json')]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^NOT CONSISTENT/);
    expect(fs.existsSync(path.join(dir, 'x.json'))).toBe(false);
    // Take their honest proof and pass our checkpoint (same size, other records) off as its start.
    const honest = path.join(dir, 'honest.json');
    expect((await cli(['consistency', copy, '--old', theirs, '--new', theirsLater, '--out', honest])).code).toBe(0);
    const doctored = JSON.parse(fs.readFileSync(honest, 'utf8'));
    doctored.old = fs.readFileSync(ours, 'utf8');
    fs.writeFileSync(honest, JSON.stringify(doctored));
    expect(await verifyConsistency(honest, vkey)).toMatchObject({ code: 1, result: { ok: false, stage: 'consistency' } });
  });

  it('a record rewritten in the vault file after a checkpoint: no proof from that checkpoint', async () => {
    const { dir, vault, first } = await vaultWithCheckpoint();
    await grow(dir, vault, 10, 'more');
    const db = new Database(vault);
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = '${PASSPHRASE}'`);
    db.prepare(`UPDATE records SET canonical = replace(canonical, '"amount":4', '"amount":5') WHERE pos = 5`).run();
    db.close();
    const run = await cli(['consistency', vault, '--old', first, '--out', path.join(dir, 'x.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/no longer the one these checkpoints signed/);
  });

  it('refuses a checkpoint signed by another key, and an old checkpoint newer than the new one', async () => {
    const { dir, vault, first } = await vaultWithCheckpoint();
    const second = await grow(dir, vault, 3, 'second');
    const other = await vaultWithCheckpoint();
    const foreign = await cli(['consistency', vault, '--old', other.first, '--out', path.join(dir, 'x.json')]);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/not a checkpoint of this vault/);
    const swapped = await cli(['consistency', vault, '--old', second, '--new', first, '--out', path.join(dir, 'x.json')]);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toMatch(/swap them/);
  });
});
