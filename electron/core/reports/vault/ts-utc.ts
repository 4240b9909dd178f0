// A record's ts_utc (the vault's generated column: strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(canonical,
// '$.timestamp'))) computed in JS for the one form records carry in practice, RFC 3339 with 'Z' or an
// offset, and by SQLite itself for anything else. Why: asking SQLite for the column on every row of the
// report's pass parses each record's JSON a second time, in SQL (a third of the reading time at 1M
// records), while the pass has already parsed it. The JS form only answers where it is certain to give
// SQLite's exact text (tests/unit/report-ts-utc.test.ts compares the two); SQLite quirks (24:00:00
// kept as is, Feb 30 rolled into March, offsets past 14 hours refused, JSON numbers read as Julian
// days) all go to SQLite.
import type Database from 'better-sqlite3';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;
/** The form AuditDesk and the generator write, which is already ts_utc's own: checked without allocating. */
const ALREADY_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const two = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) =>
  month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0) ? 29 : DAYS[month - 1]!;

/** Whether the date and time fields are ones SQLite and JS read alike (no rolling over, no 24:00). */
function plainFields(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && (day <= 28 || day <= daysIn(year, month))
    && hour <= 23 && minute <= 59 && second <= 59;
}

/** ts_utc for a timestamp in plain RFC 3339 form, or undefined when SQLite must say. */
export function tsUtcOf(timestamp: unknown): string | undefined {
  if (typeof timestamp !== 'string') return undefined;
  // Once per record of the report: the common form costs a regex test and a few char codes.
  if (ALREADY_UTC.test(timestamp)) {
    const t = timestamp;
    return plainFields(two(t, 0) * 100 + two(t, 2), two(t, 5), two(t, 8), two(t, 11), two(t, 14), two(t, 17)) ? t : undefined;
  }
  const m = RFC3339.exec(timestamp);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const offH = Number(m[9] ?? 0), offM = Number(m[10] ?? 0);
  if (!plainFields(year, month, day, hour, minute, second) || offH > 14 || offM > 59) return undefined;
  const offset = (m[8] === '-' ? -1 : 1) * (offH * 60 + offM) * 60_000;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, Number((m[7] ?? '').padEnd(3, '0'))) - offset;
  const text = new Date(ms).toISOString();
  // Years past 9999 print with six digits and a sign: leave them to SQLite.
  return text.length === 24 ? text : undefined;
}

/** ts_utc of a record's canonical text, as SQLite's generated column gives it (null when it has none). */
export function tsUtcBySqlite(db: Database.Database): (canonical: string) => string | null {
  const stmt = db.prepare("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(?, '$.timestamp'))").pluck();
  return (canonical) => stmt.get(canonical) as string | null;
}
