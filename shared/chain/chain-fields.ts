// Reads a stored record's chain fields (tenant, seq, prev_hash) straight from its canonical bytes.
//
// Why not SQL: `verify` reads every record once to re-hash it, and asking SQLite for the same three
// fields through json_extract parsed each record a second time, about a quarter of verify's time at 1M
// records. This walks only the top level of the object (nested values are skipped, never parsed) and
// decodes just the three values. It reads the same bytes that are hashed, so what is linked is what
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

const utf8 = new TextDecoder('utf-8', { fatal: true });
const KEYS = ['prev_hash', 'seq', 'tenant'].map((k) => Uint8Array.from(k, (c) => c.charCodeAt(0)));

/** The chain fields of the JSON object in `bytes` from `start` to the end; null if it cannot say. */
export function chainFieldsOf(bytes: Uint8Array, start = 0): ChainFields | null {
  const end = bytes.length;
  if (bytes[start] !== OPEN_OBJECT) return null;
  const found: Array<[number, number] | undefined> = [undefined, undefined, undefined];
  let i = start + 1;
  if (bytes[i] === CLOSE_OBJECT) return null;
  for (;;) {
    if (bytes[i] !== QUOTE) return null;
    const keyEnd = closingQuote(bytes, i);
    if (keyEnd < 0 || bytes[keyEnd + 1] !== COLON) return null;
    const valueStart = keyEnd + 2;
    const valueEnd = endOfValue(bytes, valueStart);
    if (valueEnd < 0) return null;
    const which = chainKey(bytes, i + 1, keyEnd);
    if (which >= 0) {
      if (found[which]) return null; // a second "seq" (say): not a record we can read without doubt
      found[which] = [valueStart, valueEnd];
    }
    i = valueEnd;
    if (bytes[i] === COMMA) {
      i++;
      continue;
    }
    if (bytes[i] === CLOSE_OBJECT && i === end - 1) break;
    return null;
  }
  const [prev, seq, tenant] = found;
  if (!seq || !tenant) return null;
  const prevHash = prev ? stringAt(bytes, prev) : null;
  const tenantText = stringAt(bytes, tenant);
  const seqText = text(bytes, seq[0], seq[1]);
  if ((prev && prevHash === null) || tenantText === null || seqText === null || !/^-?\d+$/.test(seqText)) return null;
  return { tenant: tenantText, seq: Number(seqText), prevHash };
}

/** Index of the quote that closes the string opening at `open`; -1 if there is none. */
function closingQuote(bytes: Uint8Array, open: number): number {
  let j = open + 1;
  for (;;) {
    j = bytes.indexOf(QUOTE, j);
    if (j < 0) return -1;
    let backslashes = 0;
    while (bytes[j - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return j;
    j++;
  }
}

/** Index just past the JSON value starting at `start`; -1 if it does not end. */
function endOfValue(bytes: Uint8Array, start: number): number {
  const first = bytes[start];
  if (first === QUOTE) {
    const close = closingQuote(bytes, start);
    return close < 0 ? -1 : close + 1;
  }
  if (first === OPEN_OBJECT || first === OPEN_ARRAY) {
    let depth = 0;
    for (let j = start; j < bytes.length; j++) {
      const c = bytes[j];
      if (c === QUOTE) {
        j = closingQuote(bytes, j);
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
  while (j < bytes.length && bytes[j] !== COMMA && bytes[j] !== CLOSE_OBJECT) j++;
  return j === start || j === bytes.length ? -1 : j;
}

/** 0, 1 or 2 when the key between `from` and `to` is prev_hash, seq or tenant; else -1. */
function chainKey(bytes: Uint8Array, from: number, to: number): number {
  outer: for (let k = 0; k < KEYS.length; k++) {
    const key = KEYS[k]!;
    if (to - from !== key.length) continue;
    for (let j = 0; j < key.length; j++) if (bytes[from + j] !== key[j]) continue outer;
    return k;
  }
  return -1;
}

function stringAt(bytes: Uint8Array, [from, to]: [number, number]): string | null {
  if (bytes[from] !== QUOTE) return null;
  const raw = text(bytes, from, to);
  if (raw === null) return null;
  if (!raw.includes('\\')) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return null;
  }
}

function text(bytes: Uint8Array, from: number, to: number): string | null {
  try {
    return utf8.decode(bytes.subarray(from, to));
  } catch {
    return null;
  }
}
