// Detection alone (issue 6's "detection rules over 1M records: at most 10 s"), without paying for the
// import and the purge at every try as bench/retention.bench.mjs does: imports the generator's records
// once (detection at ingest off) into DIR/N/imported.vault, then times `violations detect` twice (a
// first run, and a re-run that raises nothing) on a fresh copy of it, for each --bin given (e.g. an
// older build to compare with). Uses the built binary (npm run build).
// Usage: flock /tmp/bench.lock node bench/detect.bench.mjs [--records 1000000] [--dir /tmp/auditdesk-bench-detect]
//        [--bin other/bin/auditdesk.cjs ...] [--rounds 1]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { records: { type: 'string' }, dir: { type: 'string' }, bin: { type: 'string', multiple: true }, rounds: { type: 'string' } },
});
const n = Number(values.records ?? 1_000_000);
const dir = path.join(values.dir ?? '/tmp/auditdesk-bench-detect', String(n));
const bins = values.bin ?? [path.join(root, 'bin', 'auditdesk.cjs')];
const env = { ...process.env, AUDITDESK_PASSPHRASE: 'bench passphrase' };
fs.mkdirSync(dir, { recursive: true });

const imported = path.join(dir, 'imported.vault');
if (!fs.existsSync(imported)) {
  const input = path.join(dir, 'records.ndjson');
  if (!fs.existsSync(input)) execFileSync(process.execPath, [bins[0], 'generate', input, '--records', String(n)], { env });
  execFileSync(process.execPath, [bins[0], 'init', imported], { env, stdio: 'ignore' });
  execFileSync(process.execPath, [bins[0], 'violations', 'rules', imported, '--set', 'at_ingest=false'], { env, stdio: 'ignore' });
  execFileSync(process.execPath, [bins[0], 'import', imported, input], { env, stdio: 'ignore' });
}

function measure(bin, vault) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, bin, 'violations', 'detect', vault, '--json'], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`violations detect failed: ${result.stderr}`);
  const [seconds, user, sys] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  const raised = Object.values(JSON.parse(result.stdout).raised).reduce((a, b) => a + b, 0);
  return { seconds, cpu: +(user + sys).toFixed(2), raised };
}

const rows = [];
for (let round = 0; round < Number(values.rounds ?? 1); round++) {
  for (const bin of bins) {
    const work = path.join(dir, 'work');
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work);
    for (const f of fs.readdirSync(dir)) if (f.startsWith('imported.vault')) fs.copyFileSync(path.join(dir, f), path.join(work, f));
    // The copy's pages are written out first, or the first fsync of the run would wait for them.
    execFileSync('sync');
    const vault = path.join(work, 'imported.vault');
    const first = measure(bin, vault);
    const again = measure(bin, vault);
    const name = bin.startsWith(root) ? path.relative(root, bin) : bin;
    rows.push(`| ${name} | ${n.toLocaleString('en')} | ${first.seconds} | ${first.cpu} | ${first.raised} | ${again.seconds} | ${again.cpu} |`);
  }
}
const table = ['| binary | records | detect (s) | CPU (s) | raised | again (s) | CPU (s) |', '|---|---:|---:|---:|---:|---:|---:|', ...rows].join('\n');
console.log(table);
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results', 'detect.md'), `# Detection alone (issue 6)\n\n${table}\n\nTarget at 1M: a first run ≤ 10 s.\n`);
