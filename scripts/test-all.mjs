// `npm test`: builds, runs every suite (vitest: unit + integration; Playwright: e2e in Chromium), and
// ends with the one line CI reads: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let passed = 0;
let failed = 0;
let skipped = 0;

if (run('npx', ['electron-vite', 'build']) !== 0) {
  console.log('the build failed');
  failed++;
}

// The import boundaries (shared/ pure, electron/core without electron) and the types are checks too.
if (run('npx', ['eslint', '.']) === 0 && run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) === 0) passed++;
else {
  console.log('lint or type check failed');
  failed++;
}

const vitestJson = path.join(results, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (fs.existsSync(vitestJson)) {
  const v = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
  // A suite that fails to load counts no test; count it as a failure so it cannot pass silently.
  failed += v.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else if (vitestStatus !== 0) failed++;

if (fs.existsSync(path.join(root, 'playwright.config.ts'))) {
  const pwJson = path.join(results, 'playwright.json');
  fs.rmSync(pwJson, { force: true });
  const pwStatus = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  if (fs.existsSync(pwJson)) {
    const s = JSON.parse(fs.readFileSync(pwJson, 'utf8')).stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected;
    skipped += s.skipped;
    if (pwStatus !== 0 && s.unexpected === 0) failed++;
  } else if (pwStatus !== 0) failed++;
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
