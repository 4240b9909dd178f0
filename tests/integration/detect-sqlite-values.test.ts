// Detection on demand parses each record in JS instead of reading the vault's generated columns
// (scan-row.ts); the values it computes must be SQLite's own, or it would keep other records.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { atLeast, extracted, utcTimeOf } from '../../electron/core/violations/detection/sqlite-values';

describe("detection's copies of SQLite's values", () => {
  const db = new Database(':memory:');

  it('a member is what json_extract gives for it', () => {
    const members = [
      'text', '', 'é "quoted"\n', 0, 42, -1.5, 1e21, true, false, null, ['role', 'x'], ['a', { z: 1, b: 2 }], { a: [1, 'b'], c: null },
      { 10: 'AccessDenied', 9: 'x' }, [], {},
    ];
    const sqlite = db.prepare("SELECT json_extract(?, '$.m')").pluck();
    // The vault stores canonical text; the member is read back from it, as detection does.
    for (const m of members) {
      const stored = canonicalJson({ m });
      expect(extracted((JSON.parse(stored) as { m: unknown }).m), stored).toEqual(sqlite.get(stored));
    }
    expect(extracted(undefined)).toEqual(sqlite.get('{}'));
  });

  it('a threshold test is what SQL >= says, across types', () => {
    const sqlite = db.prepare("SELECT json_extract(?, '$.m') >= ?").pluck();
    for (const m of [9999, 10000, 10001, 1e5, '5', 'abc', true, null, [1]]) {
      expect(atLeast(extracted(m), 10000), JSON.stringify(m)).toBe(sqlite.get(JSON.stringify({ m }), 10000) === 1);
    }
  });

  it('ts_utc is what the generated column computes, for every form a timestamp comes in', () => {
    const utc = utcTimeOf(db);
    const sqlite = db.prepare("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(?, '$.t'))").pluck();
    const timestamps = [
      '2024-05-06T08:00:03.762Z', '2024-05-06T08:00:03Z', '2024-05-06T08:00:03.7629Z', '2024-05-06T09:30:00.000+02:00',
      '2024-05-06T08:00:03.762', '2024-05-06 08:00:03.762Z', '2024-02-30T10:00:00.000Z', '2024-13-01T10:00:00.000Z',
      '2024-05-06T24:00:00.000Z', '0000-01-01T00:00:00.000Z', '2024-05-06', 'yesterday', 2460000, 2460000.5, null,
    ];
    for (const t of timestamps) expect(utc(extracted(t)), String(t)).toBe(sqlite.get(JSON.stringify({ t })));
  });
});
