// Integer helpers for tree sizes. Sizes and indexes are JS numbers (safe integers, up to 2^53 - 1,
// far beyond any vault), so we use arithmetic, never the 32-bit bitwise operators.

export function isTreeSize(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

/** The largest power of two strictly smaller than n (n >= 2): RFC 9162's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** log2 of a power of two. */
export function log2Exact(powerOfTwo: number): number {
  let level = 0;
  for (let p = powerOfTwo; p > 1; p /= 2) level++;
  return level;
}

/**
 * The perfect subtrees that cover leaves [start, end) on the right border of a tree, left to right,
 * as {level, index}: the binary digits of (end - start), largest first. `start` must be aligned to
 * the largest of them (true for every range the RFC 9162 recursion produces).
 */
export function perfectSubtrees(start: number, end: number): { level: number; index: number }[] {
  const out: { level: number; index: number }[] = [];
  let size = 1;
  let level = 0;
  while (size * 2 <= end - start) {
    size *= 2;
    level++;
  }
  let at = start;
  for (; size >= 1; size /= 2, level--) {
    if (at + size <= end) {
      out.push({ level, index: at / size });
      at += size;
    }
  }
  return out;
}
