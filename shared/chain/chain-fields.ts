// Reads a stored record's chain fields (tenant, seq, prev_hash) straight from its canonical text.
//
// Why not SQL: `verify` reads every record once to re-hash it, and asking SQLite for the same three
// fields through json_extract parsed each record a second time, about a quarter of verify's time at 1M
// records. This walks only the top level of the object (nested values are skipped, never parsed) and
// cuts out just the three values. It reads the same text that is hashed, so what is linked is what
// was verified.
//
// Anything that is not a well-formed top-level object, or names a chain field twice, gives null: the
// caller then parses the record in full and reports what it finds.

export interface ChainFields {
  tenant: string;
  seq: number;
  /** null when the record has none: a purge tombstone (issue 6); the caller decides whether it may. */
  prevHash: string | null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

const SEQ = /^-?\d+$/;

/** The chain fields of the JSON object in `text` from `start` to the end; null if it cannot say. */
export function chainFieldsOf(text: string, start = 0): ChainFields | null {
  const end = text.length;
  if (text.charCodeAt(start) !== OPEN_OBJECT) return null;
  // Where each value starts and ends; -1 while not seen.
  let prevFrom = -1, prevTo = -1, seqFrom = -1, seqTo = -1, tenantFrom = -1, tenantTo = -1;
  let i = start + 1;
  if (text.charCodeAt(i) === CLOSE_OBJECT) return null;
  for (;;) {
    if (text.charCodeAt(i) !== QUOTE) return null;
    const keyEnd = closingQuote(text, i);
    if (keyEnd < 0 || text.charCodeAt(keyEnd + 1) !== COLON) return null;
    const valueStart = keyEnd + 2;
    const valueEnd = endOfValue(text, valueStart);
    if (valueEnd < 0) return null;
    // A second "seq" (say) is not a record we can read without doubt.
    const keyLength = keyEnd - i - 1;
    if (keyLength === 3 && text.startsWith('seq', i + 1)) {
      if (seqFrom >= 0) return null;
      seqFrom = valueStart;
      seqTo = valueEnd;
    } else if (keyLength === 6 && text.startsWith('tenant', i + 1)) {
      if (tenantFrom >= 0) return null;
      tenantFrom = valueStart;
      tenantTo = valueEnd;
    } else if (keyLength === 9 && text.startsWith('prev_hash', i + 1)) {
      if (prevFrom >= 0) return null;
      prevFrom = valueStart;
      prevTo = valueEnd;
    }
    i = valueEnd;
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      continue;
    }
    if (c === CLOSE_OBJECT && i === end - 1) break;
    return null;
  }
  if (seqFrom < 0 || tenantFrom < 0) return null;
  const prevHash = prevFrom >= 0 ? stringAt(text, prevFrom, prevTo) : null;
  const tenant = stringAt(text, tenantFrom, tenantTo);
  const seqText = text.slice(seqFrom, seqTo);
  if ((prevFrom >= 0 && prevHash === null) || tenant === null || !SEQ.test(seqText)) return null;
  return { tenant, seq: Number(seqText), prevHash };
}

/** Index of the quote that closes the string opening at `open`; -1 if there is none. */
function closingQuote(text: string, open: number): number {
  let j = open + 1;
  for (;;) {
    j = text.indexOf('"', j);
    if (j < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return j;
    j++;
  }
}

/** Index just past the JSON value starting at `start`; -1 if it does not end. */
function endOfValue(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === QUOTE) {
    const close = closingQuote(text, start);
    return close < 0 ? -1 : close + 1;
  }
  if (first === OPEN_OBJECT || first === OPEN_ARRAY) {
    let depth = 0;
    for (let j = start; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) {
        j = closingQuote(text, j);
        if (j < 0) return -1;
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (--depth === 0) return j + 1;
      }
    }
    return -1;
  }
  // A number or a literal runs to the next comma or the object's end.
  let j = start;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === COMMA || c === CLOSE_OBJECT) break;
    j++;
  }
  return j === start || j === text.length ? -1 : j;
}

/** The JSON string value from `from` to `to` (its quotes included), decoded; null if it is not one. */
function stringAt(text: string, from: number, to: number): string | null {
  if (text.charCodeAt(from) !== QUOTE) return null;
  const inner = text.slice(from + 1, to - 1);
  if (!inner.includes('\\')) return inner;
  try {
    return JSON.parse(text.slice(from, to)) as string;
  } catch {
    return null;
  }
}
