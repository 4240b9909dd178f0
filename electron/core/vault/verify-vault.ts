// Verifies the vault in one pass over its records in admission order: every tenant's chain (re-hashing
// the stored canonical bytes) and the ledger's Merkle tree with its checkpoints. Chains are checked in
// seq order; a tenant whose records were admitted out of seq order (a producer's chain sent shuffled)
// is re-read through the (tenant, seq) index afterwards.
import type Database from 'better-sqlite3';
import type { ChainResult, ExpectedHead, VerifyReport } from '../../../shared/chain/chain-break';
import { SortedChainChecker } from '../../../shared/chain/sorted-chain-checker';
import { allCheckpoints } from '../ledger/checkpoints';
import { recordLeafHash } from '../ledger/node-hasher';
import { ledgerIdentity } from '../ledger/signing-key';
import { LedgerRecomputation, type LedgerReport } from '../ledger/verify-ledger';
import { nodeSha256 } from '../node-sha';

interface Row {
  pos: number;
  tenant: string;
  seq: number;
  prev_hash: string;
  audit_hash: string;
  canonical: string;
}

export interface VerifyVaultOptions {
  /** Earlier checkpoints held outside the vault (`verify --checkpoint FILE`). */
  externalCheckpoints?: Array<{ note: string; where: string }>;
  /** Trust this verifier key instead of the one the vault names (`--key`). */
  key?: string;
  onProgress?: (done: { records: number; total: number }) => void;
}

export type VaultVerifyReport = VerifyReport & { ledger: LedgerReport };

export function verifyVault(db: Database.Database, options: VerifyVaultOptions = {}): VaultVerifyReport {
  const heads = new Map(
    (db.prepare('SELECT tenant, seq, hash FROM chain_heads').all() as ExpectedHead[]).map((h): [string, ExpectedHead] => [h.tenant, h]),
  );
  const total = db.prepare('SELECT count(*) FROM records').pluck().get() as number;
  const identity = ledgerIdentity(db);
  const ledger = new LedgerRecomputation(
    options.key ?? identity?.vkey ?? null,
    identity?.origin ?? null,
    allCheckpoints(db),
    options.externalCheckpoints ?? [],
  );

  const checkers = new Map<string, SortedChainChecker>();
  const lastSeq = new Map<string, number>();
  const unordered = new Set<string>();
  let records = 0;
  const rows = db.prepare('SELECT pos, tenant, seq, prev_hash, audit_hash, canonical FROM records ORDER BY pos').iterate() as Iterable<Row>;
  for (const row of rows) {
    ledger.add(row.pos, recordLeafHash(row.canonical));
    if (!unordered.has(row.tenant)) {
      const previous = lastSeq.get(row.tenant) ?? 0;
      if (row.seq < previous) {
        unordered.add(row.tenant);
      } else {
        let checker = checkers.get(row.tenant);
        if (!checker) checkers.set(row.tenant, (checker = new SortedChainChecker(row.tenant, heads.get(row.tenant))));
        checker.push(entry(row));
        lastSeq.set(row.tenant, row.seq);
      }
    }
    if (++records % 10000 === 0) options.onProgress?.({ records, total });
  }

  const chains: ChainResult[] = [];
  for (const [tenant, checker] of checkers) if (!unordered.has(tenant)) chains.push(checker.finish());
  const bySeq = db.prepare('SELECT pos, tenant, seq, prev_hash, audit_hash, canonical FROM records WHERE tenant = ? ORDER BY seq');
  for (const tenant of unordered) {
    const checker = new SortedChainChecker(tenant, heads.get(tenant));
    for (const row of bySeq.iterate(tenant) as Iterable<Row>) checker.push(entry(row));
    chains.push(checker.finish());
  }
  // A tenant whose every record is gone still has a head to reach.
  for (const [tenant, head] of heads) {
    if (!checkers.has(tenant) && !unordered.has(tenant)) chains.push(new SortedChainChecker(tenant, head).finish());
  }
  chains.sort((a, b) => (a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : 0));
  options.onProgress?.({ records, total });

  const state = db.prepare('SELECT size, border FROM ledger_state WHERE id = 1').get() as { size: number; border: string } | undefined;
  const ledgerReport = ledger.finish(state);
  return { ok: chains.every((c) => c.ok) && ledgerReport.ok, records, chains, ledger: ledgerReport };
}

function entry(row: Row) {
  return {
    seq: row.seq,
    claimed: row.audit_hash,
    prev: row.prev_hash,
    computed: nodeSha256.hexOfText(row.canonical),
    where: `vault position ${row.pos}`,
  };
}
