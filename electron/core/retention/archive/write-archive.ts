// Writes records to an encrypted, self-verifying archive file (issue 6): each record's stored bytes,
// its inclusion proof, and the signed checkpoint the proofs lead to. The caller marks the records
// archived once the file is safely on disk.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { inclusionProof, toBase64, type NodeStore, type NoteSigner } from '../../../../shared/ledger';
import { UserError } from '../../errors';
import { latestCheckpoint, makeCheckpoint } from '../../ledger/checkpoints';
import { Ledger } from '../../ledger/ledger';
import { nodeMerkleHasher } from '../../ledger/node-hasher';
import { ledgerIdentity } from '../../ledger/signing-key';
import { sealArchive } from './archive-container';
import { encodePayload, PAYLOAD_FORMAT, type ArchivedRecord, type ArchiveManifest } from './archive-payload';

export interface ArchiveSecrets {
  /** Encrypts the archive (the vault passphrase, so whoever may open the vault may open its archives). */
  passphrase: string;
  /** Signs a fresh checkpoint when none covers the records yet. */
  signer: NoteSigner | null;
}

export interface WrittenArchive {
  file: string;
  sha256: string;
  records: number;
  checkpoint_size: number;
  tenants: Record<string, number>;
}

/** Proofs for neighbouring leaves share their low subtrees: remember them instead of re-reading leaves. */
class MemoStore implements NodeStore {
  private readonly memo = new Map<string, Uint8Array | undefined>();
  constructor(private readonly inner: NodeStore) {}
  get(level: number, index: number): Uint8Array | undefined {
    const key = `${level}:${index}`;
    if (this.memo.has(key)) return this.memo.get(key);
    const value = this.inner.get(level, index);
    if (this.memo.size > 50_000) this.memo.clear();
    this.memo.set(key, value);
    return value;
  }
  put(): void {
    throw new Error('read only');
  }
}

export function writeArchive(db: Database.Database, positions: number[], file: string, secrets: ArchiveSecrets): WrittenArchive {
  if (positions.length === 0) throw new Error('nothing to archive');
  const identity = ledgerIdentity(db);
  if (!identity) throw new UserError('the vault has no ledger key, so its records cannot be archived with proofs');
  const last = Math.max(...positions.slice(-1), positions[0]!);
  let checkpoint = latestCheckpoint(db);
  if (!checkpoint || checkpoint.size < last) {
    if (!secrets.signer) {
      throw new UserError('archiving needs a signed checkpoint covering the records, and there is no signing key to make one');
    }
    checkpoint = db.transaction(() => makeCheckpoint(db, new Ledger(db), secrets.signer!, 'archive'))();
  }
  const store = new MemoStore(new Ledger(db).nodeStore);
  const read = db.prepare('SELECT pos, tenant, audit_hash, canonical FROM records WHERE pos = ? AND purged_at IS NULL');
  const records: ArchivedRecord[] = [];
  const tenants: Record<string, number> = {};
  for (const pos of positions) {
    const row = read.get(pos) as { pos: number; tenant: string; audit_hash: string; canonical: string } | undefined;
    if (!row) throw new Error(`record at position ${pos} is gone or purged; it cannot be archived`);
    const proof = inclusionProof(store, pos - 1, checkpoint.size, nodeMerkleHasher).map(toBase64);
    records.push({ pos, audit_hash: row.audit_hash, canonical: row.canonical, proof });
    tenants[row.tenant] = (tenants[row.tenant] ?? 0) + 1;
  }
  const manifest: ArchiveManifest = {
    format: PAYLOAD_FORMAT,
    created_at: new Date().toISOString(),
    origin: identity.origin,
    vkey: identity.vkey,
    checkpoint: checkpoint.note,
    records: records.length,
    tenants,
  };
  const sealed = sealArchive(encodePayload(manifest, records), secrets.passphrase);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed: a crash never leaves a half archive under the final name.
  fs.writeFileSync(`${file}.partial`, sealed, { mode: 0o600 });
  fs.renameSync(`${file}.partial`, file);
  return {
    file,
    sha256: createHash('sha256').update(sealed).digest('hex'),
    records: records.length,
    checkpoint_size: checkpoint.size,
    tenants,
  };
}
