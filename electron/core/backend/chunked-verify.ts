// Verifies every chain like vault/verify-vault.ts (same checker, same recorded heads, same results),
// but in slices with a pause between them, so the backend keeps answering (and the UI shows progress)
// while a large vault is verified. better-sqlite3 is synchronous: one long statement would block all.
import type Database from 'better-sqlite3';
import type { ChainStatus, VerifyResult } from '../../../shared/api/jobs';
import type { ExpectedHead } from '../../../shared/chain/chain-break';
import { SortedChainChecker } from '../../../shared/chain/sorted-chain-checker';
import { nodeSha256 } from '../node-sha';
import { yieldToLoop } from './jobs';

interface Row {
  seq: number;
  prev_hash: string;
  audit_hash: string;
  canonical: string;
  pos: number;
}

const SLICE = 5000;

export async function verifyInSlices(
  db: Database.Database,
  onProgress: (done: number, total: number) => void,
): Promise<VerifyResult> {
  const heads = new Map(
    (db.prepare('SELECT tenant, seq, hash FROM chain_heads').all() as ExpectedHead[]).map((h): [string, ExpectedHead] => [h.tenant, h]),
  );
  const tenants = (db.prepare('SELECT DISTINCT tenant AS t FROM records').all() as Array<{ t: string }>).map((r) => r.t);
  for (const tenant of heads.keys()) if (!tenants.includes(tenant)) tenants.push(tenant);
  tenants.sort();
  const total = (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
  const slice = db.prepare('SELECT seq, prev_hash, audit_hash, canonical, pos FROM records WHERE tenant = ? AND seq > ? ORDER BY seq LIMIT ?');
  const posOf = db.prepare('SELECT pos FROM records WHERE tenant = ? AND seq = ?');
  const chains: ChainStatus[] = [];
  let done = 0;
  onProgress(0, total);
  for (const tenant of tenants) {
    const checker = new SortedChainChecker(tenant, heads.get(tenant));
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = slice.all(tenant, after, SLICE) as Row[];
      for (const row of rows) {
        checker.push({
          seq: row.seq,
          claimed: row.audit_hash,
          prev: row.prev_hash,
          computed: nodeSha256.hexOfText(row.canonical),
          where: `vault position ${row.pos}`,
        });
      }
      done += rows.length;
      onProgress(done, total);
      await yieldToLoop();
      if (rows.length < SLICE) break;
      after = rows.at(-1)!.seq;
    }
    const result = checker.finish();
    const at = result.break ? (posOf.get(tenant, result.break.seq) as { pos: number } | undefined) : undefined;
    chains.push({
      tenant: result.tenant,
      records: result.records,
      ok: result.ok,
      head: result.head,
      break: result.break,
      breakPos: at?.pos ?? null,
    });
  }
  return { ok: chains.every((c) => c.ok), records: done, chains, finishedAt: new Date().toISOString() };
}
