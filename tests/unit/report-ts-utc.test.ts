// The report's pass computes ts_utc in JS (ts-utc.ts) instead of asking SQLite for the generated
// column. Whatever the timestamp, the pass must end up with SQLite's exact text, or the period would
// take in other records than the trail's filters and `export --from/--to` do.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tsUtcBySqlite, tsUtcOf } from '../../electron/core/reports/vault/ts-utc';

const db = new Database(':memory:');
afterAll(() => db.close());
const bySqlite = tsUtcBySqlite(db);
/** What the pass uses: the JS form where it answers, SQLite's otherwise. */
const inPass = (timestamp: unknown) => tsUtcOf(timestamp) ?? bySqlite(JSON.stringify({ timestamp }));
const sqlite = (timestamp: unknown) => bySqlite(JSON.stringify({ timestamp }));

/** A deterministic spread of RFC 3339 timestamps: years, month ends, fractions, offsets. */
function* generated(): Generator<string> {
  let x = 12345;
  const next = (n: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % n);
  const two = (n: number) => String(n).padStart(2, '0');
  for (let i = 0; i < 5000; i++) {
    const year = [1000, 1969, 1970, 2000, 2023, 2024, 2100, 9999][next(8)]!;
    const fraction = ['', '.5', '.25', '.125', '.999', '.000'][next(6)]!;
    const offset = ['Z', '+00:00', '+05:30', '-08:00', '+14:00', '-14:00', '+13:59', '-00:01'][next(8)]!;
    yield `${year}-${two(1 + next(12))}-${two(1 + next(31))}T${two(next(24))}:${two(next(60))}:${two(next(60))}${fraction}${offset}`;
  }
}

describe('ts_utc in the report pass', () => {
  it('is SQLite\'s own text for every timestamp, odd ones included', () => {
    const odd: unknown[] = [
      '2024-02-30T00:00:00Z', '2023-02-29T12:00:00Z', '2024-02-29T12:00:00Z', '2024-01-01T24:00:00Z',
      '2024-01-01T10:00:60Z', '2024-01-01T10:00:00.9996Z', '2024-01-01T10:00:00+15:00', '2024-01-01 10:00:00',
      '2024-01-01t10:00:00z', '2024-01-01T10:00Z', '2024-01-01', '0999-12-31T23:00:00Z', '9999-12-31T23:59:59-01:00',
      '2024-01-01T24:00:00.000Z', '2023-02-29T00:00:00.000Z', '2024-13-01T00:00:00.000Z', '2024-04-31T00:00:00.000Z',
      '2024-01-01T00:00:00.000+01:00', '+002024-01-01T00:00:00Z', ' 2024-01-01T00:00:00Z', 'yesterday', '', 2460000.5, 0, true, { a: 1 }, ['2024'],
    ];
    for (const t of [...odd, ...generated()]) expect(inPass(t), JSON.stringify(t)).toBe(sqlite(t));
  });

  it('answers in JS for the forms records carry, so SQLite is not asked once per record', () => {
    for (const t of ['2024-03-05T10:20:30Z', '2024-03-05T10:20:30.123Z', '2024-03-05T10:20:30.1+05:30', '2024-12-31T23:30:00-01:00']) {
      expect(tsUtcOf(t), t).toBe(sqlite(t));
    }
    expect(tsUtcOf('2024-12-31T23:30:00-01:00')).toBe('2025-01-01T00:30:00.000Z');
  });
});
