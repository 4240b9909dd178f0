// `npm run bench` (ledger part): bundles bench/ledger-entry.ts with rolldown (Vite's bundler, already
// installed) and runs it on the 1M-record vault that bench/engine.mjs leaves in /tmp/auditdesk-bench.
// Usage: node bench/ledger.bench.mjs [VAULT PASSPHRASE]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'rolldown';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join('/tmp', `auditdesk-ledger-bench-${process.pid}.cjs`);
await build({
  input: path.join(root, 'bench/ledger-entry.ts'),
  platform: 'node',
  external: ['better-sqlite3'],
  output: { file: out, format: 'cjs' },
  logLevel: 'silent',
});
const vault = process.argv[2] ?? '/tmp/auditdesk-bench/1000000/bench.vault';
const passphrase = process.argv[3] ?? 'bench passphrase';
const args = fs.existsSync(vault) ? [vault, passphrase] : [];
if (!args.length) console.log(`(no vault at ${vault}: run bench/engine.mjs first for the proof and checkpoint figures)`);
const run = spawnSync(process.execPath, [out, ...args], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') } });
fs.rmSync(out, { force: true });
process.stdout.write(run.stdout);
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results', 'ledger.md'), run.stdout);
process.exit(run.status ?? 1);
