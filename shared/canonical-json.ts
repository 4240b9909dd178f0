// RFC 8785 (JCS) canonical JSON. We use the `canonicalize` package by one of the RFC's authors
// (erdtman/canonicalize) rather than our own: it is small, maintained and passes every case of the
// cyberphone test vectors (tests/unit/canonical-json.test.ts checks that).
import canonicalizeImpl from 'canonicalize';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The RFC 8785 canonical text of a JSON value. Throws on values JSON cannot hold (NaN, Infinity). */
export function canonicalJson(value: unknown): string {
  const text = (canonicalizeImpl as (v: unknown) => string | undefined)(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}
