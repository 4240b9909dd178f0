// How the ledger reports problems. Parsers and formatters THROW LedgerFormatError (bad input is a
// programming or file error the caller shows as-is); verifiers RETURN a result, because a failed
// check is an expected outcome that the vault turns into a violation record with the reason.

/** A ledger text or value that does not follow its format; the message names what is wrong. */
export class LedgerFormatError extends Error {
  override name = 'LedgerFormatError';
}

export type Verified<T extends object = object> = ({ ok: true } & T) | { ok: false; reason: string };

export function failed(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
