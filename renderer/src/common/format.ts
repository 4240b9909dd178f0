// Display helpers. Everything shown from a record goes through React as text, never as markup.

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** An instant as the auditor reads it: date and time in UTC, to the second. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}

export function shortHash(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-8)}` : hash;
}

/** A JSON value as one line of text. */
export function valueText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
