import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExpectedHead } from '../../shared/chain/chain-break';
import { hashedForm } from '../../shared/chain/record-hash';
import { UnorderedChainVerifier } from '../../shared/chain/unordered-chain-verifier';
import { pureSha256 } from '../../shared/hash';
import type { JsonObject } from '../../shared/canonical-json';

const dir = path.resolve(__dirname, '../fixtures/chains');
const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<
  string,
  { ok?: boolean; tenant?: string; seq?: number; kind?: string; head?: string }
>;

function verify(records: JsonObject[], heads: string[] = []) {
  const v = new UnorderedChainVerifier();
  records.forEach((r, i) =>
    v.add(r.tenant as string, r.seq as number, r.audit_hash as string, r.prev_hash as string,
      pureSha256.hexOfText(hashedForm(r)), i + 1));
  return v.finish(heads.map(parseExpectedHead));
}

function load(name: string): JsonObject[] {
  return fs.readFileSync(path.join(dir, name), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

describe('chain verification against chains written by hand (tests/fixtures/chains/make_chains.py)', () => {
  it.each(Object.entries(expected))('%s', (name, want) => {
    const report = verify(load(name), want.head ? [want.head] : []);
    if (want.ok) {
      expect(report.ok).toBe(true);
      expect(report.chains.every((c) => c.break === null)).toBe(true);
      return;
    }
    expect(report.ok).toBe(false);
    const broken = report.chains.filter((c) => !c.ok);
    expect(broken).toHaveLength(1);
    expect(broken[0]!.tenant).toBe(want.tenant);
    expect(broken[0]!.break).toMatchObject({ seq: want.seq, kind: want.kind });
  });

  it('reports the head of each chain', () => {
    const records = load('valid.ndjson');
    const report = verify(records);
    const t1 = report.chains.find((c) => c.tenant === 't1')!;
    expect(t1.head).toEqual({ seq: 20, hash: records[19]!.audit_hash });
    expect(t1.records).toBe(20);
  });

  it('accepts the same record twice (two overlapping exports)', () => {
    const records = load('valid.ndjson');
    expect(verify([...records, records[3]!]).ok).toBe(true);
  });

  it('a head the chain reaches with another hash is a mismatch at that seq', () => {
    const report = verify(load('valid.ndjson'), [`t1:12:${'0'.repeat(64)}`]);
    expect(report.chains.find((c) => c.tenant === 't1')!.break).toMatchObject({ seq: 12, kind: 'hash_mismatch' });
  });

  it('a head for a tenant with no records is truncated at seq 1', () => {
    const report = verify(load('valid.ndjson'), [`t9:3:${'a'.repeat(64)}`]);
    expect(report.chains.find((c) => c.tenant === 't9')!.break).toMatchObject({ seq: 1, kind: 'truncated' });
  });

  it('names where the broken record came from', () => {
    const report = verify(load('hash-mismatch.ndjson'));
    expect(report.chains[0]!.break!.detail).toMatch(/line 7/);
  });

  it('rejects a malformed --head', () => {
    expect(() => parseExpectedHead('t1:abc')).toThrow(/TENANT:SEQ:HASH/);
  });
});
