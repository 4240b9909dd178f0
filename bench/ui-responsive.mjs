// Whether the app's backend keeps answering while it runs a long read: starts `auditdesk serve` on a
// vault, sends one long call (the Reports screen's preview of all of 2024, or the Retention screen's
// preview), and meanwhile reads 50 trail rows every 100 ms, printing how long the long call took and
// how long the reads waited. Not part of `npm run bench` (it needs a large vault to say anything).
// Usage: flock /tmp/bench.lock node bench/ui-responsive.mjs VAULT [reports.preview|retention.preview]
//        (VAULT e.g. a copy of /tmp/auditdesk-bench/1000000/bench.vault; passphrase 'bench passphrase')
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const [vault, route = 'reports.preview'] = process.argv.slice(2);
if (!vault) throw new Error('usage: node bench/ui-responsive.mjs VAULT [reports.preview|retention.preview]');
const bin = path.resolve(import.meta.dirname, '..', 'bin', 'auditdesk.cjs');
const child = spawn(process.execPath, [bin, 'serve', vault, '--port', '0', '--idle-lock', '0'], {
  env: { ...process.env, AUDITDESK_PASSPHRASE: process.env.AUDITDESK_PASSPHRASE ?? 'bench passphrase' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = new URL(await new Promise((resolve) => readline.createInterface({ input: child.stdout }).once('line', resolve)));
const token = url.searchParams.get('token');
const call = (name, body = {}) => fetch(new URL(`/api/ui/${name}`, url), {
  method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
}).then((r) => r.json());

await call('trail.list', {});
const body = route === 'reports.preview' ? { framework: 'SOX', from: '2024-01-01', to: '2024-12-31', tenants: [] } : {};
const started = Date.now();
let finished = false;
const long = call(route, body).then((answer) => {
  finished = true;
  console.log(`${route}: ${answer.ok ? 'ok' : JSON.stringify(answer.error)} in ${Date.now() - started} ms`);
});
const waits = [];
while (!finished) {
  const t = Date.now();
  await call('trail.list', { limit: 50 });
  waits.push(Date.now() - t);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await long;
waits.sort((a, b) => a - b);
console.log(`trail.list meanwhile: ${waits.length} reads, median ${waits[waits.length >> 1]} ms, slowest ${waits.at(-1)} ms`);
child.kill();
