// Redaction: the value of every member with a sensitive name, at any depth of any object member of
// the record (the source event kept in `original` included, or the secret would survive there),
// becomes "hmac-sha256:<hex>" of its canonical JSON under a vault-held key. Equal values give equal
// tags, so an auditor can still see that two records carried the same card number without seeing it;
// without the key the tag cannot be reversed by trying likely values.
import { createHmac } from 'node:crypto';
import { canonicalJson, type JsonObject, type JsonValue } from '../../../../shared/canonical-json';
import type { NameMatcher } from './field-names';

export const REDACTION_PREFIX = 'hmac-sha256:';

export function redactionTag(value: JsonValue, key: Uint8Array): string {
  return REDACTION_PREFIX + createHmac('sha256', key).update(canonicalJson(value)).digest('hex');
}

/** A copy of the record with sensitive values replaced, and the paths replaced. */
export function redactRecord(record: JsonObject, matches: NameMatcher, key: Uint8Array): { record: JsonObject; paths: string[] } {
  const paths: string[] = [];
  const walk = (value: JsonValue, path: string): JsonValue => {
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}[${i}]`));
    if (value && typeof value === 'object') {
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(value)) {
        const here = `${path}.${k}`;
        if (matches(k) && v !== null && !(typeof v === 'string' && v.startsWith(REDACTION_PREFIX))) {
          out[k] = redactionTag(v, key);
          paths.push(here);
        } else out[k] = walk(v, here);
      }
      return out;
    }
    return value;
  };
  const out: JsonObject = {};
  for (const [member, value] of Object.entries(record)) {
    out[member] = value && typeof value === 'object' ? walk(value, member) : value;
  }
  return { record: out, paths };
}
