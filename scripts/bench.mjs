// `npm run bench`: every benchmark, one after the other (each prints its own table and writes
// bench-results/*.md). Pass `--sizes 10000,100000` to run smaller sizes first. Figures: docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const suites = fs.readdirSync(path.join(root, 'bench')).filter((f) => /^[a-z-]+\.bench\.mjs$/.test(f) || f === 'engine.mjs');
let failed = 0;
for (const suite of suites.sort()) {
  console.log(`\n## ${suite}\n`);
  // `--sizes` is for the suites that scale by record count; the others run with their own defaults.
  const own = ['engine.mjs', 'retention.bench.mjs', 'report.bench.mjs'].includes(suite) ? args : [];
  const run = spawnSync(process.execPath, [path.join(root, 'bench', suite), ...own], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
