import { describe, expect, it } from 'vitest';
import { ftsMatchExpression } from '../../electron/core/queries/fts-query';
import { diffRows } from '../../renderer/src/record/data-diff';

describe('the Record diff', () => {
  it('lists every field of either side, flags those in changed_fields and those that really differ', () => {
    const rows = diffRows({ amount: 1, status: 'open', memo: 'x' }, { amount: 2, status: 'open', owner: 'ann' }, ['amount', 'status']);
    const by = Object.fromEntries(rows.map((r) => [r.field, r]));
    expect(Object.keys(by).sort()).toEqual(['amount', 'memo', 'owner', 'status']);
    expect(by.amount).toMatchObject({ listed: true, differs: true, before: 1, after: 2 });
    // Listed as changed but equal: shown, so the auditor sees the claim and the values disagree.
    expect(by.status).toMatchObject({ listed: true, differs: false });
    expect(by.memo).toMatchObject({ listed: false, differs: true, after: undefined });
  });

  it('copes with records without data (CREATE has no old, DELETE no new)', () => {
    expect(diffRows(null, { a: 1 }, undefined)).toEqual([{ field: 'a', before: undefined, after: 1, listed: false, differs: true }]);
    expect(diffRows(undefined, undefined, 'not a list')).toEqual([]);
  });
});

describe('search words to FTS5', () => {
  it('quotes every word as a prefix term so FTS syntax typed by a person is just text', () => {
    expect(ftsMatchExpression('inv 66')).toBe('"inv"* "66"*');
    expect(ftsMatchExpression('a"b OR NEAR(x')).toBe('"ab"* "OR"* "NEAR(x"*');
    expect(ftsMatchExpression('  " * -  ')).toBeNull();
  });
});
