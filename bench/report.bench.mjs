// Issue 5's figures: the time of `auditdesk report` (compute, render, sign, record) over every tenant of
// an N-record vault (target at 1M: 5 s), before and after `auditdesk verify` (after it, the records it
// re-hashed are read from the report index), and the size of a ~100-page report (target: under 2 MB).
// Works on copies of the prebuilt benchmark vaults (bench/engine.mjs leaves them in
// /tmp/auditdesk-bench/N/bench.vault): a report appends its export record to the vault.
// Usage: node bench/report.bench.mjs [--sizes 100000,1000000] [--rows 1100] [--dir /tmp/auditdesk-bench-report]
// Time it alone: flock /tmp/bench.lock node bench/report.bench.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'auditdesk.cjs');
const { values } = parseArgs({
  options: { sizes: { type: 'string' }, rows: { type: 'string' }, dir: { type: 'string' }, source: { type: 'string' } },
});
const sizes = (values.sizes ?? '100000,1000000').split(',').map(Number);
// Rows listed per table in the long report: SOX has six tables, so ~1,100 rows each make ~100 pages.
const longRows = values.rows ?? '1100';
const source = values.source ?? '/tmp/auditdesk-bench';
const work = values.dir ?? '/tmp/auditdesk-bench-report';
fs.mkdirSync(work, { recursive: true });
const env = { ...process.env, AUDITDESK_PASSPHRASE: 'bench passphrase', AUDITDESK_IDENTITY_PASSPHRASE: 'bench identity' };
const identity = path.join(work, 'bench-identity.p12');

function measure(args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', process.execPath, bin, ...args], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`auditdesk ${args.join(' ')} failed: ${result.stderr}`);
  const [seconds, kb, user, sys] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  return { seconds, cpu: Math.round((user + sys) * 100) / 100, rssMb: Math.round(kb / 1024) };
}

const pagesOf = (pdf) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);

function copyVault(n) {
  const dir = path.join(work, String(n));
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) if (f.startsWith('bench.vault')) fs.rmSync(path.join(dir, f));
  for (const f of ['bench.vault', 'bench.vault.signing-key']) fs.copyFileSync(path.join(source, String(n), f), path.join(dir, f));
  forgetVerification(path.join(dir, 'bench.vault'));
  return dir;
}

/**
 * bench/engine.mjs verified the source vault, which a report would stand on: the copy forgets it, as a
 * vault imported and never verified is (a vault of an older AuditDesk has no such table yet).
 */
function forgetVerification(vault) {
  const db = new Database(vault);
  try {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.key(Buffer.from(env.AUDITDESK_PASSPHRASE, 'utf8'));
    const has = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'last_verification'").get();
    if (has) db.prepare('DELETE FROM last_verification').run();
  } finally {
    db.close();
  }
}

if (!fs.existsSync(identity)) {
  // The identity is made once, by a small report that is not timed.
  const dir = copyVault(sizes[0]);
  execFileSync(process.execPath, [bin, 'report', path.join(dir, 'bench.vault'), '--framework', 'SOX', '--from', '2024-01-01',
    '--to', '2024-01-02', '--out', path.join(dir, 'warm-up.pdf'), '--create-identity', 'Bench,bench@auditdesk.example,AuditDesk',
    '--identity', identity], { env, stdio: 'ignore' });
}

const report = (vault, out, extra = []) => measure(['report', vault, '--framework', 'SOX', '--from', '2024-01-01',
  '--to', '2025-01-01', '--out', out, '--identity', identity, ...extra]);

const rows = [];
const verifies = [];
for (const n of sizes) {
  const dir = copyVault(n);
  const vault = path.join(dir, 'bench.vault');
  // First a run that only warms the OS file cache (the copy just written; a vault made by an older
  // AuditDesk is upgraded then), then the measured ones: before any verify, every record is
  // re-hashed; after `auditdesk verify`, the records it re-hashed are read from the report index
  // (docs/reports.md, "A verified vault").
  report(vault, path.join(dir, 'warm.pdf'));
  const unverified = path.join(dir, 'report-unverified.pdf');
  rows.push({ n, vault: 'never verified', ...report(vault, unverified), pages: pagesOf(unverified), bytes: fs.statSync(unverified).size, rows: 500 });
  verifies.push({ n, ...measure(['verify', vault]) });
  const pdf = path.join(dir, 'report.pdf');
  rows.push({ n, vault: 'verified', ...report(vault, pdf), pages: pagesOf(pdf), bytes: fs.statSync(pdf).size, rows: 500 });
  if (n === sizes[0]) {
    const long = path.join(dir, 'report-long.pdf');
    const t = report(vault, long, ['--rows', longRows]);
    rows.push({ n, vault: 'verified', ...t, pages: pagesOf(long), bytes: fs.statSync(long).size, rows: Number(longRows) });
  }
}

const lines = [
  '| records | vault | rows per table | report (s) | CPU user+sys (s) | peak RSS (MB) | pages | bytes | bytes per page |',
  '|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.n.toLocaleString('en')} | ${r.vault} | ${r.rows} | ${r.seconds} | ${r.cpu} | ${r.rssMb} | ${r.pages} | ${r.bytes.toLocaleString('en')} | ${Math.round(r.bytes / r.pages).toLocaleString('en')} |`),
  '',
  ...verifies.map((v) => `\`auditdesk verify\` between the two, ${v.n.toLocaleString('en')} records: ${v.seconds} s.`),
];
console.log(lines.join('\n'));
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results', 'report.md'),
  `# Compliance report (issue 5)\n\nSOX, every tenant, all of 2024, signed PDF.\n\n${lines.join('\n')}\n\nTargets: 1M records in at most 5 s (a verified vault); 100 pages under 2 MB.\n`);
