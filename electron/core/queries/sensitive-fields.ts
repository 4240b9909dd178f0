// The settings' sensitive field names (migration 1 seeds password, ssn, credit_card, bank_account),
// matched case-insensitively at any depth of a record.
import type Database from 'better-sqlite3';

export function sensitiveFieldNames(db: Database.Database): string[] {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'sensitive_fields'").get() as { value: string } | undefined;
  if (!row) return [];
  try {
    const list = JSON.parse(row.value) as unknown;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase()) : [];
  } catch {
    return [];
  }
}
