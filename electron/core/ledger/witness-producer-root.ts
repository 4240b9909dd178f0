// The producer's log as the vault holds it: one tenant's chain in seq order, seq 1, 2, 3 …, each leaf
// SHA-256(0x00 ‖ the record's canonical bytes without audit_hash): the very bytes whose SHA-256 is the
// record's audit_hash (CONTRACT §2). A purged record keeps its original leaf hash in leaf_hash.
// Defined for third parties in docs/ledger-formats.md §7.
import type Database from 'better-sqlite3';
import { CompactRange, toBase64 } from '../../../shared/ledger';
import { nodeMerkleHasher, recordLeafHash } from './node-hasher';

export type ProducerRoot =
  | { complete: true; available: number; root: string }
  /** The vault lacks records the checkpoint covers: `available` records with seq 1…available, no gap. */
  | { complete: false; available: number; missingSeq: number };

/** Recomputes the root of the tenant's first `size` records (by seq), or says which seq is missing. */
export function producerRootAt(db: Database.Database, tenant: string, size: number): ProducerRoot {
  const rows = db
    .prepare('SELECT seq, canonical, leaf_hash, purged_at FROM records WHERE tenant = ? AND seq <= ? ORDER BY seq')
    .iterate(tenant, size) as IterableIterator<{ seq: number; canonical: string; leaf_hash: Buffer | null; purged_at: string | null }>;
  const range = CompactRange.empty(nodeMerkleHasher);
  for (const row of rows) {
    if (row.seq !== range.size + 1) return { complete: false, available: range.size, missingSeq: range.size + 1 };
    range.append(row.purged_at && row.leaf_hash ? row.leaf_hash : recordLeafHash(row.canonical));
  }
  if (range.size < size) return { complete: false, available: range.size, missingSeq: range.size + 1 };
  return { complete: true, available: range.size, root: toBase64(range.root()) };
}
