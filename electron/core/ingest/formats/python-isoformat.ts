// What Python's datetime.isoformat() printed for a timestamp we only have as exported text. isoformat
// writes microseconds only when they are not zero (always 6 digits), and an offset as +HH:MM (UTC is
// +00:00, never Z). Django's JSON encoder (dumpdata, DRF answers) then cut microseconds to
// milliseconds and wrote +00:00 as Z: from `.123Z` the original could be .123000 … .123999, so only
// the .123000 guess can be tried, and a miss means "cannot tell", not "tampered".

export interface IsoformatGuess {
  /** The candidate isoformat text, best guess first. */
  candidates: string[];
  /** Why a miss cannot be told from tampering (precision lost), or null if the guess is exact. */
  lossy: string | null;
  /** The text cannot be a Python datetime at all. */
  invalid: string | null;
}

const SHAPE = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})?$/;

export function pythonIsoformatGuess(text: string): IsoformatGuess {
  const m = SHAPE.exec(text);
  if (!m) return { candidates: [], lossy: null, invalid: `timestamp ${JSON.stringify(text)} is not an ISO 8601 date-time` };
  const [, date, time, fraction = '', zone] = m;
  if (fraction.length > 6) {
    return { candidates: [], lossy: null, invalid: `timestamp ${text} has more than microsecond precision, which a Python datetime cannot hold` };
  }
  const offset = zone === undefined ? '' : zone === 'Z' || zone === 'z' ? '+00:00' : zone;
  const micro = fraction.padEnd(6, '0');
  const candidate = `${date}T${time}${/^0+$/.test(micro) ? '' : `.${micro}`}${offset}`;
  const lossy = fraction.length === 3
    ? `the export keeps the timestamp to milliseconds (${text}); the seed hashed microseconds, which are lost`
    : null;
  return { candidates: [candidate], lossy, invalid: null };
}
