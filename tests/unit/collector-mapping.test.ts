// How shipped documents become records, and the small pieces of the collector's request handling.
import { describe, expect, it } from 'vitest';
import { parseBulk } from '../../electron/core/collector/es/bulk-request';
import { documentToRecord, tenantFromIndex } from '../../electron/core/collector/es/document-to-record';
import { presentedKey } from '../../electron/core/collector/http/credentials';
import { isAllowedHost } from '../../electron/core/collector/http/host-guard';
import { RateLimiter } from '../../electron/core/collector/http/rate-limiter';

const ctx = { index: undefined, id: undefined, defaultTenant: 'default', receivedAt: '2024-06-01T00:00:00.000Z' };

describe('tenant from the index name', () => {
  it.each([
    ['auditdesk-acme', 'acme'],
    ['auditdesk-acme-2024.05.01', 'acme'],
    ['auditdesk-acme-eu-2024-05-01', 'acme-eu'],
    ['filebeat-8.11.0-2024.05.01', undefined],
    ['logstash-2024.05.01', undefined],
  ])('%s → %s', (index, tenant) => expect(tenantFromIndex(index)).toBe(tenant));
});

describe('documentToRecord', () => {
  it('maps an ECS event: user.name, event.action, host.name, and keeps the document whole', () => {
    const doc = { '@timestamp': '2024-05-01T12:00:00Z', user: { name: 'zoe' }, event: { action: 'user-login' }, host: { name: 'web-1' }, process: { name: 'sshd' }, source: { ip: '10.0.0.9' } };
    const mapped = documentToRecord(doc, { ...ctx, index: 'auditdesk-acme' });
    expect(mapped).toEqual({
      ok: true,
      record: expect.objectContaining({
        kind: 'log', tenant: 'acme', user: 'zoe', operation: 'LOGIN', resource_type: 'syslog', resource_id: 'web-1',
        resource_name: 'sshd', ip_address: '10.0.0.9', timestamp: '2024-05-01T12:00:00Z', original_event: doc,
      }),
    });
  });

  it('gives the same id to the same document (so a re-sent batch is recognised) and another to another', () => {
    const a = documentToRecord({ message: 'x', '@timestamp': '2024-05-01T12:00:00Z' }, ctx);
    const b = documentToRecord({ '@timestamp': '2024-05-01T12:00:00Z', message: 'x' }, ctx);
    const c = documentToRecord({ message: 'y', '@timestamp': '2024-05-01T12:00:00Z' }, ctx);
    if (!a.ok || !b.ok || !c.ok) throw new Error('expected records');
    expect(a.record.id).toBe(b.record.id);
    expect(a.record.id).not.toBe(c.record.id);
    expect(documentToRecord({ message: 'x' }, { ...ctx, id: 'given' })).toMatchObject({ record: { id: 'given' } });
  });

  it('falls back to the document tenant, then the default, and to the arrival time', () => {
    expect(documentToRecord({ tenant: 'own', message: 'm' }, ctx)).toMatchObject({ record: { tenant: 'own', timestamp: ctx.receivedAt } });
    expect(documentToRecord({ message: 'm' }, { ...ctx, index: 'logs' })).toMatchObject({ record: { tenant: 'default' } });
  });

  it('reads epoch seconds (Fluent Bit) and other date texts as UTC instants', () => {
    expect(documentToRecord({ date: 1714564800.25 }, ctx)).toMatchObject({ record: { timestamp: '2024-05-01T12:00:00.250Z' } });
    expect(documentToRecord({ timestamp: 'Wed, 01 May 2024 12:00:00 GMT' }, ctx)).toMatchObject({ record: { timestamp: '2024-05-01T12:00:00.000Z' } });
  });

  it('checks a document that is an AuditDesk record as one, naming the bad field', () => {
    const bad = documentToRecord({ kind: 'log', id: 'r', timestamp: '2024-05-01T12:00:00Z', operation: 'READ' }, { ...ctx, index: 'auditdesk-t' });
    expect(bad).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'resource_type' })] });
    const good = documentToRecord({ kind: 'log', id: 'r', timestamp: '2024-05-01T12:00:00Z', operation: 'READ', resource_type: 'x' }, { ...ctx, index: 'auditdesk-t' });
    expect(good).toMatchObject({ ok: true, record: { tenant: 't' } });
    expect(documentToRecord([1, 2], ctx)).toMatchObject({ ok: false });
  });
});

describe('parseBulk', () => {
  it('pairs actions with documents, takes the path index as default, and flags update and delete', () => {
    const text = [
      '{"index":{}}', '{"a":1}', '', '{"create":{"_index":"other","_id":7}}', '{"b":2}', '{"delete":{"_id":"1"}}', '{"update":{"_id":"1"}}', '{"doc":{}}',
    ].join('\n');
    const items = parseBulk(text, 'path-index');
    expect(items.map((i) => [i.action, i.index, i.id, i.problem === undefined])).toEqual([
      ['index', 'path-index', undefined, true], ['create', 'other', '7', true], ['delete', 'path-index', '1', false], ['update', 'path-index', '1', false],
    ]);
  });
});

describe('request pieces', () => {
  it('reads the key from Bearer, Basic (password) and ApiKey', () => {
    expect(presentedKey('Bearer adk_x')).toBe('adk_x');
    expect(presentedKey(`Basic ${Buffer.from('rsyslog:adk_y').toString('base64')}`)).toBe('adk_y');
    expect(presentedKey(`ApiKey ${Buffer.from('id1:adk_z').toString('base64')}`)).toBe('adk_z');
    expect(presentedKey('Digest abc')).toBeNull();
    expect(presentedKey(undefined)).toBeNull();
  });

  it('allows loopback host names only, with any port, plus configured ones', () => {
    expect(['127.0.0.1:8080', 'localhost', '[::1]:9200', 'LOCALHOST:1'].every((h) => isAllowedHost(h))).toBe(true);
    expect(isAllowedHost('evil.example')).toBe(false);
    expect(isAllowedHost('127.0.0.1.evil.example')).toBe(false);
    expect(isAllowedHost(undefined)).toBe(false);
    expect(isAllowedHost('auditor-pc:8080', ['auditor-pc'])).toBe(true);
  });

  it('rate limiter: a burst, then a wait in whole seconds, then a token again', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 3, () => now);
    expect([limiter.take(1), limiter.take(1), limiter.take(1)]).toEqual([0, 0, 0]);
    expect(limiter.take(1)).toBe(1);
    expect(limiter.take(2)).toBe(0); // keys have their own buckets
    now += 500;
    expect(limiter.take(1)).toBe(0);
  });
});
