// What the vault's settings say about retention, for the retention section.
import type Database from 'better-sqlite3';
import type { Framework } from '../../../../shared/records/enums';

/** Migration 1's seed values, used when a vault's settings row is missing or has no such framework. */
const DEFAULT_RETENTION_DAYS: Record<Framework, number> = {
  SOX: 2555, PCI_DSS: 1095, GDPR: 2555, HIPAA: 2555, BASEL_III: 2555, ISO_27001: 1095,
};

/** settings row 'retention_days': JSON {framework: days}. */
export function retentionDaysFor(db: Database.Database, framework: Framework): number {
  const row = db.prepare(`SELECT value FROM settings WHERE key = 'retention_days'`).pluck().get() as string | undefined;
  try {
    const days = row ? (JSON.parse(row) as Record<string, unknown>)[framework] : undefined;
    if (typeof days === 'number' && Number.isInteger(days) && days > 0) return days;
  } catch { /* a malformed row falls back to the default, as retention itself does */ }
  return DEFAULT_RETENTION_DAYS[framework];
}
