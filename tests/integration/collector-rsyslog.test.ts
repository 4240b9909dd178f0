// A real log shipper: Debian's rsyslogd with omelasticsearch (package rsyslog-elasticsearch), run
// unprivileged on a throwaway configuration, receives syslog over TCP from `logger` and ships it to the
// collector's /_bulk with the API key as its Basic password. The events must arrive as records.
// Skips, saying why, where rsyslogd or its Elasticsearch module is not installed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp';
import { startCollector, storedRecords, type Harness } from './collector-harness';

const RSYSLOGD = ['/usr/sbin/rsyslogd', '/sbin/rsyslogd'].find((p) => fs.existsSync(p));
const MODULE_DIRS = ['/usr/lib/x86_64-linux-gnu/rsyslog', '/usr/lib/aarch64-linux-gnu/rsyslog', '/usr/lib/rsyslog', '/usr/lib64/rsyslog'];
const HAS_OMES = MODULE_DIRS.some((d) => fs.existsSync(path.join(d, 'omelasticsearch.so')));
const HAS_LOGGER = spawnSync('logger', ['--help'], { stdio: 'ignore' }).status === 0;
const missing = !RSYSLOGD ? 'rsyslogd' : !HAS_OMES ? 'omelasticsearch.so (rsyslog-elasticsearch)' : !HAS_LOGGER ? 'logger (bsdutils)' : null;
if (missing) console.warn(`collector-rsyslog: skipped, ${missing} is not installed (apt-get install rsyslog rsyslog-elasticsearch)`);

let h: Harness | undefined;
let rsyslog: ChildProcess | undefined;
afterEach(async () => {
  if (rsyslog?.pid && rsyslog.exitCode === null) {
    rsyslog.kill('SIGTERM');
    await new Promise((resolve) => rsyslog!.once('exit', resolve));
  }
  rsyslog = undefined;
  await h?.close();
  h = undefined;
});

describe.skipIf(missing !== null)('rsyslog omelasticsearch → POST /_bulk', () => {
  it('ships real syslog events that arrive as records of the index\'s tenant', async () => {
    h = await startCollector();
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    const collectorPort = (h.app.server.address() as AddressInfo).port;
    const syslogPort = await freePort();
    const dir = tempDir();
    const conf = path.join(dir, 'rsyslog.conf');
    fs.writeFileSync(conf, rsyslogConf({ dir, syslogPort, collectorPort, key: h.key }));
    rsyslog = spawn(RSYSLOGD!, ['-n', '-f', conf, '-i', path.join(dir, 'rsyslogd.pid')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    rsyslog.stdout!.on('data', (d) => (output += d));
    rsyslog.stderr!.on('data', (d) => (output += d));
    await until(() => canConnect(syslogPort), `rsyslogd to listen on ${syslogPort}: ${output}`);

    const tag = `run${process.pid}`;
    for (const n of [1, 2, 3]) {
      const sent = spawnSync('logger', ['--server', '127.0.0.1', '--port', String(syslogPort), '--tcp', '-t', 'payroll', '-p', 'auth.notice', `${tag} event ${n}`]);
      expect(sent.status).toBe(0);
    }
    await until(async () => storedRecords(h!.db).length >= 3, `three records in the vault (rsyslogd said: ${output})`);

    const records = storedRecords(h.db);
    expect(records).toHaveLength(3);
    expect(records.map((r) => (r.original_event as { message: string }).message.trim()).sort()).toEqual([1, 2, 3].map((n) => `${tag} event ${n}`));
    for (const r of records) {
      expect(r).toMatchObject({ kind: 'log', tenant: 'acme', operation: 'SYSTEM', resource_type: 'syslog', resource_name: 'payroll', user: null });
      expect((r.original_event as Record<string, unknown>).facility).toBe('auth');
      expect(r.seq).toBeTypeOf('number');
    }
    const key = h.db.prepare("SELECT id FROM api_keys WHERE name = 'test-app'").get() as { id: number };
    expect(h.db.prepare("SELECT DISTINCT api_key_id AS k FROM records WHERE tenant <> 'auditdesk:system'").all()).toEqual([{ k: key.id }]);
  });
});

function rsyslogConf(o: { dir: string; syslogPort: number; collectorPort: number; key: string }): string {
  // The template and action are the ones docs/collector.md shows.
  return `global(workDirectory="${o.dir}")
module(load="imtcp")
module(load="omelasticsearch")
input(type="imtcp" address="127.0.0.1" port="${o.syslogPort}")
template(name="auditdesk-json" type="list" option.jsonf="on") {
  property(outname="@timestamp" name="timereported" dateFormat="rfc3339" format="jsonf")
  property(outname="host" name="hostname" format="jsonf")
  property(outname="severity" name="syslogseverity-text" format="jsonf")
  property(outname="facility" name="syslogfacility-text" format="jsonf")
  property(outname="programname" name="programname" format="jsonf")
  property(outname="message" name="msg" format="jsonf")
}
action(type="omelasticsearch" server="127.0.0.1" serverport="${o.collectorPort}" searchIndex="auditdesk-acme"
       bulkmode="on" template="auditdesk-json" esVersion.major="8" uid="rsyslog" pwd="${o.key}"
       action.resumeRetryCount="-1" action.resumeInterval="1")
`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls `check` every 100 ms, at most 300 times (30 s), failing with `what` if it never holds. */
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}
