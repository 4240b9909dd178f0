// Issue 4: a filtered export carries proofs, so each record verifies on its own against the vault's
// signed checkpoint, offline, with only the vault's public key (docs/ledger-formats.md §8).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { logRecord } from '../support/records';
import { ndjson, tempDir, writeFile } from '../support/temp';

/** A vault of 300 records (more than one 256-leaf block of the ledger), a third of them tenant "a". */
async function exportedWithProofs() {
  const dir = tempDir();
  const vault = path.join(dir, 'v.vault');
  const init = await cli(['init', vault]);
  const vkey = /public key: (\S+)/.exec(init.stdout)![1]!;
  const records = Array.from({ length: 300 }, (_, i) => logRecord({ tenant: i % 3 ? 'b' : 'a', id: `r${i}`, new_data: { amount: i } }));
  expect((await cli(['import', vault, writeFile(dir, 'in.ndjson', ndjson(records))])).code).toBe(0);
  const out = path.join(dir, 'a.ndjson');
  const run = await cli(['export', vault, '--out', out, '--tenant', 'a', '--proofs']);
  expect(run.code).toBe(0);
  return { dir, vault, vkey, out, bundle: `${out}.proofs` };
}

async function verifyExport(out: string, bundle: string, vkey: string) {
  const run = await cli(['verify-proof', out, '--proofs', bundle, '--key', vkey, '--json']);
  return { code: run.code, report: JSON.parse(run.stdout), text: (await cli(['verify-proof', out, '--proofs', bundle, '--key', vkey])).stdout };
}

const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
const keep = (file: string, wanted: (line: string, i: number) => boolean) =>
  fs.writeFileSync(file, lines(file).filter(wanted).map((l) => `${l}\n`).join(''));

describe('auditdesk export --proofs and verify-proof --proofs', () => {
  it('every record of a filtered export verifies against the signed checkpoint', async () => {
    const { out, bundle, vkey } = await exportedWithProofs();
    expect(lines(out)).toHaveLength(100);
    const { code, report, text } = await verifyExport(out, bundle, vkey);
    expect(code).toBe(0);
    expect(report).toMatchObject({ ok: true, records: 100, verified: 100, failures: [], unused: [] });
    expect(report.checkpoint.size).toBe(300);
    expect(text).toMatch(/^ok: all 100 records are in the log/);
  });

  it('a changed byte in one record is named by file and line, and the others still verify', async () => {
    const { out, bundle, vkey } = await exportedWithProofs();
    const all = lines(out);
    all[4] = all[4]!.replace('"amount":12', '"amount":13');
    fs.writeFileSync(out, all.map((l) => `${l}\n`).join(''));
    const { code, report, text } = await verifyExport(out, bundle, vkey);
    expect(code).toBe(1);
    expect(report).toMatchObject({ ok: false, records: 100, verified: 99 });
    expect(report.failures).toEqual([expect.objectContaining({ file: out, line: 5 })]);
    expect(text).toContain(`${out}:5: FAILED`);
  });

  it('records removed from the export and the bundle leave the others verifiable', async () => {
    const { out, bundle, vkey } = await exportedWithProofs();
    keep(out, (_l, i) => i !== 10 && i !== 11);
    keep(bundle, (_l, i) => i !== 11); // line 1 is the header: entry 11 is the record of export line 11
    const { code, report, text } = await verifyExport(out, bundle, vkey);
    expect(code).toBe(0);
    expect(report).toMatchObject({ ok: true, records: 98, verified: 98 });
    expect(report.unused).toEqual([expect.objectContaining({ line: 12 })]);
    expect(text).toMatch(/1 proofs in the bundle have no record in the export/);
  });

  it("a record whose proof was taken out of the bundle is named; the others verify", async () => {
    const { out, bundle, vkey } = await exportedWithProofs();
    keep(bundle, (_l, i) => i !== 3);
    const { code, report } = await verifyExport(out, bundle, vkey);
    expect(code).toBe(1);
    expect(report.verified).toBe(99);
    expect(report.failures).toEqual([expect.objectContaining({ line: 3, reason: expect.stringMatching(/no proof/) })]);
  });

  it("a bundle checked with another vault's key is refused", async () => {
    const { out, bundle } = await exportedWithProofs();
    const other = await exportedWithProofs();
    const run = await cli(['verify-proof', out, '--proofs', bundle, '--key', other.vkey]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/checkpoint is refused/);
  });

  it('asks for NDJSON, where a record is one line', async () => {
    const { dir, vault } = await exportedWithProofs();
    const run = await cli(['export', vault, '--out', path.join(dir, 'a.csv'), '--proofs']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--format ndjson/);
  });
});

describe('docs/ledger-formats.md §8: checking an export without AuditDesk', () => {
  const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/ledger-formats.md'), 'utf8');
  const script = (name: string) => new RegExp(`<!-- ${name.replace('.', '\\.')} -->\n\`\`\`js\n([\\s\\S]*?)\`\`\``).exec(doc)?.[1];
  const node = (args: string[]) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, args, { encoding: 'utf8' }) };
    } catch (e) {
      return { code: (e as { status: number }).status, out: (e as { stdout: string }).stdout };
    }
  };

  it("splits an export into tlog-proof files that §5's checker verifies, and fails the changed one", async () => {
    const { dir, out, bundle, vkey } = await exportedWithProofs();
    const all = lines(out);
    all[1] = all[1]!.replace('"amount":3', '"amount":4');
    fs.writeFileSync(out, all.map((l) => `${l}\n`).join(''));
    const split = writeFile(dir, 'split-export.mjs', script('split-export.mjs')!);
    const check = writeFile(dir, 'check-proof.mjs', script('check-proof.mjs')!);
    node([split, out, bundle, path.join(dir, 'split')]);
    const checkLine = (n: number) => node([check, path.join(dir, 'split', `line-${n}.tlog-proof`), vkey, path.join(dir, 'split', `line-${n}.leaf`)]);
    expect(checkLine(1)).toMatchObject({ code: 0, out: expect.stringMatching(/^VERIFIED: entry 0 is in/) });
    expect(checkLine(100)).toMatchObject({ code: 0 });
    expect(checkLine(2)).toMatchObject({ code: 1, out: expect.stringMatching(/^NOT VERIFIED/) });
  });
});
