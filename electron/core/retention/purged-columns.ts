// What a purged row's columns become, as SQL over the row as it was (alias `r`), for both ways the
// purge writes tombstones (purge.ts). The work runs in SQL functions, so a million rows need no round
// trips: the leaf hash reads the stored bytes as a BLOB (never decoded into a JS string), and the
// tombstone is built from the generated columns (the content is never parsed in JavaScript).
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { tombstoneFrom } from './tombstone';

export const PURGED_COLUMNS = {
  // The ledger leaf hash: SHA-256(0x00 ‖ the canonical bytes that were hashed).
  leaf_hash: "adk_leaf_hash(CAST(x'00' || r.canonical AS BLOB))",
  canonical: 'adk_tombstone(r.id, r.seq, r.tenant)',
  // A tombstone keeps no time (tombstone.ts); the column is NOT NULL, and '' takes no bytes.
  admitted_at: "''",
};

export function registerPurgeFunctions(db: Database.Database): void {
  db.function('adk_leaf_hash', { deterministic: true }, (bytes: unknown) => hash('sha256', bytes as Buffer, 'buffer'));
  db.function('adk_tombstone', { deterministic: true }, (id: unknown, seq: unknown, tenant: unknown) => tombstoneFrom({ id, seq, tenant }));
}
