// How a report's pass is cut into parts, one per thread (report-from-vault.ts), and how a part is read.
// Without a usable verification, a part is a range of positions read from the records and re-hashed
// (vault-pass.ts). With one, the records it re-hashed are read from the report index in chain order
// (index-pass.ts), cut between the threads at a tenant and seq, and the last part also
// checks the verified chains and reads the records admitted after the verification as before: ranges
// then come out in the order joinRanges joins them (each tenant's verified chain, then its records
// admitted since; the index's ranges carry no chain segments).
import type Database from 'better-sqlite3';
import type { ReportAccumulator } from '../../../../shared/reports/report-accumulator';
import type { LastVerification } from '../../vault/last-verification';
import { indexPass, verifiedChains, type IndexSlice } from './index-pass';
import { passRange, type PassScope, type RangePass } from './vault-pass';

export interface ReportPart {
  /** Read first: these slices of the index (records with pos <= throughPos), and the verified chains if `chains`. */
  verified?: { slices: IndexSlice[]; throughPos: number; chains: boolean };
  /** Then the records fromPos <= pos <= toPos, re-hashed (none when fromPos > toPos). */
  fromPos: number;
  toPos: number;
}

/** The index is read with the page MAC: nothing re-hashes what it gives (index-pass.ts). */
export const needsPageMac = (part: ReportPart): boolean => part.verified !== undefined;

/**
 * The parts for `threads` threads (1 or 2); `share` is the first part's share of the records. A
 * verification through position P leaves the records after P, and the check of the chains, to the
 * last part.
 */
export function reportParts(
  db: Database.Database,
  scope: PassScope,
  maxPos: number,
  verification: LastVerification | null,
  threads: 1 | 2,
  share = 0.5,
): ReportPart[] {
  if (!verification) {
    if (threads === 1) return [{ fromPos: 1, toPos: maxPos }];
    const split = Math.floor(maxPos * share);
    return [{ fromPos: 1, toPos: split }, { fromPos: split + 1, toPos: maxPos }];
  }
  const throughPos = Math.min(verification.throughPos, maxPos);
  const whole = scope.tenants.map((tenant): IndexSlice => ({ tenant, afterSeq: 0, throughSeq: null }));
  if (threads === 1) return [{ verified: { slices: whole, throughPos, chains: true }, fromPos: throughPos + 1, toPos: maxPos }];
  const [first, second] = cutSlices(db, scope.tenants, share);
  return [
    { verified: { slices: first, throughPos, chains: false }, fromPos: 1, toPos: 0 },
    { verified: { slices: second, throughPos, chains: true }, fromPos: throughPos + 1, toPos: maxPos },
  ];
}

/** The tenants' chains cut in two at `share` of their records (by their heads' seqs), in order. */
function cutSlices(db: Database.Database, tenants: readonly string[], share: number): [IndexSlice[], IndexSlice[]] {
  const headSeq = db.prepare('SELECT seq FROM chain_heads WHERE tenant = ?').pluck();
  const sizes = tenants.map((tenant) => (headSeq.get(tenant) as number | undefined) ?? 0);
  let left = Math.floor(sizes.reduce((a, b) => a + b, 0) * share);
  const first: IndexSlice[] = [], second: IndexSlice[] = [];
  tenants.forEach((tenant, i) => {
    const size = sizes[i]!;
    if (left >= size) {
      first.push({ tenant, afterSeq: 0, throughSeq: null });
      left -= size;
    } else if (left > 0) {
      first.push({ tenant, afterSeq: 0, throughSeq: left });
      second.push({ tenant, afterSeq: left, throughSeq: null });
      left = 0;
    } else {
      second.push({ tenant, afterSeq: 0, throughSeq: null });
    }
  });
  return [first, second];
}

/** Reads one part into `acc`: its ranges, in the order joinRanges joins them. */
export function readReportPart(
  db: Database.Database,
  scope: PassScope,
  part: ReportPart,
  acc: ReportAccumulator,
  onProgress?: (records: number) => void,
): RangePass[] {
  const ranges: RangePass[] = [];
  let fromIndex = 0;
  if (part.verified) {
    if (part.verified.chains) ranges.push(verifiedChains(db, scope.tenants, part.verified.throughPos));
    ranges.push(indexPass(db, scope, part.verified.slices, part.verified.throughPos, acc, (n) => onProgress?.((fromIndex = n))));
  }
  if (part.fromPos <= part.toPos) {
    ranges.push(passRange(db, scope, part.fromPos, part.toPos, acc, (n) => onProgress?.(fromIndex + n)));
  }
  return ranges;
}
