// Python's json.dumps(value, sort_keys=True) with its defaults: separators ', ' and ': ', ensure_ascii
// (every character outside U+0020..U+007E written as \uXXXX, astral ones as surrogate pairs), keys
// sorted by code point, numbers written as their source text (see lossless-json.ts).
import { JsonNumberText, type LosslessValue } from './lossless-json';

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f',
};

export function pythonString(s: string): string {
  let out = '"';
  for (let k = 0; k < s.length; k++) {
    const ch = s[k]!;
    const code = s.charCodeAt(k);
    const short = SHORT_ESCAPES[ch];
    if (short) out += short;
    else if (code >= 0x20 && code <= 0x7e) out += ch;
    else out += `\\u${code.toString(16).padStart(4, '0')}`; // UTF-16 units: surrogate pairs as Python writes them
  }
  return `${out}"`;
}

/** Python sorts str keys by code point; JS sorts by UTF-16 unit, which differs above U+FFFF. */
function byCodePoint(a: string, b: string): number {
  const ca = Array.from(a);
  const cb = Array.from(b);
  for (let k = 0; k < Math.min(ca.length, cb.length); k++) {
    const d = ca[k]!.codePointAt(0)! - cb[k]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}

export function pythonJsonDumps(value: LosslessValue): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return pythonString(value);
  if (value instanceof JsonNumberText) return value.text;
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  const keys = Object.keys(value).sort(byCodePoint);
  return `{${keys.map((k) => `${pythonString(k)}: ${pythonJsonDumps(value[k]!)}`).join(', ')}}`;
}
