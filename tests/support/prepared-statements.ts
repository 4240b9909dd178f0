import type Database from 'better-sqlite3';

/** The SQL of every statement `run` prepares on `db`, in order (for checking their query plans). */
export function statementsPrepared(db: Database.Database, run: () => unknown): string[] {
  const statements: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    statements.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  try {
    run();
  } finally {
    db.prepare = prepare;
  }
  return statements;
}
