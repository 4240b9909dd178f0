// Prepared statements kept per connection. Compiling SQL costs tens of microseconds a statement, and
// the collector admits single records hundreds of times a second, each through an Admission and a
// Ledger that need about a dozen statements: compiling them once per connection, not once per request,
// was the largest part of a single-record POST. Each owner keeps its own cache (a statement's
// pluck/raw mode is its owner's business), keyed by the connection so a closed vault's statements go
// with it.
import type Database from 'better-sqlite3';

export function statementsFor<T>(cache: WeakMap<Database.Database, T>, db: Database.Database, prepare: (db: Database.Database) => T): T {
  let statements = cache.get(db);
  if (!statements) {
    statements = prepare(db);
    cache.set(db, statements);
  }
  return statements;
}
