// A report's evidence digest is merged from each range's hashes (evidence-runs.ts), packed as bytes
// and sorted by numeric keys when they are 64 hex digits. Whatever the hashes and however they are
// cut into ranges, the digest must be the one the in-memory form computes from all of them at once.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestOfRuns, HashCollector } from '../../electron/core/reports/vault/evidence-runs';
import { evidenceDigestOf } from '../../shared/reports/evidence-digest';
import { nodeSha256 } from '../../electron/core/node-sha';

const sha = (i: number) => createHash('sha256').update(String(i)).digest('hex');
const reference = (hashes: string[]) => evidenceDigestOf([...hashes], nodeSha256);

/** Each range collected, then posted as a worker posts it (a structured clone). */
function runsOf(ranges: string[][]) {
  return ranges.map((hashes) => {
    const collector = new HashCollector();
    for (const h of hashes) collector.push(h);
    return structuredClone(collector.finish());
  });
}

describe('the evidence digest from ranges of hashes', () => {
  it('merges three ranges of hex hashes, in any order, into the digest of all', () => {
    const all = Array.from({ length: 30_000 }, (_, i) => sha(i));
    const runs = runsOf([all.slice(0, 12_000), all.slice(12_000, 29_999), all.slice(29_999)]);
    expect(runs.map((r) => r.kind)).toEqual(['lines', 'lines', 'lines']);
    expect(digestOfRuns(runs)).toEqual(reference(all));
  });

  it('orders hashes that share their first 8 digits by the rest, within a range and across ranges', () => {
    const base = sha(1).slice(0, 8);
    const tied = ['f', '0', '9', 'a', '01', '1'].map((tail) => (base + tail.repeat(56)).slice(0, 64));
    const ranges = [[tied[0]!, tied[1]!, sha(2), tied[2]!], [tied[3]!, sha(3), tied[4]!, tied[5]!]];
    expect(digestOfRuns(runsOf(ranges))).toEqual(reference(ranges.flat()));
  });

  it('counts the same hash twice when two records claim it', () => {
    expect(digestOfRuns(runsOf([[sha(5), sha(5)], [sha(5)]]))).toEqual(reference([sha(5), sha(5), sha(5)]));
  });

  it('keeps a range with a hash that is not 64 hex digits as strings, and still gives the digest of all', () => {
    // Lowercase, as the passes push them (audit_hash.toLowerCase()).
    const ranges = [[sha(1), sha(2), 'not-a-hash', '', `${sha(8).slice(0, 63)}é`, sha(4)], [sha(3), sha(6)], []];
    const runs = runsOf(ranges);
    expect(runs.map((r) => r.kind)).toEqual(['strings', 'lines', 'lines']);
    expect(digestOfRuns(runs)).toEqual(reference(ranges.flat()));
  });

  it('grows past its first buffer', () => {
    const all = Array.from({ length: 10_000 }, (_, i) => sha(i * 7));
    expect(digestOfRuns(runsOf([all]))).toEqual(reference(all));
  });

  it('gives the digest of nothing for no hashes', () => {
    expect(digestOfRuns(runsOf([[], []]))).toEqual(reference([]));
  });
});
