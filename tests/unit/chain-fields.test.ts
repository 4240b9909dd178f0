// verify reads each record's tenant, seq and prev_hash from its canonical text without parsing the
// rest (shared/chain/chain-fields.ts). It must agree with a full JSON parse on every record, however
// its data is nested or escaped, and refuse (null) what it cannot read without doubt.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { chainFieldsOf } from '../../shared/chain/chain-fields';
import { seededRandom } from '../../shared/seeded-random';

const HASH = 'ab'.repeat(32);

function record(extra: Record<string, unknown>) {
  return canonicalJson({ id: 'r1', kind: 'log', tenant: 'acme', seq: 7, prev_hash: HASH, timestamp: '2024-05-01T09:00:00Z', ...extra });
}

describe('chain fields from canonical text', () => {
  it('reads them past nested data that holds the same names, quotes, backslashes and brackets', () => {
    const text = record({
      new_data: { seq: 99, tenant: 'evil', prev_hash: '0'.repeat(64), note: 'a "quoted" } ] { [ text\\', path: 'C:\\dir\\' },
      old_data: [{ seq: 1 }, ['tenant', { prev_hash: 'x' }], null, true, -1.5e3],
      changed_fields: ['seq'],
      is_sensitive: false,
      record_count: 0,
    });
    expect(chainFieldsOf(text)).toEqual({ tenant: 'acme', seq: 7, prevHash: HASH });
  });

  it('reads from an offset (verify reads the leaf input, a 0x00 and then the record)', () => {
    expect(chainFieldsOf(`\0${record({})}`, 1)).toEqual({ tenant: 'acme', seq: 7, prevHash: HASH });
  });

  it('decodes escaped and non-ASCII tenants', () => {
    for (const tenant of ['Zoë & Łukasz', '山田', 'quote"back\\slash', 'tab\there', '😀']) {
      expect(chainFieldsOf(record({ tenant }))?.tenant).toBe(tenant);
    }
  });

  it('agrees with JSON.parse on a thousand generated records', () => {
    const next = seededRandom(42);
    const random = { int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
    const value = (depth: number): unknown => {
      const pick = random.int(0, depth > 2 ? 3 : 5);
      if (pick === 0) return random.int(-1000, 1000);
      if (pick === 1) return ['x', '"', '\\', '}', '{', '[', ']', ',', ':', 'é', '\n'].map((c) => (random.int(0, 1) ? c : '')).join('');
      if (pick === 2) return random.int(0, 1) === 1;
      if (pick === 3) return null;
      if (pick === 4) return Array.from({ length: random.int(0, 3) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: random.int(0, 3) }, (_, i) => [['seq', 'tenant', 'prev_hash', `k${i}`][random.int(0, 3)]!, value(depth + 1)]));
    };
    for (let n = 0; n < 1000; n++) {
      const text = record({ seq: random.int(1, 1e9), tenant: `t-${value(3)}`, new_data: value(0), old_data: value(0) });
      const parsed = JSON.parse(text);
      expect(chainFieldsOf(text)).toEqual({ tenant: parsed.tenant, seq: parsed.seq, prevHash: parsed.prev_hash });
    }
  });

  it('says when prev_hash is absent (a purge tombstone keeps none), and leaves the judgement to the caller', () => {
    expect(chainFieldsOf(record({}).replace(`"prev_hash":"${HASH}",`, ''))).toEqual({ tenant: 'acme', seq: 7, prevHash: null });
  });

  it('gives null for what it cannot read without doubt', () => {
    const good = record({});
    for (const bad of [
      good.slice(0, -1), // cut short
      `${good} `, // trailing bytes
      good.replace('"seq":7', '"seq":7,"seq":8'), // a chain field twice
      good.replace('"seq":7', '"seq":"7"'), // seq as a string
      good.replace('"seq":7', '"seq":7.5'),
      good.replace('"seq":7,', ''), // missing
      '[1,2,3]',
      '{}',
      'not json',
    ]) {
      expect(chainFieldsOf(bad), bad).toBeNull();
    }
  });
});
