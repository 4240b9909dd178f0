import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { isTombstone, tombstoneOf } from '../../electron/core/retention/tombstone';
import { cutoff, pastRetentionSql } from '../../electron/core/retention/policy';

describe('purge tombstones', () => {
  const original = canonicalJson({ id: 'r1', kind: 'log', tenant: 't', seq: 7, prev_hash: 'a'.repeat(64), timestamp: '2019-01-01T00:00:00Z', user: 'zoe', new_data: { ssn: '123' } });

  it('keep the chain members, nothing of the content', () => {
    const stone = tombstoneOf(original);
    expect(JSON.parse(stone)).toEqual({ id: 'r1', tenant: 't', seq: 7 });
    expect(stone).toBe(canonicalJson(JSON.parse(stone)));
    expect(isTombstone(stone)).toBe(true);
  });

  it('written before, with kind and "purged": true, and with prev_hash too (migration 0004), are still recognised', () => {
    const before = { ...JSON.parse(tombstoneOf(original)), kind: 'log', purged: true };
    expect(isTombstone(canonicalJson(before))).toBe(true);
    expect(isTombstone(canonicalJson({ ...before, prev_hash: 'a'.repeat(64) }))).toBe(true);
    // Only those forms: prev_hash or kind never came without the marker.
    expect(isTombstone(canonicalJson({ ...JSON.parse(tombstoneOf(original)), prev_hash: 'a'.repeat(64) }))).toBe(false);
    expect(isTombstone(canonicalJson({ ...JSON.parse(tombstoneOf(original)), kind: 'log' }))).toBe(false);
  });

  it('are recognised only when bare: content passed off as purged is not a tombstone', () => {
    expect(isTombstone(original)).toBe(false);
    const smuggled = canonicalJson({ ...JSON.parse(tombstoneOf(original)), user: 'someone-else' });
    expect(isTombstone(smuggled)).toBe(false);
    expect(isTombstone(canonicalJson({ ...JSON.parse(tombstoneOf(original)), purged: 'yes' }))).toBe(false);
    expect(isTombstone('not json')).toBe(false);
  });
});

describe('retention policy', () => {
  it('purges by framework, keeps records without a rule, and never purges before the policy even if asked', () => {
    const now = new Date('2024-01-01T00:00:00Z');
    const { sql, params } = pastRetentionSql({ retention_days: { SOX: 10 }, archive_after_days: null }, now, 1);
    expect(sql).toContain('CASE');
    expect(params).toEqual(['SOX', cutoff(now, 10), '', cutoff(now, 1)]);
    expect(cutoff(now, 1)).toBe('2023-12-31T00:00:00.000Z');
  });
});
