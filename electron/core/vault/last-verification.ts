// The last full verification of the vault (migration 9): a report re-hashes only the records admitted
// after it, and reads the earlier ones' members from the records_report index (docs/reports.md,
// "A verified vault"). Written by `auditdesk verify` and the app's Verify, whatever they found: a tenant
// whose chain had a break is listed, and a report re-hashes that tenant's whole chain again.
import type Database from 'better-sqlite3';

export interface LastVerification {
  /** When that verify started (ISO 8601). */
  verifiedAt: string;
  /** Every record with pos <= throughPos was re-hashed and linked by it. */
  throughPos: number;
  brokenTenants: string[];
}

export function lastVerification(db: Database.Database): LastVerification | null {
  const row = db.prepare('SELECT verified_at, through_pos, broken_tenants FROM last_verification WHERE id = 1').get() as
    | { verified_at: string; through_pos: number; broken_tenants: string }
    | undefined;
  return row ? { verifiedAt: row.verified_at, throughPos: row.through_pos, brokenTenants: JSON.parse(row.broken_tenants) as string[] } : null;
}

export function recordVerification(db: Database.Database, verification: LastVerification): void {
  db.prepare(
    `INSERT INTO last_verification(id, verified_at, through_pos, broken_tenants) VALUES (1, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET verified_at = excluded.verified_at, through_pos = excluded.through_pos, broken_tenants = excluded.broken_tenants`,
  ).run(verification.verifiedAt, verification.throughPos, JSON.stringify(verification.brokenTenants));
}

/** A record at or before throughPos got other content (an archive restored): its re-hash is owed again. */
export function forgetVerification(db: Database.Database): void {
  db.prepare('DELETE FROM last_verification').run();
}
