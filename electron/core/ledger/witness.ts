// The auditor as witness (issue 4): a producer hands over its own signed checkpoint and public key; the
// vault verifies the signature, keeps the checkpoint, and checks that the records it imported from that
// producer are exactly the ones the producer committed to. A mismatch means the records were changed
// (by the producer or on the way) after the producer signed. Mapping: docs/ledger-formats.md §7.
import type Database from 'better-sqlite3';
import { toBase64, verifyCheckpoint } from '../../../shared/ledger';
import { UserError } from '../errors';
import { recordWitnessAlarm } from '../vault/record-alarms';
import { producerRootAt } from './witness-producer-root';

export type WitnessStatus = 'match' | 'mismatch' | 'incomplete';

export interface WitnessResult {
  status: WitnessStatus;
  tenant: string;
  origin: string;
  size: number;
  /** The root the producer signed (base64). */
  root: string;
  /** The root recomputed from the vault's records, or null when the vault lacks some of them. */
  vaultRoot: string | null;
  /** The tenant's records with seq 1, 2, … and no gap (counted up to the checkpoint's size). */
  recordsAvailable: number;
  /** A sentence saying what was found, for people. */
  message: string;
}

export interface WitnessedCheckpoint extends WitnessResult {
  id: number;
  note: string;
  vkey: string;
  witnessedAt: string;
}

export interface WitnessInput {
  /** The producer's signed checkpoint, as received. */
  note: string;
  /** The producer's verifier key (name+keyid+base64). */
  vkey: string;
  /** The vault tenant holding the producer's records; optional when the vault has one tenant or one named as the origin. */
  tenant?: string;
}

function chooseTenant(db: Database.Database, origin: string, asked: string | undefined): string {
  const tenants = (db.prepare('SELECT tenant FROM tenants ORDER BY tenant').all() as Array<{ tenant: string }>).map((t) => t.tenant);
  if (asked !== undefined) {
    if (!tenants.includes(asked)) throw new UserError(`the vault has no tenant ${asked}`);
    return asked;
  }
  if (tenants.includes(origin)) return origin;
  if (tenants.length === 1) return tenants[0]!;
  throw new UserError(`name the producer's tenant with --tenant (the vault holds ${tenants.length} tenants: ${tenants.join(', ') || 'none'})`);
}

/**
 * Verifies the producer's checkpoint, checks the tenant's records against it, and stores the outcome;
 * a mismatch also raises an INTEGRITY_FAILURE violation (once per checkpoint).
 */
export function witnessCheckpoint(db: Database.Database, input: WitnessInput, now = new Date()): WitnessResult {
  const verified = verifyCheckpoint(input.note, input.vkey);
  if (!verified.ok) throw new UserError(`the checkpoint is refused: ${verified.reason}`);
  const { checkpoint } = verified;
  const tenant = chooseTenant(db, checkpoint.origin, input.tenant);
  const root = toBase64(checkpoint.rootHash);
  const found = producerRootAt(db, tenant, checkpoint.size);
  const result: WitnessResult = found.complete
    ? {
        status: found.root === root ? 'match' : 'mismatch',
        tenant,
        origin: checkpoint.origin,
        size: checkpoint.size,
        root,
        vaultRoot: found.root,
        recordsAvailable: found.available,
        message: found.root === root
          ? `tenant ${tenant}'s first ${checkpoint.size} records are exactly those ${checkpoint.origin} signed`
          : `tenant ${tenant}'s first ${checkpoint.size} records are NOT those ${checkpoint.origin} signed: the vault's root is ${found.root}, the producer's ${root}`,
      }
    : {
        status: 'incomplete',
        tenant,
        origin: checkpoint.origin,
        size: checkpoint.size,
        root,
        vaultRoot: null,
        recordsAvailable: found.available,
        message: `not enough records to check: the checkpoint covers ${checkpoint.size}, tenant ${tenant} has seq 1…${found.available} (seq ${found.missingSeq} is missing)`,
      };
  db.prepare(
    `INSERT INTO witnessed_checkpoints(tenant, origin, size, root, note, vkey, status, vault_root, records_available, witnessed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(tenant, origin, size, root) DO UPDATE SET
       note = excluded.note, vkey = excluded.vkey, status = excluded.status, vault_root = excluded.vault_root,
       records_available = excluded.records_available, witnessed_at = excluded.witnessed_at`,
  ).run(tenant, result.origin, result.size, root, input.note, input.vkey, result.status, result.vaultRoot, result.recordsAvailable, now.toISOString());
  // A proven difference is a tamper alarm, like a chain break found by verify (one per checkpoint).
  if (result.status === 'mismatch') recordWitnessAlarm(db, result);
  return result;
}

interface WitnessRow {
  id: number;
  tenant: string;
  origin: string;
  size: number;
  root: string;
  note: string;
  vkey: string;
  status: WitnessStatus;
  vault_root: string | null;
  records_available: number;
  witnessed_at: string;
}

/** Every witnessed checkpoint, newest first (as last checked; re-run witnessCheckpoint to re-check). */
export function witnessedCheckpoints(db: Database.Database): WitnessedCheckpoint[] {
  const rows = db.prepare('SELECT * FROM witnessed_checkpoints ORDER BY witnessed_at DESC, id DESC').all() as WitnessRow[];
  return rows.map((r) => ({
    id: r.id,
    tenant: r.tenant,
    origin: r.origin,
    size: r.size,
    root: r.root,
    note: r.note,
    vkey: r.vkey,
    status: r.status,
    vaultRoot: r.vault_root,
    recordsAvailable: r.records_available,
    witnessedAt: r.witnessed_at,
    message: r.status === 'match' ? 'match' : r.status === 'mismatch' ? 'records differ from what the producer signed' : 'not enough records to check',
  }));
}
