// Errors as values across both doors (IPC and HTTP): a handler never throws at its caller; it answers
// {ok: true, value} or {ok: false, error}, and the UI turns an error into something a person can act on.

/** Stable error codes: the UI picks its message and its way out from the code, not from the text. */
export const ERROR_CODES = [
  'bad_request', // the request did not match the route's schema
  'not_found', // no such route, record or job
  'locked', // the vault is locked: unlock first
  'no_vault', // no vault is open (desktop): open or create one
  'wrong_passphrase',
  'forbidden', // a foreign Origin/Host, a missing session token, an untrusted IPC sender
  'not_supported', // e.g. a desktop-only route in the browser
  'busy', // another write (an import) is running
  'failed', // the engine refused, with a message for the user
  'internal', // a bug: the message says so plainly
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): { ok: false; error: ApiError } => ({
  ok: false,
  error: { code, message },
});
