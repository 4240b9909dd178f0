// Builds a real vault with the CLI (init, generate, import, plus hand-made records: a hostile name,
// sensitive data, a parent/child pair, a second chain), then starts `auditdesk serve` on it.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { E2E_DIR, HOSTILE_NAME, PASSPHRASE, STATE_FILE, type E2eState } from './e2e-vault';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/auditdesk.cjs');

export const handMade = [
  {
    id: 'hostile-1', kind: 'log', tenant: 'acme', user: 'mallory@example.com', timestamp: '2024-06-01T10:00:00Z',
    operation: 'UPDATE', resource_type: 'invoice', resource_id: 'INV-666', resource_name: HOSTILE_NAME,
    old_data: { amount: 100, note: '<script>alert(2)</script>', password: 'old-secret-pw' },
    new_data: { amount: 250, note: '<script>alert(2)</script>', password: 'new-secret-pw' },
    changed_fields: ['amount', 'password'], compliance_framework: 'SOX', data_classification: 'CONFIDENTIAL', is_sensitive: true,
  },
  {
    id: 'child-1', kind: 'log', tenant: 'acme', user: 'zoe@example.com', timestamp: '2024-06-01T10:05:00Z',
    operation: 'READ', resource_type: 'invoice', resource_id: 'INV-666', resource_name: 'Invoice 666 follow-up',
    old_data: null, new_data: null, changed_fields: [], parent_audit_id: 'hostile-1', compliance_framework: 'SOX',
  },
  {
    id: 'viol-1', kind: 'violation', tenant: 'acme', user: 'mallory@example.com', timestamp: '2024-06-01T10:06:00Z',
    violation_type: 'UNAUTHORIZED_ACCESS', severity: 'CRITICAL', description: 'Invoice changed outside approval', status: 'OPEN',
  },
];

export default async function globalSetup(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'out/main/cli.js')) || !fs.existsSync(path.join(ROOT, 'out/renderer/index.html'))) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  fs.rmSync(E2E_DIR, { recursive: true, force: true });
  fs.mkdirSync(E2E_DIR, { recursive: true });
  const env = { ...process.env, AUDITDESK_PASSPHRASE: PASSPHRASE };
  const cli = (...args: string[]) => execFileSync(process.execPath, [BIN, ...args], { env, cwd: E2E_DIR, stdio: 'pipe' });
  const vault = path.join(E2E_DIR, 'e2e.vault');
  const generated = path.join(E2E_DIR, 'generated.ndjson');
  const extra = path.join(E2E_DIR, 'hand-made.ndjson');
  cli('init', vault);
  cli('generate', generated, '--records', '3000', '--tenants', '3', '--seed', '11');
  fs.writeFileSync(extra, handMade.map((r) => JSON.stringify(r)).join('\n') + '\n');
  cli('import', vault, generated);
  cli('import', vault, extra);

  const server = spawn(process.execPath, [BIN, 'serve', vault, '--port', '0', '--idle-lock', '0'], {
    env,
    cwd: E2E_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL: ${err}`)), 30_000);
    server.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('http://'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    server.stderr.on('data', (d) => (err += d));
    server.on('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
  });
  server.unref();
  const state: E2eState = { url, pid: server.pid!, vault };
  fs.writeFileSync(STATE_FILE, JSON.stringify(state));
}
