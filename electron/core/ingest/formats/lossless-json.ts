// A JSON parser that keeps every number's source text. The seed system hashes Python's json.dumps of
// its values, where 1000.0 stays "1000.0" and 1e-07 stays "1e-07"; JSON.parse would turn them into
// 1000 and 1e-7 and the recomputed hash would differ. Only the seed hash check needs this; records
// themselves are parsed with JSON.parse. (Written here, not taken from a library, because it is small
// and must also keep duplicate-key semantics equal to Python's: the last one wins.)

export class JsonNumberText {
  constructor(readonly text: string) {}
}

export type LosslessValue = null | boolean | string | JsonNumberText | LosslessValue[] | LosslessObject;
export interface LosslessObject {
  [key: string]: LosslessValue;
}

export class LosslessJsonError extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function parseLossless(text: string): LosslessValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new LosslessJsonError(`${what} at position ${i}`);
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const value = (): LosslessValue => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      const out: LosslessObject = Object.create(null) as LosslessObject;
      space();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail('expected a string key');
        const key = string();
        space();
        if (text[i] !== ':') fail('expected :');
        i++;
        out[key] = value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return out;
        } else fail('expected , or }');
      }
    }
    if (c === '[') {
      i++;
      const out: LosslessValue[] = [];
      space();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value());
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return out;
        } else fail('expected , or ]');
      }
    }
    if (c === '"') return string();
    if (text.startsWith('true', i)) return (i += 4), true;
    if (text.startsWith('false', i)) return (i += 5), false;
    if (text.startsWith('null', i)) return (i += 4), null;
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return fail('unexpected character');
    i += m[0].length;
    return new JsonNumberText(m[0]);
  };
  const string = (): string => {
    // JSON.parse of the literal handles escapes exactly; we only find where it ends.
    const start = i;
    i++;
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const ch = text[i];
      if (ch === '\\') i += 2;
      else if (ch === '"') {
        i++;
        break;
      } else i++;
    }
    return JSON.parse(text.slice(start, i)) as string;
  };
  const result = value();
  space();
  if (i !== text.length) fail('unexpected content after the value');
  return result;
}

export function isLosslessObject(v: LosslessValue | undefined): v is LosslessObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonNumberText);
}
