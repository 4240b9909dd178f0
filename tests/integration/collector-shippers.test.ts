// The Elasticsearch-compatible door, fed the exact requests log shippers send, from their documented
// wire formats: the handshake Filebeat, Logstash and Vector make first, Fluent Bit's and Vector's
// Elasticsearch outputs (NDJSON bulk, gzip), and their plain HTTP outputs to POST ingest.
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { logRecord } from '../support/records';
import { recordCount, startCollector, storedRecords, type Harness } from './collector-harness';

let h: Harness;
afterEach(async () => h?.close());

const basic = (key: string, user = 'shipper') => ({ authorization: `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}` });
const lines = (...items: unknown[]) => items.map((i) => JSON.stringify(i)).join('\n') + '\n';

describe('the handshake shippers make before sending', () => {
  it('answers GET / and HEAD / with an 8.x version and the product header (Filebeat, Logstash, Vector)', async () => {
    h = await startCollector();
    const res = await h.app.inject({ method: 'GET', url: '/', headers: basic(h.key) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-elastic-product']).toBe('Elasticsearch');
    expect(res.json().version.number).toMatch(/^8\./);
    expect((await h.app.inject({ method: 'HEAD', url: '/', headers: basic(h.key) })).statusCode).toBe(200);
  });

  it('reports a basic licence, green health and templates as present, so nothing is installed', async () => {
    h = await startCollector();
    const get = (url: string, method: 'GET' | 'HEAD' | 'PUT' = 'GET') => h.app.inject({ method, url, headers: basic(h.key), payload: method === 'PUT' ? {} : undefined });
    expect((await get('/_license')).json().license).toMatchObject({ type: 'basic', status: 'active' });
    expect((await get('/_xpack')).statusCode).toBe(200);
    expect((await get('/_cluster/health')).json().status).toBe('green');
    expect((await get('/_cat/health', 'HEAD')).statusCode).toBe(200);
    expect((await get('/_index_template/filebeat-8.11.0', 'HEAD')).statusCode).toBe(200);
    expect((await get('/_ilm/policy/filebeat')).statusCode).toBe(200);
    expect((await get('/_index_template/logstash', 'PUT')).json()).toEqual({ acknowledged: true });
  });

  it('refuses the handshake without a valid key, in Elasticsearch\'s error shape', async () => {
    h = await startCollector();
    const res = await h.app.inject({ method: 'GET', url: '/', headers: basic('adk_not-a-key') });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ status: 401, error: { type: 'security_exception' } });
  });

  it('serves the same API under /es for a server that shows its own page at /', async () => {
    h = await startCollector({ elasticsearchRoot: false });
    expect((await h.app.inject({ method: 'GET', url: '/', headers: basic(h.key) })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: '/es/', headers: basic(h.key) })).json().version.number).toMatch(/^8\./);
    const bulk = lines({ index: { _index: 'auditdesk-acme' } }, { message: 'via prefix', '@timestamp': '2024-05-01T12:00:00Z' });
    const res = await h.app.inject({ method: 'POST', url: '/es/_bulk', headers: { ...basic(h.key), 'content-type': 'application/x-ndjson' }, payload: bulk });
    expect(res.json().errors).toBe(false);
    expect(recordCount(h.db)).toBe(1);
  });
});

describe('POST /_bulk', () => {
  it("stores Fluent Bit's es output (create actions with _type, gzip, Logstash_Format index) as syslog records", async () => {
    h = await startCollector();
    // Fluent Bit: Logstash_Format On, Logstash_Prefix auditdesk-acme, Compress gzip, HTTP_User/HTTP_Passwd.
    const body = lines(
      { create: { _index: 'auditdesk-acme-2024.05.01', _type: '_doc' } },
      { '@timestamp': '2024-05-01T12:00:00.000Z', log: 'sshd[812]: Accepted publickey for zoe', hostname: 'web-1', ident: 'sshd' },
      { create: { _index: 'auditdesk-acme-2024.05.01', _type: '_doc' } },
      { '@timestamp': '2024-05-01T12:00:01.000Z', log: 'sudo: zoe : COMMAND=/bin/ls', hostname: 'web-1', ident: 'sudo' },
    );
    const res = await h.app.inject({
      method: 'POST', url: '/_bulk',
      headers: { ...basic(h.key, 'fluent-bit'), 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip', 'user-agent': 'Fluent-Bit' },
      payload: zlib.gzipSync(body),
    });
    expect(res.statusCode).toBe(200);
    const answer = res.json();
    expect(answer.errors).toBe(false);
    expect(answer.items.map((i: { create: { status: number } }) => i.create.status)).toEqual([201, 201]);
    const [first] = storedRecords(h.db);
    expect(first).toMatchObject({
      kind: 'log', tenant: 'acme', timestamp: '2024-05-01T12:00:00.000Z', user: null, operation: 'SYSTEM',
      resource_type: 'syslog', resource_id: 'web-1', resource_name: 'sshd', es_index: 'auditdesk-acme-2024.05.01',
      original_event: { '@timestamp': '2024-05-01T12:00:00.000Z', log: 'sshd[812]: Accepted publickey for zoe', hostname: 'web-1', ident: 'sshd' },
    });
  });

  it("stores Vector's elasticsearch sink (index actions, path index, bearer key), and a re-sent batch is not stored twice", async () => {
    h = await startCollector({ defaultTenant: 'ops' });
    const body = lines(
      { index: { _index: 'vector-2024.05.01' } },
      { message: 'disk almost full', timestamp: '2024-05-01T12:00:00.123456Z', host: 'db-2', source_type: 'file' },
    );
    const send = () => h.app.inject({
      method: 'POST', url: '/_bulk?timeout=60s',
      headers: { ...h.auth, 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip', 'user-agent': 'Vector/0.41.1' },
      payload: zlib.gzipSync(body),
    });
    const first = (await send()).json();
    expect(first.items[0].index).toMatchObject({ status: 201, result: 'created' });
    const again = (await send()).json();
    expect(again.errors).toBe(false);
    expect(again.items[0].index).toMatchObject({ status: 200, result: 'noop', _id: first.items[0].index._id });
    expect(storedRecords(h.db)).toEqual([
      expect.objectContaining({ tenant: 'ops', timestamp: '2024-05-01T12:00:00.123456Z', resource_id: 'db-2', es_index: 'vector-2024.05.01' }),
    ]);
  });

  it('answers item by item: a bad document is a 400 naming the item and the field, the good ones are stored', async () => {
    h = await startCollector();
    const body = lines(
      { index: { _index: 'auditdesk-t1', _id: 'good-1' } },
      logRecord({ id: 'good-1', tenant: 't1' }),
      { index: { _index: 'auditdesk-t1' } },
      logRecord({ id: 'bad', tenant: 't1', compliance_framework: 'NOPE' }),
      { delete: { _index: 'auditdesk-t1', _id: 'good-1' } },
      { index: { _index: 'auditdesk-t1' } },
      { message: 'a plain event', '@timestamp': 1714564800.5 },
    );
    const res = await h.app.inject({ method: 'POST', url: '/_bulk', headers: { ...basic(h.key), 'content-type': 'application/json' }, payload: body });
    expect(res.statusCode).toBe(200);
    const { errors, items } = res.json();
    expect(errors).toBe(true);
    expect(items.map((i: Record<string, { status: number }>) => Object.values(i)[0]!.status)).toEqual([201, 400, 400, 201]);
    expect(items[1].index.error.reason).toMatch(/\[item 1\] field \[compliance_framework\]/);
    expect(items[2].delete.error.reason).toMatch(/never deleted/);
    expect(storedRecords(h.db).map((r) => [r.id, r.timestamp])).toEqual([
      ['good-1', '2024-05-01T12:00:00Z'],
      [items[3].index._id, '2024-05-01T12:00:00.500Z'],
    ]);
  });

  it('refuses a bulk body whose action line is not JSON, storing nothing', async () => {
    h = await startCollector();
    const body = `${JSON.stringify({ index: { _index: 'x' } })}\n{"message":"ok"}\nnot json\n{"message":"lost"}\n`;
    const res = await h.app.inject({ method: 'POST', url: '/_bulk', headers: basic(h.key), payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 400, line: 3, field: 'action' });
    expect(recordCount(h.db)).toBe(0);
  });

  it('stores a single document sent to /{index}/_doc (rsyslog with bulkmode off)', async () => {
    h = await startCollector();
    const res = await h.app.inject({
      method: 'POST', url: '/auditdesk-acme/_doc', headers: basic(h.key),
      payload: { '@timestamp': '2024-05-01T12:00:00+02:00', host: 'fw', programname: 'kernel', message: 'DROP IN=eth0' },
    });
    expect(res.statusCode).toBe(201);
    expect(storedRecords(h.db)[0]).toMatchObject({ tenant: 'acme', timestamp: '2024-05-01T12:00:00+02:00', resource_name: 'kernel' });
  });
});

describe('plain HTTP outputs to POST /api/audit/ingest', () => {
  it("takes Fluent Bit's http output, format json_lines (gzip, x-ndjson), with its date member kept", async () => {
    h = await startCollector();
    const body = lines({ ...logRecord({ id: 'fb-1' }), date: 1714564800.123 }, { ...logRecord({ id: 'fb-2' }), date: 1714564801.5 });
    const res = await h.app.inject({
      method: 'POST', url: '/api/audit/ingest',
      headers: { ...h.auth, 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip', 'user-agent': 'Fluent-Bit' },
      payload: zlib.gzipSync(body),
    });
    expect(res.statusCode).toBe(201);
    expect(storedRecords(h.db).map((r) => [r.id, r.date])).toEqual([['fb-1', 1714564800.123], ['fb-2', 1714564801.5]]);
  });

  it("takes Fluent Bit's format json (one JSON array) too", async () => {
    h = await startCollector();
    const res = await h.app.inject({
      method: 'POST', url: '/api/audit/ingest', headers: { ...h.auth, 'content-type': 'application/json' },
      payload: [logRecord({ id: 'arr-1' }), logRecord({ id: 'arr-2' })],
    });
    expect(res.json()).toMatchObject({ received: 2, inserted: 2 });
  });

  it("takes Vector's http sink, codec json with newline_delimited framing, gzip and a bearer token", async () => {
    h = await startCollector();
    const body = [logRecord({ id: 'v-1' }), logRecord({ id: 'v-2' })].map((r) => JSON.stringify(r)).join('\n');
    const res = await h.app.inject({
      method: 'POST', url: '/api/audit/ingest',
      headers: { ...h.auth, 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip', 'user-agent': 'Vector/0.41.1' },
      payload: zlib.gzipSync(body),
    });
    expect(res.statusCode).toBe(201);
    expect(recordCount(h.db)).toBe(2);
  });
});
