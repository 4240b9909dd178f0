// Verifies every chain in the vault by re-hashing the stored canonical bytes, in seq order per tenant,
// against the heads the vault recorded (so a tail cut off the table shows as 'truncated').
import type Database from 'better-sqlite3';
import type { ChainResult, ExpectedHead, VerifyReport } from '../../../shared/chain/chain-break';
import { SortedChainChecker } from '../../../shared/chain/sorted-chain-checker';
import { nodeSha256 } from '../node-sha';

interface Row {
  tenant: string;
  seq: number;
  prev_hash: string;
  audit_hash: string;
  canonical: string;
  pos: number;
}

export interface VerifyVaultOptions {
  onProgress?: (done: { records: number; total: number }) => void;
}

export function verifyVault(db: Database.Database, options: VerifyVaultOptions = {}): VerifyReport {
  const heads = new Map(
    (db.prepare('SELECT tenant, seq, hash FROM chain_heads').all() as Array<{ tenant: string; seq: number; hash: string }>)
      .map((h): [string, ExpectedHead] => [h.tenant, h]),
  );
  const total = (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
  const chains: ChainResult[] = [];
  let checker: SortedChainChecker | null = null;
  let records = 0;
  const rows = db
    .prepare('SELECT tenant, seq, prev_hash, audit_hash, canonical, pos FROM records ORDER BY tenant, seq')
    .iterate() as Iterable<Row>;
  for (const row of rows) {
    if (!checker || checker.tenant !== row.tenant) {
      if (checker) chains.push(checker.finish());
      checker = new SortedChainChecker(row.tenant, heads.get(row.tenant));
      heads.delete(row.tenant);
    }
    checker.push({
      seq: row.seq,
      claimed: row.audit_hash,
      prev: row.prev_hash,
      computed: nodeSha256.hexOfText(row.canonical),
      where: `vault position ${row.pos}`,
    });
    if (++records % 10000 === 0) options.onProgress?.({ records, total });
  }
  if (checker) chains.push(checker.finish());
  // Tenants whose every record is gone still have a head to reach.
  for (const [tenant, head] of heads) chains.push(new SortedChainChecker(tenant, head).finish());
  chains.sort((a, b) => (a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : 0));
  options.onProgress?.({ records, total });
  return { ok: chains.every((c) => c.ok), records, chains };
}
