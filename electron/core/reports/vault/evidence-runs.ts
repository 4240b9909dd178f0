// The evidence digest (EvidenceHashesSchema: SHA-256 over each counted record's audit_hash, lowercase
// hex, followed by "\n", in sorted order) from the hashes each range of a report's pass gathered.
//
// At 1M records, gathering them as strings cost ~0.7 s of a 5 s report (docs/reports.md,
// "Performance"): a million strings posted by the worker one by one, then read again in sorted
// order, which is random order in memory, to be joined for SHA-256. So each range writes every hash,
// as it reads it, into one buffer of 65-byte lines (the hash and "\n": the bytes the digest hashes),
// and sorts a Float64Array of keys (the first 8 hex digits and the line's index, 32 + 21 bits: exact
// in a float64), which the engine sorts natively. The worker hands both buffers over without a copy,
// and the digest merges the ranges by their keys. This needs what AuditDesk writes, 64 hex digits; a
// range that meets any other hash (a producer's own, a changed record) keeps its hashes as strings.
import { createHash, type Hash } from 'node:crypto';
import { EVIDENCE_DIGEST_OF } from '../../../../shared/reports/evidence-digest';
import type { EvidenceHashes } from '../../../../shared/reports/report-model';

const LINE = 65;
const INDEX_SPAN = 2 ** 21;

/** A range's hashes, ready to merge: sorted lines with each one's first 8 digits, or sorted strings. */
export type HashRun =
  | { kind: 'lines'; lines: Uint8Array; prefixes: Float64Array }
  | { kind: 'strings'; hashes: string[] };

/** The first 8 characters as a lowercase hex number, or -1 when they are not that. */
function hexPrefix(s: string): number {
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/** Gathers one range's hashes (lowercase) as they are read. */
export class HashCollector {
  private lines = Buffer.allocUnsafeSlow(LINE * 4096);
  private keys = new Float64Array(4096);
  private count = 0;
  /** Set once a hash is not 64 hex digits (or there are too many for a key): every hash as a string. */
  private strings: string[] | null = null;

  push(hash: string): void {
    if (this.strings) {
      this.strings.push(hash);
      return;
    }
    // 64 hex digits in 64 bytes: ASCII, so a byte is a UTF-16 unit (order) and its own UTF-8 (digest).
    const prefix = hash.length === 64 && this.count < INDEX_SPAN && Buffer.byteLength(hash, 'utf8') === 64 ? hexPrefix(hash) : -1;
    if (prefix < 0) {
      this.strings = this.lineStrings();
      this.strings.push(hash);
      return;
    }
    if (this.count === this.keys.length) this.grow();
    this.lines.write(hash, this.count * LINE, 'latin1');
    this.lines[this.count * LINE + 64] = 10;
    this.keys[this.count] = prefix * INDEX_SPAN + this.count;
    this.count++;
  }

  /** The run, sorted: the lines gathered into sorted order here, on the range's own thread. */
  finish(): HashRun {
    if (this.strings) return { kind: 'strings', hashes: this.strings.sort() };
    const n = this.count;
    const keys = this.keys.slice(0, n).sort();
    sortTies(this.lines, keys);
    const lines = new Uint8Array(n * LINE);
    const prefixes = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      this.lines.copy(lines, k * LINE, lineAt(keys[k]!), lineAt(keys[k]!) + LINE);
      prefixes[k] = prefixOf(keys[k]!);
    }
    return { kind: 'lines', lines, prefixes };
  }

  private grow(): void {
    const lines = Buffer.allocUnsafeSlow(this.lines.length * 2);
    this.lines.copy(lines);
    this.lines = lines;
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
  }

  private lineStrings(): string[] {
    return Array.from({ length: this.count }, (_, i) => this.lines.toString('latin1', i * LINE, i * LINE + 64));
  }
}

const lineAt = (key: number) => (key % INDEX_SPAN) * LINE;
const prefixOf = (key: number) => Math.floor(key / INDEX_SPAN);

/** Lines after the first 8 digits, as their bytes compare: negative when a's comes first. */
function compareRest(a: Uint8Array, aAt: number, b: Uint8Array, bAt: number): number {
  for (let c = 8; c < 64; c++) {
    const d = a[aAt + c]! - b[bAt + c]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** Keys that share their 8 digits (a few in a million) are put in the order of their whole lines. */
function sortTies(lines: Uint8Array, keys: Float64Array): void {
  for (let k = 0; k < keys.length;) {
    let end = k + 1;
    while (end < keys.length && prefixOf(keys[end]!) === prefixOf(keys[k]!)) end++;
    if (end - k > 1) keys.set([...keys.subarray(k, end)].sort((x, y) => compareRest(lines, lineAt(x), lines, lineAt(y))), k);
    k = end;
  }
}

/** What a worker transfers rather than copies when it posts these runs. */
export const transferablesOf = (runs: readonly HashRun[]): ArrayBuffer[] =>
  runs.flatMap((r) => (r.kind === 'lines' ? [r.lines.buffer as ArrayBuffer, r.prefixes.buffer as ArrayBuffer] : []));

/** The digest of every run's hashes together, merged in order. */
export function digestOfRuns(runs: readonly HashRun[]): EvidenceHashes {
  const sha = createHash('sha256');
  const lineRuns = runs.filter((r): r is LineRun => r.kind === 'lines');
  const count = lineRuns.length === runs.length
    ? mergeLines(lineRuns, sha)
    : mergeStrings(runs.map((r) => (r.kind === 'strings' ? r.hashes : linesInOrder(r))), sha);
  return { algorithm: 'sha256', of: EVIDENCE_DIGEST_OF, count, digest: sha.digest('hex') };
}

const CHUNK_LINES = 4096;
type LineRun = Extract<HashRun, { kind: 'lines' }>;

/**
 * Calls `take(r, i)` for item i of run r, over every item of the runs (each sorted), in merged order;
 * `before(r, i, s, j)` says whether item i of run r comes before item j of run s.
 */
function mergeRuns(
  lengths: readonly number[],
  before: (r: number, i: number, s: number, j: number) => boolean,
  take: (r: number, i: number) => void,
): void {
  const next = lengths.map(() => 0);
  for (;;) {
    let from = -1;
    for (let r = 0; r < lengths.length; r++) {
      if (next[r]! < lengths[r]! && (from < 0 || before(r, next[r]!, from, next[from]!))) from = r;
    }
    if (from < 0) return;
    take(from, next[from]!++);
  }
}

function mergeLines(runs: readonly LineRun[], sha: Hash): number {
  const chunk = new Uint8Array(CHUNK_LINES * LINE);
  let filled = 0, count = 0;
  mergeRuns(
    runs.map((r) => r.prefixes.length),
    (r, i, s, j) => {
      const pa = runs[r]!.prefixes[i]!, pb = runs[s]!.prefixes[j]!;
      return pa !== pb ? pa < pb : compareRest(runs[r]!.lines, i * LINE, runs[s]!.lines, j * LINE) < 0;
    },
    (r, i) => {
      const lines = runs[r]!.lines;
      // Each run is read in order, so this byte loop streams (cheaper than a copy call per 65 bytes).
      for (let b = i * LINE, end = b + LINE, o = filled * LINE; b < end; b++, o++) chunk[o] = lines[b]!;
      count++;
      if (++filled === CHUNK_LINES) {
        sha.update(chunk);
        filled = 0;
      }
    },
  );
  if (filled > 0) sha.update(chunk.subarray(0, filled * LINE));
  return count;
}

const linesInOrder = (run: LineRun): string[] =>
  Array.from(run.prefixes, (_, k) => Buffer.from(run.lines.buffer, run.lines.byteOffset + k * LINE, 64).toString('latin1'));

function mergeStrings(runs: ReadonlyArray<readonly string[]>, sha: Hash): number {
  let chunk: string[] = [];
  let count = 0;
  mergeRuns(runs.map((r) => r.length), (r, i, s, j) => runs[r]![i]! < runs[s]![j]!, (r, i) => {
    chunk.push(runs[r]![i]!);
    count++;
    if (chunk.length === CHUNK_LINES) {
      sha.update(`${chunk.join('\n')}\n`, 'utf8');
      chunk = [];
    }
  });
  if (chunk.length) sha.update(`${chunk.join('\n')}\n`, 'utf8');
  return count;
}
