// `npm start`: the desktop app when the Electron binary can be had; otherwise say so plainly and serve
// the same UI on loopback for a browser, on the vault given (`npm start -- my.vault`) or on a demo
// vault filled with generated records. The check only looks for files: requiring 'electron' would try
// to download its binary (Electron 45 fetches it lazily), which hangs or fails offline.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'bin/auditdesk.cjs');
const given = process.argv.slice(2).find((a) => !a.startsWith('-'));

function electronBinary() {
  const dist = path.join(root, 'node_modules/electron/dist');
  const name = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform] ?? 'electron';
  const binary = path.join(dist, name);
  return fs.existsSync(binary) ? binary : null;
}

function build() {
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('npm start: the build failed (see above).');
    process.exit(1);
  }
}

/** Electron 45 downloads its binary on first use; ask for it now (it fails at once when offline). */
function fetchElectron() {
  if (electronBinary()) return electronBinary();
  console.log('npm start: fetching the Electron binary …');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron/install.js')], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'], timeout: 15 * 60_000,
  });
  // The installer's own failure is a stack trace; one line says enough.
  const why = (r.stderr ?? '').split('\n').find((line) => /error|failed/i.test(line));
  if (!electronBinary() && why) console.log(`npm start: the download failed: ${why.trim()}`);
  return electronBinary();
}

/** The SQLite module built for Electron, beside the Node one the CLI and tests use (scripts/electron-native.mjs). */
function electronNativeModule() {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/electron-native.mjs')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return r.status === 0 ? r.stdout.trim().split('\n').at(-1) : null;
}

const binary = fetchElectron();
const nativeModule = binary ? electronNativeModule() : null;
build();
if (binary && nativeModule) {
  const env = { ...process.env, AUDITDESK_NATIVE_BINDING: nativeModule };
  const child = spawn(binary, [root, ...(given ? [path.resolve(given)] : [])], { stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    binary
      ? 'npm start: the SQLite module could not be built for Electron (see above). Serving the same review UI for your browser instead.'
      : 'npm start: the Electron binary is not installed here (node_modules/electron/dist is missing, and it could not be\n' +
          'downloaded). Serving the same review UI for your browser instead.',
  );
  let vault = given ? path.resolve(given) : null;
  const env = { ...process.env };
  if (!vault) {
    const dir = path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local/share'), 'auditdesk');
    vault = path.join(dir, 'demo.vault');
    env.AUDITDESK_PASSPHRASE = 'auditdesk-demo';
    if (!fs.existsSync(vault)) {
      fs.mkdirSync(dir, { recursive: true });
      const records = path.join(dir, 'demo-records.ndjson');
      const run = (...args) => {
        const r = spawnSync(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
        if (r.status !== 0) process.exit(r.status ?? 2);
      };
      console.log(`Creating a demo vault with 5,000 generated records at ${vault} …`);
      run('generate', records, '--records', '5000', '--seed', '7');
      run('init', vault);
      run('import', vault, records);
      fs.rmSync(records, { force: true });
    }
    console.log('Demo vault passphrase (to unlock it again after locking): auditdesk-demo');
  }
  console.log('Open this address in your browser (Ctrl+C stops the server):');
  const server = spawn(process.execPath, [cli, 'serve', vault, '--port', process.env.PORT ?? '0'], { env, stdio: 'inherit' });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}
