// `npm run bench` (engine part): import, verify, export and verify-file at 10k, 100k and 1M records,
// with the sqlite3 shell's .import and sha256sum of the same data as yardsticks (issue 2's figures).
// Usage: node bench/engine.mjs [--sizes 10000,100000,1000000] [--dir /tmp/auditdesk-bench]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { csvForYardstick } from './yardstick-csv.mjs';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'auditdesk.cjs');
const { values } = parseArgs({ options: { sizes: { type: 'string' }, dir: { type: 'string' } } });
const sizes = (values.sizes ?? '10000,100000,1000000').split(',').map(Number);
const work = values.dir ?? '/tmp/auditdesk-bench';
fs.mkdirSync(work, { recursive: true });
const env = { ...process.env, AUDITDESK_PASSPHRASE: 'bench passphrase' };

/** Runs a command under GNU time: wall seconds and peak RSS in MB. */
function measure(cmd, args, options = {}) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  const last = result.stderr.trim().split('\n').at(-1) ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  if (result.status !== 0 && result.status !== 1) throw new Error(`${cmd} ${args.join(' ')} failed: ${result.stderr}`);
  return { seconds, rssMb: Math.round(kb / 1024) };
}

const rows = [];
for (const n of sizes) {
  const dir = path.join(work, String(n));
  fs.mkdirSync(dir, { recursive: true });
  const input = path.join(dir, 'records.ndjson');
  if (!fs.existsSync(input)) execFileSync(process.execPath, [bin, 'generate', input, '--records', String(n)], { env });
  const csv = path.join(dir, 'records.csv');
  if (!fs.existsSync(csv)) await csvForYardstick(input, csv);

  const vault = path.join(dir, 'bench.vault');
  for (const f of fs.readdirSync(dir)) if (f.startsWith('bench.vault')) fs.rmSync(path.join(dir, f));
  execFileSync(process.execPath, [bin, 'init', vault], { env });
  const imported = measure(process.execPath, [bin, 'import', vault, input]);

  const plain = path.join(dir, 'yardstick.db');
  fs.rmSync(plain, { force: true });
  const sql = [
    'CREATE TABLE records(id TEXT PRIMARY KEY, kind TEXT, tenant TEXT, user TEXT, timestamp TEXT, operation TEXT, resource_type TEXT, resource_id TEXT, seq INTEGER, data TEXT);',
    'CREATE INDEX r1 ON records(tenant, timestamp);',
    'CREATE INDEX r2 ON records(tenant, operation);',
    'CREATE INDEX r3 ON records(resource_type, resource_id);',
    'CREATE INDEX r4 ON records(user);',
    'CREATE UNIQUE INDEX r5 ON records(tenant, seq);',
    '.mode csv',
    `.import ${csv} records`,
    '',
  ].join('\n');
  const yardstick = measure('sqlite3', [plain], { input: sql });

  const verified = measure(process.execPath, [bin, 'verify', vault]);
  const exported = path.join(dir, 'export.ndjson');
  const exportRun = measure(process.execPath, [bin, 'export', vault, '--out', exported]);
  const verifyFile = measure(process.execPath, [bin, 'verify-file', exported]);
  const sha = measure('sha256sum', [exported]);
  rows.push({
    records: n,
    inputMb: +(fs.statSync(input).size / 1e6).toFixed(1),
    exportMb: +(fs.statSync(exported).size / 1e6).toFixed(1),
    vaultMb: +(fs.statSync(vault).size / 1e6).toFixed(1),
    import: imported, sqliteImport: yardstick, verify: verified, export: exportRun, verifyFile, sha256sum: sha,
  });
}

const rate = (n, s) => `${Math.round(n / s).toLocaleString('en')}/s`;
const lines = [
  '| records | import (s, rec/s, RSS) | sqlite3 .import (s) | import ÷ yardstick | verify (s, RSS) | export (s) | verify-file (s, RSS) | sha256sum export (s) | verify ÷ sha | verify-file ÷ sha |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) =>
    `| ${r.records.toLocaleString('en')} | ${r.import.seconds} s, ${rate(r.records, r.import.seconds)}, ${r.import.rssMb} MB | ${r.sqliteImport.seconds} | ${(r.import.seconds / r.sqliteImport.seconds).toFixed(2)}× | ${r.verify.seconds} s, ${r.verify.rssMb} MB | ${r.export.seconds} | ${r.verifyFile.seconds} s, ${r.verifyFile.rssMb} MB | ${r.sha256sum.seconds} | ${(r.verify.seconds / r.sha256sum.seconds).toFixed(2)}× | ${(r.verifyFile.seconds / r.sha256sum.seconds).toFixed(2)}× |`),
];
console.log(lines.join('\n'));
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results', 'engine.json'), JSON.stringify(rows, null, 2));
fs.writeFileSync(path.join(root, 'bench-results', 'engine.md'), `${lines.join('\n')}\n`);
