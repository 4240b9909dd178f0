// Issue 6's figures: purging N records (time, and the vault file's size before and after; target for
// 1M: at most 60 s and at most 20% of the size before) and the detection rules over N records
// (target for 1M: at most 10 s). Uses the built binary (npm run build) and the generator's records.
// Usage: node bench/retention.bench.mjs [--sizes 100000,1000000] [--dir /tmp/auditdesk-bench-retention]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'auditdesk.cjs');
const { values } = parseArgs({ options: { sizes: { type: 'string' }, dir: { type: 'string' } } });
const sizes = (values.sizes ?? '100000,1000000').split(',').map(Number);
const work = values.dir ?? '/tmp/auditdesk-bench-retention';
fs.mkdirSync(work, { recursive: true });
const env = { ...process.env, AUDITDESK_PASSPHRASE: 'bench passphrase' };

function measure(args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, bin, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const last = result.stderr.trim().split('\n').at(-1) ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  if (result.status !== 0) throw new Error(`auditdesk ${args.join(' ')} failed: ${result.stderr}`);
  return { seconds, rssMb: Math.round(kb / 1024), stdout: result.stdout };
}

const fileBytes = (vault) => ['', '-wal'].reduce((sum, s) => sum + (fs.existsSync(vault + s) ? fs.statSync(vault + s).size : 0), 0);
const mb = (bytes) => (bytes / 1e6).toFixed(1);

const rows = [];
for (const n of sizes) {
  const dir = path.join(work, String(n));
  fs.mkdirSync(dir, { recursive: true });
  const input = path.join(dir, 'records.ndjson');
  if (!fs.existsSync(input)) execFileSync(process.execPath, [bin, 'generate', input, '--records', String(n)], { env });
  const vault = path.join(dir, 'bench.vault');
  for (const f of fs.readdirSync(dir)) if (f.startsWith('bench.vault')) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
  execFileSync(process.execPath, [bin, 'init', vault], { env });
  // Detection is measured on its own below, not inside the import.
  execFileSync(process.execPath, [bin, 'violations', 'rules', vault, '--set', 'at_ingest=false'], { env, stdio: 'ignore' });
  execFileSync(process.execPath, [bin, 'import', vault, input], { env, stdio: 'ignore' });

  const detected = measure(['violations', 'detect', vault, '--json']);
  const detectResult = JSON.parse(detected.stdout);
  const raised = Object.values(detectResult.raised).reduce((a, b) => a + b, 0);
  const again = measure(['violations', 'detect', vault, '--json']);

  // Every generated record (2024) is past a 30-day retention, whatever its framework.
  execFileSync(process.execPath, [bin, 'violations', 'rules', vault], { env, stdio: 'ignore' });
  setPolicy(vault);
  execFileSync(process.execPath, [bin, 'checkpoint', vault, '--out', path.join(dir, 'cp.txt')], { env, stdio: 'ignore' });
  const before = fileBytes(vault);
  const purged = measure(['retention', vault, '--json', '--as-of', '2030-01-01']);
  const report = JSON.parse(purged.stdout);
  const after = fileBytes(vault);
  const verified = measure(['verify', vault, '--json']);
  const verify = JSON.parse(verified.stdout);
  rows.push({
    n, detectS: detected.seconds, raised, againS: again.seconds, purgeS: purged.seconds, purged: report.purge.count,
    before, after, ratio: after / before, verifyS: verified.seconds, verifyOk: verify.ok, rss: purged.rssMb,
  });
}

function setPolicy(vault) {
  // A short policy for every framework and for records without one; no archiving (measured apart).
  const days = JSON.stringify({ SOX: 30, PCI_DSS: 30, GDPR: 30, HIPAA: 30, BASEL_III: 30, ISO_27001: 30, DEFAULT: 30 });
  const script = `
    const Database = require(${JSON.stringify(path.join(root, 'node_modules', 'better-sqlite3'))});
    const db = new Database(${JSON.stringify(vault)});
    db.pragma("cipher = 'sqlcipher'"); db.pragma('legacy = 4'); db.pragma("key = 'bench passphrase'");
    db.prepare("UPDATE settings SET value = ? WHERE key = 'retention_days'").run(${JSON.stringify(days)});
    db.prepare("UPDATE settings SET value = 'null' WHERE key = 'archive_after_days'").run();
    db.close();`;
  execFileSync(process.execPath, ['-e', script], { env });
}

const lines = [
  '| records | detect (s) | violations raised | detect again (s) | purge + vacuum (s) | purged | vault before (MB) | after (MB) | after/before | verify after (s) | verify ok | purge peak RSS (MB) |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
  ...rows.map((r) => `| ${r.n.toLocaleString('en')} | ${r.detectS} | ${r.raised} | ${r.againS} | ${r.purgeS} | ${r.purged} | ${mb(r.before)} | ${mb(r.after)} | ${(r.ratio * 100).toFixed(1)}% | ${r.verifyS} | ${r.verifyOk} | ${r.rss} |`),
];
console.log(lines.join('\n'));
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results', 'retention.md'), `# Retention and detection (issue 6)\n\n${lines.join('\n')}\n\nTargets at 1M: purge ≤ 60 s and the vault ≤ 20% of its size before; detection ≤ 10 s.\n`);
