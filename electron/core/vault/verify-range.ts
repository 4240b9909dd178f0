// Verifies one range of admission positions: each tenant's chain segment in that range, and the Merkle
// tree's building blocks (roots of aligned blocks of 4096 leaves, plus the in-block border at each
// size a checkpoint needs). verify-vault.ts runs it over the whole vault in this thread, or over two
// halves on two worker threads, and then joins the pieces: decrypting pages is most of the cost.
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ChainBreak, ExpectedHead } from '../../../shared/chain/chain-break';
import { chainFieldsOf, type ChainFields } from '../../../shared/chain/chain-fields';
import { SortedChainChecker, type ChainEntry } from '../../../shared/chain/sorted-chain-checker';
import { UserError } from '../errors';
import { isTombstone } from '../retention/tombstone';
import { LeafBlock, type HashText } from './leaf-block';
import { namedDamage } from './named-damage';

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

/** A row as read: [pos, audit_hash, leaf_input, purged_at, leaf_hash]. */
type Row = [number, unknown, unknown, string | null, Buffer | null];

// 0x00 ‖ canonical is the leaf hash's input, and (without its first character) the chain hash's: SQLite
// joins them, which costs less than joining each record's string again in JavaScript.
const COLUMNS = 'pos, audit_hash, char(0) || canonical AS leaf_input, purged_at, leaf_hash';

/**
 * A record's leaf input as verify hashes it. It is read as a JS string (SQLite hands it over as UTF-8
 * and V8 decodes it), which is much cheaper than a Buffer per row; node:crypto hashes a string as its
 * UTF-8 bytes, the stored bytes again, whenever they were valid UTF-8. Where they were not, V8 put
 * U+FFFD in their place, and the same U+FFFD could stand for other bytes: so a text holding U+FFFD
 * (or a value that is not text at all) is read again as the stored bytes and hashed as they are.
 * tenant, seq and prev_hash are read from that same text (chain-fields.ts), not asked of SQL:
 * json_extract would parse every record a second time.
 */
interface LeafInput {
  /** 0x00 ‖ the canonical text. */
  text: string;
  /** The stored bytes (0x00 first), for the rows whose text alone could hide what they are. */
  bytes: Buffer | null;
}

function leafInputOf(row: Row, storedBytes: Database.Statement): LeafInput {
  const value = row[2];
  if (typeof value === 'string' && !value.includes('\uFFFD')) return { text: value, bytes: null };
  const bytes = storedBytes.get(row[0]) as Buffer | null;
  if (!bytes) throw new UserError(`the record at vault position ${row[0]} has no content: the vault was altered outside AuditDesk`);
  return { text: bytes.toString('utf8'), bytes };
}

/** SQL for the stored bytes of one record, as leafInputOf needs them. */
const STORED_BYTES = "SELECT CAST(x'00' || canonical AS BLOB) FROM records WHERE pos = ?";

function chainHashOf(input: LeafInput): string {
  return input.bytes ? hash('sha256', input.bytes.subarray(1), 'hex') : hash('sha256', input.text.slice(1), 'hex');
}

function leafHashOf(input: LeafInput): HashText {
  return hash('sha256', input.bytes ?? input.text, 'binary');
}

/** The chain fields, read from the text that is hashed. */
function chainFields(pos: number, input: LeafInput): ChainFields {
  return chainFieldsOf(input.text, 1) ?? parsedChainFields(pos, input.text.slice(1));
}

/** The slow path for a record the text reader would not vouch for (it never is one AuditDesk wrote). */
function parsedChainFields(pos: number, text: string): ChainFields {
  let parsed: { tenant?: unknown; seq?: unknown; prev_hash?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new UserError(`the record at vault position ${pos} is not JSON: the vault was altered outside AuditDesk`);
  }
  return { tenant: String(parsed.tenant), seq: Number(parsed.seq), prevHash: typeof parsed.prev_hash === 'string' ? parsed.prev_hash : null };
}

/** One tenant's state within the range. */
interface TenantSegment {
  checker: SortedChainChecker | null;
  lastSeq: number;
  /** Seqs went down: the tenant is re-checked through its (tenant, seq) index instead. */
  unordered: boolean;
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
  const tenants = new Map<string, TenantSegment>();
  const roots: Uint8Array[] = [];
  const partialBorders: RangeVerification['partialBorders'] = [];
  const block = new LeafBlock();
  const storedBytes = db.prepare(STORED_BYTES).pluck();
  let expectedPos = fromPos;
  let missingPos: number | null = null;
  let records = 0;

  const rows = db.prepare(`SELECT ${COLUMNS} FROM records WHERE pos BETWEEN ? AND ? ORDER BY pos`).raw().iterate(fromPos, toPos) as Iterable<Row>;
  try {
    for (const row of rows) {
      const pos = row[0];
      const input = leafInputOf(row, storedBytes);
      const fields = chainFields(pos, input);
      if (pos !== expectedPos && missingPos === null) missingPos = expectedPos;
      expectedPos = pos + 1;
      const purged = row[3] !== null;
      block.append(purged && row[4] ? keptLeafHash(pos, row[4]) : leafHashOf(input));
      if (wanted.has(pos) && pos % BLOCK_LEAVES !== 0) partialBorders.push({ size: pos, hashes: block.borderHashes() });
      if (block.size === BLOCK_LEAVES) {
        roots.push(block.root());
        block.clear();
      }
      let segment = tenants.get(fields.tenant);
      if (!segment) tenants.set(fields.tenant, (segment = { checker: null, lastSeq: 0, unordered: false }));
      if (!segment.unordered) {
        if (fields.seq < segment.lastSeq) segment.unordered = true;
        else {
          segment.checker ??= new SortedChainChecker(fields.tenant, headOf.get(fields.tenant), 'segment');
          segment.checker.push(chainEntry(pos, row[1], input, fields, purged));
          segment.lastSeq = fields.seq;
        }
      }
      if (++records % 10000 === 0) onRow?.(records);
    }
  } catch (error) {
    throw namedDamage(error, `vault position ${expectedPos - 1}`);
  }
  const lastPos = expectedPos - 1;
  if (block.size > 0 && !partialBorders.some((p) => p.size === lastPos)) partialBorders.push({ size: lastPos, hashes: block.borderHashes() });

  const segments: SegmentSummary[] = [];
  for (const [tenant, { checker, unordered }] of tenants) {
    if (!checker) {
      segments.push({ tenant, first: { seq: 0, prev: '' }, last: { seq: 0, claimed: '' }, records: 0, purged: 0, break: null, unordered: true });
      continue;
    }
    const result = checker.finish();
    segments.push({
      tenant,
      first: { seq: checker.first!.seq, prev: checker.first!.prev },
      last: { seq: result.head!.seq, claimed: result.head!.hash },
      records: result.records,
      purged: result.purged ?? 0,
      break: result.break,
      unordered,
    });
  }
  const blockRoots = new Uint8Array(roots.length * 32);
  roots.forEach((r, i) => blockRoots.set(r, i * 32));
  return {
    fromPos, records, segments, blockRoots, firstBlock: Math.floor((fromPos - 1) / BLOCK_LEAVES), partialBorders, missingPos, lastPos,
  };
}

/** A purged record's leaf hash as kept when its content went (issue 6). */
function keptLeafHash(pos: number, leafHash: Buffer): HashText {
  if (leafHash.length !== 32) {
    throw new UserError(`the kept leaf hash at vault position ${pos} is ${leafHash.length} bytes, not 32: the vault was altered outside AuditDesk`);
  }
  return LeafBlock.fromBytes(leafHash);
}

/** One tenant's whole chain through its (tenant, seq) index: for tenants admitted out of seq order. */
export function verifyTenantBySeq(db: Database.Database, tenant: string, head: ExpectedHead | undefined) {
  const checker = new SortedChainChecker(tenant, head);
  const storedBytes = db.prepare(STORED_BYTES).pluck();
  const rows = db.prepare(`SELECT ${COLUMNS} FROM records WHERE tenant = ? ORDER BY seq`).raw().iterate(tenant) as Iterable<Row>;
  let lastSeq = 0;
  try {
    for (const row of rows) {
      const input = leafInputOf(row, storedBytes);
      const fields = chainFields(row[0], input);
      checker.push(chainEntry(row[0], row[1], input, fields, row[3] !== null));
      lastSeq = fields.seq;
    }
  } catch (error) {
    throw namedDamage(error, `seq ${lastSeq} of tenant ${tenant}`);
  }
  return checker.finish();
}

function chainEntry(pos: number, claimed: unknown, input: LeafInput, fields: ChainFields, purged: boolean): ChainEntry {
  const tombstone = purged && isTombstone(input.text.slice(1));
  return {
    seq: fields.seq,
    claimed: claimed as string,
    // Only a tombstone may lack prev_hash (it was never hashed; issue 6); any other record without one
    // breaks its chain here, by name.
    prev: fields.prevHash ?? (tombstone ? null : '(missing)'),
    // A purged tombstone is not re-hashed: its audit_hash still links the chain (issue 6).
    computed: tombstone ? null : chainHashOf(input),
    where: `vault position ${pos}`,
  };
}
