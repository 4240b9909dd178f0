// Walks one tenant's chain in seq order and keeps the first failure (CONTRACT §2). Both verifiers
// feed it: the vault's straight from an index in seq order, the file verifier after sorting.
import { ZERO_HASH } from '../hash';
import type { BreakKind, ChainBreak, ChainResult, ExpectedHead } from './chain-break';

export interface ChainEntry {
  seq: number;
  /** audit_hash as the record claims it. */
  claimed: string;
  /** prev_hash as the record claims it; null for a tombstone that does not keep it (issue 6). */
  prev: string | null;
  /** SHA-256 of the record's hashed form, recomputed now; null for a purged tombstone (issue 6). */
  computed: string | null;
  /** Where the record came from, for messages ("a.ndjson line 17"). */
  where?: string;
}

export class SortedChainChecker {
  private expectedSeq = 1;
  private lastHash = ZERO_HASH;
  private previous: ChainEntry | null = null;
  private top: ChainEntry | null = null;
  private count = 0;
  private purged = 0;
  private firstBreak: ChainBreak | null = null;

  /**
   * @param after verify a chain's continuation only: the record at `after.seq` was verified before, and
   *   the entries pushed start at `after.seq + 1` (the vault does this for each batch it admits);
   *   'segment' takes the first entry's seq and prev_hash as given: the caller checks how segments
   *   join (the vault verifies ranges of records on several threads).
   */
  constructor(
    readonly tenant: string,
    private readonly expectedHead?: ExpectedHead,
    after?: { seq: number; hash: string } | 'segment',
  ) {
    if (after === 'segment') this.segment = true;
    else if (after) {
      this.expectedSeq = after.seq + 1;
      this.lastHash = after.hash;
    }
  }

  private segment = false;
  /** The first entry pushed, for joining segments. */
  first: ChainEntry | null = null;

  /** Entries must come in ascending seq order, equal seqs adjacent. */
  push(entry: ChainEntry): void {
    if (!this.first) {
      this.first = entry;
      if (this.segment) {
        this.expectedSeq = entry.seq;
        this.lastHash = entry.prev ?? '';
      }
    }
    this.count++;
    if (entry.computed === null) this.purged++;
    if (!this.top || entry.seq >= this.top.seq) this.top = entry;
    if (!this.firstBreak) this.check(entry);
    this.previous = entry;
  }

  finish(): ChainResult {
    const expected = this.expectedHead;
    if (!this.segment && !this.firstBreak && expected && this.expectedSeq <= expected.seq) {
      this.fail(this.expectedSeq, 'truncated',
        `the chain ends at seq ${this.expectedSeq - 1} but the expected head is seq ${expected.seq}`);
    }
    const result: ChainResult = {
      tenant: this.tenant,
      records: this.count,
      ok: this.firstBreak === null,
      head: this.top ? { seq: this.top.seq, hash: this.top.claimed } : null,
      break: this.firstBreak,
    };
    if (this.purged) result.purged = this.purged;
    return result;
  }

  private check(entry: ChainEntry): void {
    const prior = this.previous;
    if (prior && entry.seq === prior.seq) {
      if (!sameRecord(entry, prior)) {
        this.fail(entry.seq, 'duplicate', `two different records carry seq ${entry.seq}${at(prior)}${at(entry)}`);
      }
      return;
    }
    if (entry.seq !== this.expectedSeq) {
      const missing = this.expectedSeq;
      this.fail(missing, 'gap', missing === 1
        ? `the chain starts at seq ${entry.seq}, not 1`
        : `seq ${missing} is missing: seq ${missing - 1} is followed by seq ${entry.seq}`);
      return;
    }
    if (entry.computed !== null && entry.computed !== entry.claimed) {
      this.fail(entry.seq, 'hash_mismatch',
        `the record hashes to ${entry.computed} but its audit_hash is ${entry.claimed}${at(entry)}`);
      return;
    }
    // A tombstone without prev_hash has no link to check: its own audit_hash is checked by the next
    // record's (hashed) prev_hash, and its place in the log by its leaf hash under the checkpoints.
    if (entry.prev !== null && entry.prev !== this.lastHash) {
      this.fail(entry.seq, 'link_mismatch', entry.seq === 1
        ? `prev_hash of seq 1 must be 64 zeros, is ${entry.prev}${at(entry)}`
        : `prev_hash ${entry.prev} is not the audit_hash ${this.lastHash} of seq ${entry.seq - 1}${at(entry)}`);
      return;
    }
    const expected = this.expectedHead;
    if (expected && entry.seq === expected.seq && entry.claimed !== expected.hash) {
      this.fail(entry.seq, 'hash_mismatch',
        `seq ${entry.seq} has audit_hash ${entry.claimed}, not the expected head ${expected.hash}${at(entry)}`);
      return;
    }
    this.lastHash = entry.claimed;
    this.expectedSeq = entry.seq + 1;
  }

  private fail(seq: number, kind: BreakKind, detail: string): void {
    this.firstBreak = { seq, kind, detail };
  }
}

function sameRecord(a: ChainEntry, b: ChainEntry): boolean {
  return a.claimed === b.claimed && a.prev === b.prev && a.computed === b.computed;
}

function at(entry: ChainEntry): string {
  return entry.where ? ` (${entry.where})` : '';
}
