// Builds the SQLite native module for Electron's ABI into .electron-native/, beside (not instead of)
// the Node build in node_modules that the CLI and the tests use. So `npm test` and `npm start` both
// work, in either order, without rebuilding each other's module. Prints the .node file's path.
// It first asks prebuild-install for the package's published Electron binary, then falls back to
// compiling with node-gyp against Electron's headers (both need the internet, which `npm start` on a
// user's machine has). ~/.npmrc's `nodedir` is ignored on purpose: it would silently target Node.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const pkgDir = path.join(root, 'node_modules/better-sqlite3');
const pkgVersion = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
const target = path.join(root, '.electron-native', `${pkgVersion}-electron-${electronVersion}-${process.platform}-${process.arch}`, 'better_sqlite3.node');

if (fs.existsSync(target)) {
  console.log(target);
  process.exit(0);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'auditdesk-native-'));
fs.cpSync(pkgDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|disturl)$/i.test(k)));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => spawnSync(cmd, args, { cwd: work, env, stdio: ['ignore', 'inherit', 'inherit'] }).status === 0;

const built =
  run(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--tag-prefix', 'v']) ||
  run(bin('node-gyp'), ['rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron']);
const produced = path.join(work, 'build', 'Release', 'better_sqlite3.node');
if (!built || !fs.existsSync(produced)) {
  console.error(`could not build the SQLite module for Electron ${electronVersion}: no prebuilt binary and no compiler or headers`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(produced, target);
fs.rmSync(work, { recursive: true, force: true });
console.log(target);
