// Reads Python literal text (what str() of a dict prints: {'type': 'AWSAccount', 'ok': True, 'n': None})
// as JSON values. Exports made with Python often hold such text in CSV cells where JSON was meant.
// Covers dicts, lists, tuples (as arrays), str with single or double quotes and their escapes,
// int, float, True, False, None: the subset ast.literal_eval accepts that JSON can carry.
import type { JsonValue } from '../../../../shared/canonical-json';

export class PythonLiteralError extends Error {}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', a: '\x07', v: '\v', '0': '\0',
};

export function parsePythonLiteral(text: string): JsonValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new PythonLiteralError(`${what} at character ${i + 1}`);
  };
  const space = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const sequence = (close: string): JsonValue[] => {
    const out: JsonValue[] = [];
    for (;;) {
      space();
      if (text[i] === close) return i++, out;
      out.push(value());
      space();
      if (text[i] === ',') i++;
      else if (text[i] !== close) fail(`expected , or ${close}`);
    }
  };
  const string = (): string => {
    const quote = text[i]!;
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const ch = text[i]!;
      if (ch === quote) return i++, out;
      if (ch !== '\\') {
        out += ch;
        i++;
        continue;
      }
      const next = text[i + 1] ?? '';
      if (next in SIMPLE_ESCAPES) {
        out += SIMPLE_ESCAPES[next];
        i += 2;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const width = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = text.slice(i + 2, i + 2 + width);
        if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) fail('bad escape');
        out += String.fromCodePoint(parseInt(hex, 16));
        i += 2 + width;
      } else {
        out += `\\${next}`; // Python keeps unknown escapes as written
        i += 2;
      }
    }
  };
  const value = (): JsonValue => {
    space();
    const ch = text[i];
    if (ch === '{') {
      i++;
      const out: Record<string, JsonValue> = {};
      for (;;) {
        space();
        if (text[i] === '}') return i++, out;
        const key = value();
        if (typeof key !== 'string' && typeof key !== 'number') fail('dict keys must be strings or numbers');
        space();
        if (text[i] !== ':') fail('expected :');
        i++;
        out[String(key)] = value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail('expected , or }');
      }
    }
    if (ch === '[') return i++, sequence(']');
    if (ch === '(') return i++, sequence(')');
    if (ch === "'" || ch === '"') return string();
    for (const [word, v] of [['True', true], ['False', false], ['None', null]] as const) {
      if (text.startsWith(word, i) && !/\w/.test(text[i + word.length] ?? '')) return (i += word.length), v;
    }
    const m = /^[+-]?(\d[\d_]*)?(\.\d*)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (m && m[0] !== '' && /\d/.test(m[0])) {
      i += m[0].length;
      return Number(m[0].replace(/_/g, ''));
    }
    return fail('unexpected character');
  };
  const result = value();
  space();
  if (i !== text.length) fail('unexpected text after the value');
  return result;
}
