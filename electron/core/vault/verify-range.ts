// Verifies one range of admission positions: each tenant's chain segment in that range, and the Merkle
// tree's building blocks (roots of aligned blocks of 4096 leaves, plus the in-block border at each
// size a checkpoint needs). verify-vault.ts runs it over the whole vault in this thread, or over two
// halves on two worker threads, and then joins the pieces: decrypting pages is most of the cost.
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ChainBreak, ExpectedHead } from '../../../shared/chain/chain-break';
import { chainFieldsOf, type ChainFields } from '../../../shared/chain/chain-fields';
import { SortedChainChecker, type ChainEntry } from '../../../shared/chain/sorted-chain-checker';
import { CompactRange } from '../../../shared/ledger';
import { nodeMerkleHasher } from '../ledger/node-hasher';
import { UserError } from '../errors';
import { isTombstone } from '../retention/tombstone';

export const BLOCK_LEAVES = 4096;

export interface SegmentSummary {
  tenant: string;
  first: { seq: number; prev: string | null };
  last: { seq: number; claimed: string };
  records: number;
  purged: number;
  break: ChainBreak | null;
  /** Seqs went down within the range: the tenant is re-checked through its (tenant, seq) index. */
  unordered: boolean;
}

export interface RangeVerification {
  fromPos: number;
  /** Rows actually read. */
  records: number;
  segments: SegmentSummary[];
  /** Roots of the complete blocks of the range, in order, 32 bytes each; block index of the first. */
  blockRoots: Uint8Array;
  firstBlock: number;
  /** For each wanted tree size inside the range: the border of its last, partial block. */
  partialBorders: Array<{ size: number; hashes: Uint8Array[] }>;
  /** The first admission position found missing, if any. */
  missingPos: number | null;
  lastPos: number;
}

interface Row {
  pos: number;
  audit_hash: string;
  /** 0x00 followed by the stored canonical bytes: the leaf hash's input, and (without its first byte)
   *  the chain hash's. Reading bytes, not text, spares decoding every record into a JS string. */
  leaf_input: Buffer;
  purged_at: string | null;
  leaf_hash: Buffer | null;
}

// SQLite's || yields text; the cast gives back its bytes, with the 0x00 the leaf hash is prefixed by.
// tenant, seq and prev_hash are read from those bytes (chainFieldsOf), not asked of SQL: json_extract
// would parse every record a second time.
const COLUMNS = "pos, audit_hash, CAST(x'00' || canonical AS BLOB) AS leaf_input, purged_at, leaf_hash";

interface ChainRow extends Row, ChainFields {}

/** The row with its chain fields, read from the bytes that are hashed. */
function withChainFields(row: Row): ChainRow {
  const fields = chainFieldsOf(row.leaf_input, 1) ?? parsedChainFields(row);
  return Object.assign(row, fields);
}

/** The slow path for a record the byte reader would not vouch for (it never is one AuditDesk wrote). */
function parsedChainFields(row: Row): ChainFields {
  let parsed: { tenant?: unknown; seq?: unknown; prev_hash?: unknown };
  try {
    parsed = JSON.parse(row.leaf_input.toString('utf8', 1)) as typeof parsed;
  } catch {
    throw new UserError(`the record at vault position ${row.pos} is not JSON: the vault was altered outside AuditDesk`);
  }
  return { tenant: String(parsed.tenant), seq: Number(parsed.seq), prevHash: typeof parsed.prev_hash === 'string' ? parsed.prev_hash : null };
}

export function verifyRange(
  db: Database.Database,
  fromPos: number,
  toPos: number,
  heads: ExpectedHead[],
  wantedSizes: number[],
  onRow?: (records: number) => void,
): RangeVerification {
  const headOf = new Map(heads.map((h) => [h.tenant, h]));
  const wanted = new Set(wantedSizes);
  const checkers = new Map<string, SortedChainChecker>();
  const lastSeq = new Map<string, number>();
  const unordered = new Set<string>();
  const roots: Uint8Array[] = [];
  const partialBorders: RangeVerification['partialBorders'] = [];
  let block = CompactRange.empty(nodeMerkleHasher);
  let expectedPos = fromPos;
  let missingPos: number | null = null;
  let records = 0;

  const rows = db.prepare(`SELECT ${COLUMNS} FROM records WHERE pos BETWEEN ? AND ? ORDER BY pos`).iterate(fromPos, toPos) as Iterable<Row>;
  for (const raw of namingDamage(rows, () => expectedPos - 1)) {
    const row = withChainFields(raw);
    if (row.pos !== expectedPos && missingPos === null) missingPos = expectedPos;
    expectedPos = row.pos + 1;
    block.append(row.purged_at && row.leaf_hash ? row.leaf_hash : hash('sha256', row.leaf_input, 'buffer'));
    if (wanted.has(row.pos) && row.pos % BLOCK_LEAVES !== 0) partialBorders.push({ size: row.pos, hashes: block.borderHashes });
    if (block.size === BLOCK_LEAVES) {
      roots.push(block.root());
      block = CompactRange.empty(nodeMerkleHasher);
    }
    if (!unordered.has(row.tenant)) {
      if (row.seq < (lastSeq.get(row.tenant) ?? 0)) unordered.add(row.tenant);
      else {
        let checker = checkers.get(row.tenant);
        if (!checker) checkers.set(row.tenant, (checker = new SortedChainChecker(row.tenant, headOf.get(row.tenant), 'segment')));
        checker.push(chainEntry(row));
        lastSeq.set(row.tenant, row.seq);
      }
    }
    if (++records % 10000 === 0) onRow?.(records);
  }
  const lastPos = expectedPos - 1;
  if (block.size > 0 && !partialBorders.some((p) => p.size === lastPos)) partialBorders.push({ size: lastPos, hashes: block.borderHashes });

  const segments: SegmentSummary[] = [];
  for (const [tenant, checker] of checkers) {
    const result = checker.finish();
    segments.push({
      tenant,
      first: { seq: checker.first!.seq, prev: checker.first!.prev },
      last: { seq: result.head!.seq, claimed: result.head!.hash },
      records: result.records,
      purged: result.purged ?? 0,
      break: result.break,
      unordered: unordered.has(tenant),
    });
  }
  for (const tenant of unordered) {
    if (!checkers.has(tenant)) {
      segments.push({ tenant, first: { seq: 0, prev: '' }, last: { seq: 0, claimed: '' }, records: 0, purged: 0, break: null, unordered: true });
    }
  }
  const blockRoots = new Uint8Array(roots.length * 32);
  roots.forEach((r, i) => blockRoots.set(r, i * 32));
  return {
    fromPos, records, segments, blockRoots, firstBlock: Math.floor((fromPos - 1) / BLOCK_LEAVES), partialBorders, missingPos, lastPos,
  };
}

/**
 * Rows as read, but a page SQLite cannot read (its page MAC failed, or its structure is broken) ends the
 * verification with the place it was found, not an "unexpected error": a damaged file is a finding.
 */
export function* namingDamage<T>(rows: Iterable<T>, lastRead: () => number): Generator<T> {
  try {
    yield* rows;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'SQLITE_CORRUPT' && code !== 'SQLITE_NOTADB') throw error;
    throw new UserError(`the vault file is damaged: the records after vault position ${lastRead()} cannot be read `
      + `(${(error as Error).message}); it was altered or corrupted outside AuditDesk`);
  }
}

/** One tenant's whole chain through its (tenant, seq) index: for tenants admitted out of seq order. */
export function verifyTenantBySeq(db: Database.Database, tenant: string, head: ExpectedHead | undefined) {
  const checker = new SortedChainChecker(tenant, head);
  const rows = db.prepare(`SELECT ${COLUMNS} FROM records WHERE tenant = ? ORDER BY seq`).iterate(tenant) as Iterable<Row>;
  for (const row of rows) checker.push(chainEntry(withChainFields(row)));
  return checker.finish();
}

function chainEntry(row: ChainRow): ChainEntry {
  const tombstone = row.purged_at !== null && isTombstone(row.leaf_input.toString('utf8', 1));
  return {
    seq: row.seq,
    claimed: row.audit_hash,
    // Only a tombstone may lack prev_hash (it was never hashed; issue 6); any other record without one
    // breaks its chain here, by name.
    prev: row.prevHash ?? (tombstone ? null : '(missing)'),
    // A purged tombstone is not re-hashed: its audit_hash still links the chain (issue 6).
    computed: tombstone ? null : hash('sha256', row.leaf_input.subarray(1), 'hex'),
    where: `vault position ${row.pos}`,
  };
}
