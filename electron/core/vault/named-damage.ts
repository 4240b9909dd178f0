// A damaged vault file is a finding, not a bug: what SQLite says of a page it cannot read (its page MAC
// failed, or its structure is broken), turned into a message that says where. Verify and a report's
// pass read the records table and name the last record they read before the damage.
import { UserError } from '../errors';

/**
 * A page SQLite cannot read (its page MAC failed, or its structure is broken) ends the read
 * with the place it was found, not an "unexpected error": a damaged file is a finding. `lastRead` says
 * where the last good record was ("vault position 85", "seq 12 of tenant acme").
 */
export function namedDamage(error: unknown, lastRead: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (code !== 'SQLITE_CORRUPT' && code !== 'SQLITE_NOTADB') return error;
  return new UserError(`the vault file is damaged: the records after ${lastRead} cannot be read `
    + `(${(error as Error).message}); it was altered or corrupted outside AuditDesk`);
}
