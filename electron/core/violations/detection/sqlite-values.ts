// The values SQLite gives for a stored record's generated columns (records.kind, records.ts_utc, …),
// computed from the record parsed once in JS. Detection parses each record itself (scan-row.ts)
// instead of reading those columns, each of which is a json_extract over the whole text; the values
// and comparisons here must stay SQLite's, or detection would keep other records than the SQL it
// replaces did.
import type Database from 'better-sqlite3';
import { canonicalJson } from '../../../../shared/canonical-json';

export type SqlValue = string | number | null;

/**
 * A member as json_extract(canonical, '$.name') gives it: JSON null or absent as NULL, true and false
 * as 1 and 0, an object or array as its text within the stored text, which is canonical (RFC 8785).
 */
export function extracted(value: unknown): SqlValue {
  switch (typeof value) {
    case 'string':
    case 'number':
      return value;
    case 'boolean':
      return value ? 1 : 0;
    case 'object':
      if (value === null) return null;
      // JSON.stringify gives an array of strings (changed_fields, the common case) its canonical
      // text; an object's keys it would not always sort as RFC 8785 does ("10" before "9").
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? JSON.stringify(value) : canonicalJson(value);
    default:
      return null;
  }
}

/** SQLite's `value >= n` for a number n: NULL is not, text always is (text sorts after every number). */
export function atLeast(value: SqlValue, n: number): boolean {
  if (value === null) return false;
  return typeof value === 'number' ? value >= n : true;
}

/** ts_utc as the generated column computes it: strftime('%Y-%m-%dT%H:%M:%fZ', timestamp). */
export function utcTimeOf(db: Database.Database): (timestamp: SqlValue) => string | null {
  const strftime = db.prepare("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', ?)").pluck();
  return (timestamp) => {
    // The common case, a valid instant already written in that form, is its own UTC form (JS and
    // SQLite agree on it: the round trip through Date checks it is a real calendar instant). Any other
    // text (an offset, fewer or more decimals, no zone) is asked of SQLite.
    if (typeof timestamp === 'string' && timestamp.length === 24 && timestamp.charCodeAt(23) === 90 /* Z */) {
      const ms = Date.parse(timestamp);
      if (!Number.isNaN(ms) && new Date(ms).toISOString() === timestamp) return timestamp;
    }
    return strftime.get(timestamp) as string | null;
  };
}
