// Refusals that only show on a real connection: a client that trickles its body is cut off with 408
// and the connection closed; a request naming a foreign host is refused before anything is read.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { recordCount, startCollector, type Harness } from './collector-harness';

let h: Harness;
afterEach(async () => h?.close());

/** Writes `head` (and `body`) on a raw socket and returns everything the server sends until it closes. */
function exchange(port: number, head: string, body = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write(head + body));
    let answer = '';
    socket.on('data', (d) => (answer += d));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

it('answers 408 to a client whose body stops arriving, and closes the connection', async () => {
  h = await startCollector({ limits: { bodyTimeoutMs: 300 } });
  await h.app.listen({ host: '127.0.0.1', port: 0 });
  const port = (h.app.server.address() as AddressInfo).port;
  const head = `POST /api/audit/ingest HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${h.key}\r\n` +
    'Content-Type: application/x-ndjson\r\nContent-Length: 1000\r\n\r\n';
  const answer = await exchange(port, head, '{"id": "partial", ');
  expect(answer).toMatch(/^HTTP\/1\.1 408/);
  expect(answer.toLowerCase()).toContain('connection: close');
  expect(recordCount(h.db)).toBe(0);
});

it('refuses a foreign Host header on a real connection (DNS rebinding)', async () => {
  h = await startCollector();
  await h.app.listen({ host: '127.0.0.1', port: 0 });
  const port = (h.app.server.address() as AddressInfo).port;
  const body = JSON.stringify({ id: 'x', kind: 'log', tenant: 't', timestamp: '2024-05-01T12:00:00Z', operation: 'READ', resource_type: 'r' });
  const head = `POST /api/audit/audit-logs/ HTTP/1.1\r\nHost: attacker.example:${port}\r\nAuthorization: Bearer ${h.key}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
  const answer = await exchange(port, head, body);
  expect(answer).toMatch(/^HTTP\/1\.1 403/);
  expect(recordCount(h.db)).toBe(0);
});
