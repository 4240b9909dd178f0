// The k8s reader's memory bound: requests that never complete are written out when too many are open,
// and a stage that arrives after its request was written out becomes a record of its own.
import { describe, expect, it } from 'vitest';
import { MAX_OPEN_REQUESTS, readK8s } from '../../electron/core/ingest/formats/k8s';
import type { Line } from '../../electron/core/ingest/line-reader';

const event = (auditID: string, stage: string) =>
  JSON.stringify({
    kind: 'Event', apiVersion: 'audit.k8s.io/v1', auditID, stage, verb: 'watch', user: { username: 'u' },
    requestURI: '/api/v1/pods', objectRef: { resource: 'pods' }, requestReceivedTimestamp: '2024-01-01T00:00:00Z',
  });

async function* linesOf(texts: string[]): AsyncGenerator<Line> {
  let number = 0;
  for (const text of texts) yield { number: ++number, text };
}

async function collect(texts: string[]) {
  const out = [];
  for await (const item of readK8s(linesOf(texts), { path: 'x', options: {} })) out.push(item);
  return out;
}

describe('k8s stage merging', () => {
  it('writes out the oldest open requests once too many are open, losing none', async () => {
    const n = MAX_OPEN_REQUESTS + 5;
    const texts = Array.from({ length: n }, (_, i) => event(`w-${i}`, 'ResponseStarted'));
    const items = await collect(texts);
    expect(items).toHaveLength(n);
    // The first 5 went out early (before the end of the file), in file order.
    expect(items.slice(0, 5).map((i) => (i.record as { id: string }).id)).toEqual(['w-0', 'w-1', 'w-2', 'w-3', 'w-4']);
  });

  it('keeps a stage that comes after the request completed as its own record', async () => {
    const items = await collect([event('r', 'RequestReceived'), event('r', 'ResponseComplete'), event('r', 'ResponseStarted')]);
    expect(items.map((i) => (i.record as { id: string }).id)).toEqual(['r', 'r:ResponseStarted']);
    expect(items[1]!.line).toBe(3);
  });
});
