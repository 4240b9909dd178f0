// Verifies the vault: every tenant's chain (re-hashing the stored canonical bytes) and the ledger's
// Merkle tree with every checkpoint. Records are read in admission order in ranges (verify-range.ts):
// one range in this thread for small vaults, two halves on two worker threads for large ones, since
// decrypting pages costs more than anything else. The pieces are then joined here: chain segments end
// to end, and block roots into the tree roots each checkpoint needs.
import { builtWorker } from '../built-worker';
import type Database from 'better-sqlite3';
import type { ChainBreak, ChainResult, ExpectedHead, VerifyReport } from '../../../shared/chain/chain-break';
import { CompactRange, toBase64 } from '../../../shared/ledger';
import { allCheckpoints } from '../ledger/checkpoints';
import { nodeMerkleHasher } from '../ledger/node-hasher';
import { ledgerIdentity } from '../ledger/signing-key';
import { LedgerRecomputation, type LedgerReport } from '../ledger/verify-ledger';
import { BLOCK_LEAVES, verifyRange, verifyTenantBySeq, type RangeVerification, type SegmentSummary } from './verify-range';
import type { VerifyVaultWorkerInput } from './verify-vault-worker';
import { callWorker } from '../worker-call';
import { forWorker, type VaultAccess } from './raw-key';
import { recordVerification } from './last-verification';

export interface VerifyVaultOptions {
  /** Earlier checkpoints held outside the vault (`verify --checkpoint FILE`). */
  externalCheckpoints?: Array<{ note: string; where: string }>;
  /** Trust this verifier key instead of the one the vault names (`--key`). */
  key?: string;
  /** With these, large vaults are read on two worker threads, each with its own connection. */
  parallel?: VaultAccess;
  onProgress?: (done: { records: number; total: number }) => void;
  /**
   * Writes the result to last_verification (vault/last-verification.ts), which lets a report re-hash
   * only the records admitted after it: `auditdesk verify` and the app's Verify ask for it.
   */
  record?: boolean;
}

export type VaultVerifyReport = VerifyReport & { ledger: LedgerReport };

/**
 * Below this many records one thread is quicker than starting two (each derives the key again).
 * AUDITDESK_PARALLEL_MIN_RECORDS overrides it (the tests use it to run the two-thread path small).
 */
const PARALLEL_FROM_RECORDS = Number(process.env.AUDITDESK_PARALLEL_MIN_RECORDS ?? 200_000);

export async function verifyVault(db: Database.Database, options: VerifyVaultOptions = {}): Promise<VaultVerifyReport> {
  const startedAt = new Date().toISOString();
  const heads = db.prepare('SELECT tenant, seq, hash FROM chain_heads').all() as ExpectedHead[];
  // Positions run from 1 without gaps (a gap is reported as removed), so the last one is the count to
  // expect for progress; the report counts the rows actually read. A count(*) would read a whole index.
  const maxPos = (db.prepare('SELECT max(pos) FROM records').pluck().get() as number | null) ?? 0;
  const total = maxPos;
  const identity = ledgerIdentity(db);
  const ledger = new LedgerRecomputation(
    options.key ?? identity?.vkey ?? null,
    identity?.origin ?? null,
    allCheckpoints(db),
    options.externalCheckpoints ?? [],
  );
  const wanted = ledger.wantedSizes();

  const worker = builtWorker('verify-vault-worker');
  let ranges: RangeVerification[];
  // The halves split at a whole block of leaves: a vault of one block or less is one range.
  if (options.parallel && worker && total >= PARALLEL_FROM_RECORDS && maxPos > BLOCK_LEAVES) {
    const split = Math.max(1, Math.round(maxPos / 2 / BLOCK_LEAVES)) * BLOCK_LEAVES;
    const done = [0, 0];
    const progress = (i: number) => (records: number) => {
      done[i] = records;
      options.onProgress?.({ records: done[0]! + done[1]!, total });
    };
    const base = { ...(await forWorker(options.parallel)), heads, wantedSizes: wanted };
    ranges = await Promise.all([
      callWorker<RangeVerification>(worker, { ...base, fromPos: 1, toPos: split } satisfies VerifyVaultWorkerInput, progress(0)),
      callWorker<RangeVerification>(worker, { ...base, fromPos: split + 1, toPos: maxPos } satisfies VerifyVaultWorkerInput, progress(1)),
    ]);
  } else {
    ranges = [verifyRange(db, 1, maxPos, heads, wanted, (records) => options.onProgress?.({ records, total }))];
  }
  const records = ranges.reduce((n, r) => n + r.records, 0);
  options.onProgress?.({ records, total: records });

  const chains = joinChains(db, ranges, heads);
  const ledgerReport = checkTree(db, ledger, ranges);
  if (options.record) {
    recordVerification(db, { verifiedAt: startedAt, throughPos: maxPos, brokenTenants: chains.filter((c) => !c.ok).map((c) => c.tenant) });
  }
  return { ok: chains.every((c) => c.ok) && ledgerReport.ok, records, chains, ledger: ledgerReport };
}

/** Joins each tenant's segments in range order into one chain result, first break wins. */
function joinChains(db: Database.Database, ranges: RangeVerification[], heads: ExpectedHead[]): ChainResult[] {
  const headOf = new Map(heads.map((h) => [h.tenant, h]));
  const byTenant = new Map<string, SegmentSummary[]>();
  for (const range of ranges) for (const s of range.segments) byTenant.set(s.tenant, [...(byTenant.get(s.tenant) ?? []), s]);
  const chains: ChainResult[] = [];
  for (const [tenant, segments] of byTenant) {
    if (segments.some((s) => s.unordered)) {
      chains.push(verifyTenantBySeq(db, tenant, headOf.get(tenant)));
      continue;
    }
    chains.push(joinSegments(tenant, segments, headOf.get(tenant)));
  }
  // A tenant whose every record is gone still has a head to reach.
  for (const head of heads) if (!byTenant.has(head.tenant)) chains.push(joinSegments(head.tenant, [], head));
  return chains.sort((a, b) => (a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : 0));
}

function joinSegments(tenant: string, segments: SegmentSummary[], head: ExpectedHead | undefined): ChainResult {
  let expectedSeq = 1;
  let lastHash = '0'.repeat(64);
  let found: ChainBreak | null = null;
  for (const s of segments) {
    if (s.first.seq !== expectedSeq) {
      found = s.first.seq < expectedSeq
        ? { seq: s.first.seq, kind: 'duplicate', detail: `two different records carry seq ${s.first.seq}` }
        : { seq: expectedSeq, kind: 'gap', detail: expectedSeq === 1 ? `the chain starts at seq ${s.first.seq}, not 1` : `seq ${expectedSeq} is missing: seq ${expectedSeq - 1} is followed by seq ${s.first.seq}` };
    } else if (s.break && s.break.seq === s.first.seq && s.break.kind === 'hash_mismatch') {
      found = s.break;
    } else if (s.first.prev !== null && s.first.prev !== lastHash) {
      found = { seq: s.first.seq, kind: 'link_mismatch', detail: s.first.seq === 1 ? `prev_hash of seq 1 must be 64 zeros, is ${s.first.prev}` : `prev_hash ${s.first.prev} is not the audit_hash ${lastHash} of seq ${s.first.seq - 1}` };
    } else if (s.break) {
      found = s.break;
    }
    if (found) break;
    expectedSeq = s.last.seq + 1;
    lastHash = s.last.claimed;
  }
  if (!found && head && expectedSeq <= head.seq) {
    found = { seq: expectedSeq, kind: 'truncated', detail: `the chain ends at seq ${expectedSeq - 1} but the expected head is seq ${head.seq}` };
  }
  const records = segments.reduce((n, s) => n + s.records, 0);
  const purged = segments.reduce((n, s) => n + s.purged, 0);
  const last = segments.at(-1);
  const result: ChainResult = {
    tenant, records, ok: found === null, head: last ? { seq: last.last.seq, hash: last.last.claimed } : null, break: found,
  };
  if (purged) result.purged = purged;
  return result;
}

/** Rebuilds the tree from the ranges' block roots and partial borders, and checks every checkpoint. */
function checkTree(db: Database.Database, ledger: LedgerRecomputation, ranges: RangeVerification[]): LedgerReport {
  const missing = ranges.map((r) => r.missingPos).find((p) => p !== null);
  if (missing !== undefined && missing !== null) ledger.recordRemoved(missing);
  const partial = new Map<number, Uint8Array[]>();
  for (const r of ranges) for (const p of r.partialBorders) partial.set(p.size, p.hashes);
  const blocks = CompactRange.empty(nodeMerkleHasher);
  const size = ranges.at(-1)?.lastPos ?? 0;
  const rootAt = (s: number): string | null => {
    if (s > size) return null;
    const border = s % BLOCK_LEAVES === 0 ? [] : partial.get(s);
    if (!border) return null;
    try {
      return toBase64(CompactRange.fromParts(s, [...blocks.borderHashes, ...border], nodeMerkleHasher).root());
    } catch {
      return null; // leaves are missing (reported as 'removed'): there is no tree of that size to compare
    }
  };
  const sizes = [...new Set([...ledger.wantedSizes(), size])].sort((a, b) => a - b);
  const roots = new Map<number, string | null>();
  let next = 0;
  const blockRoots = ranges.flatMap((r) => Array.from({ length: r.blockRoots.length / 32 }, (_, i) => r.blockRoots.subarray(i * 32, i * 32 + 32)));
  for (const s of sizes) {
    const fullBlocks = Math.floor(s / BLOCK_LEAVES);
    while (next < fullBlocks && next < blockRoots.length) blocks.append(blockRoots[next++]!);
    roots.set(s, blocks.size === fullBlocks ? rootAt(s) : null);
  }
  const state = db.prepare('SELECT size, border FROM ledger_state WHERE id = 1').get() as { size: number; border: string } | undefined;
  return ledger.check((s) => roots.get(s) ?? null, size, state);
}

