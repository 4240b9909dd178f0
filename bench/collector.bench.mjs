// Issue 3's figures, with load from this process against `auditdesk serve` (a second process) on
// loopback: sustained NDJSON ingest in 1,000-record batches against file import of the same records;
// single-record POSTs at 200 requests/s (p99 latency, with autocannon); and how quickly the server
// answers a read while a large import runs in another process.
// Usage: node bench/collector.bench.mjs [--records 100000] [--import-records 1000000] [--dir /tmp/auditdesk-bench-collector]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'auditdesk.cjs');
const { values } = parseArgs({ options: { records: { type: 'string' }, 'import-records': { type: 'string' }, dir: { type: 'string' } } });
const records = Number(values.records ?? 100_000);
const importRecords = Number(values['import-records'] ?? 1_000_000);
const work = values.dir ?? '/tmp/auditdesk-bench-collector';
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const env = { ...process.env, AUDITDESK_PASSPHRASE: 'bench passphrase' };
const cli = (...args) => execFileSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });

const input = path.join(work, 'records.ndjson');
cli('generate', input, '--records', String(records), '--seed', '3');
const lines = fs.readFileSync(input, 'utf8').trim().split('\n');

// File import of the same records, the yardstick for HTTP ingest.
const fileVault = path.join(work, 'file.vault');
cli('init', fileVault);
let t = performance.now();
cli('import', fileVault, input);
const fileSeconds = (performance.now() - t) / 1000;

const vault = path.join(work, 'http.vault');
cli('init', vault);
const key = cli('keys', 'create', vault, '--name', 'bench').trim();
const server = spawn(process.execPath, [bin, 'serve', vault, '--port', '0'], { env });
const url = new URL(await new Promise((resolve) => readline.createInterface({ input: server.stdout }).once('line', resolve)));
const base = `http://127.0.0.1:${url.port}`;
const auth = { authorization: `Bearer ${key}` };

try {
  // 1. Sustained ingest: 1,000-record NDJSON batches, two in flight.
  t = performance.now();
  let next = 0;
  const sender = async () => {
    while (next < lines.length) {
      const batch = lines.slice(next, next + 1000).join('\n');
      next += 1000;
      const r = await fetch(`${base}/api/audit/ingest`, { method: 'POST', headers: { ...auth, 'content-type': 'application/x-ndjson' }, body: batch });
      if (r.status >= 300) throw new Error(`ingest answered ${r.status}: ${await r.text()}`);
    }
  };
  await Promise.all([sender(), sender()]);
  const httpSeconds = (performance.now() - t) / 1000;

  // 2. Single-record POSTs at 200 requests/s for 15 s.
  let n = 0;
  const single = await autocannon({
    url: `${base}/api/audit/audit-logs/`,
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    overallRate: 200,
    connections: 10,
    duration: 15,
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ ...JSON.parse(lines[0]), id: `single-${n++}` }) }) }],
  });

  // 3. A read while a large import runs in another process.
  const big = path.join(work, 'big.ndjson');
  cli('generate', big, '--records', String(importRecords), '--seed', '4');
  const importer = spawn(process.execPath, [bin, 'import', vault, big], { env, stdio: 'ignore' });
  const readTimes = [];
  const importDone = new Promise((resolve) => importer.on('exit', resolve));
  let importing = true;
  void importDone.then(() => (importing = false));
  while (importing) {
    const s = performance.now();
    const r = await fetch(`${base}/api/audit/audit-logs/?page_size=50`, { headers: auth });
    await r.json();
    readTimes.push(performance.now() - s);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  readTimes.sort((a, b) => a - b);

  const result = {
    records,
    fileImportPerSecond: Math.round(records / fileSeconds),
    httpIngestPerSecond: Math.round(records / httpSeconds),
    httpOverFile: +(fileSeconds / httpSeconds).toFixed(2),
    single: { requests: single.requests.total, non2xx: single.non2xx, p50ms: single.latency.p50, p99ms: single.latency.p99, maxMs: single.latency.max },
    readsDuringImport: { importRecords, reads: readTimes.length, p50ms: +readTimes[Math.floor(readTimes.length / 2)].toFixed(1), maxMs: +readTimes.at(-1).toFixed(1) },
  };
  const table = [
    '| figure | measured | target |',
    '|---|---|---|',
    `| HTTP ingest, 1,000-record NDJSON batches | ${result.httpIngestPerSecond.toLocaleString('en')} records/s (${result.httpOverFile}× file import's ${result.fileImportPerSecond.toLocaleString('en')}/s) | ≥ 0.5× file import |`,
    `| single-record POST at 200/s, 15 s | p50 ${result.single.p50ms} ms, p99 ${result.single.p99ms} ms, max ${result.single.maxMs} ms; ${result.single.requests} requests, ${result.single.non2xx} not 2xx | p99 ≤ 20 ms |`,
    `| a read (50 records) during a ${importRecords.toLocaleString('en')}-record import | median ${result.readsDuringImport.p50ms} ms, slowest ${result.readsDuringImport.maxMs} ms over ${result.readsDuringImport.reads} reads | < 100 ms |`,
  ];
  console.log(table.join('\n'));
  fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench-results', 'collector.md'), `${table.join('\n')}\n`);
  fs.writeFileSync(path.join(root, 'bench-results', 'collector.json'), JSON.stringify(result, null, 2));
} finally {
  server.kill();
  spawnSync('true');
}
