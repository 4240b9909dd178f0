// One pass over the vault for a report. The integrity section must re-hash every record of the
// report's tenants anyway (CONTRACT §2, as `auditdesk verify` does), and on an encrypted vault
// reading the pages costs far more than anything done with them, so the same pass also feeds the
// records of the period to the accumulator and collects their audit hashes for the evidence digest.
//
// Why admission order (pos) and one JSON.parse per record: the table is stored in pos order, and
// every page holds records of every tenant, so reading tenant by tenant in seq order decrypted the
// whole table once per tenant; and each generated column is its own json_extract, a parse of the
// record's text per column. One parse in JS is cheaper than twenty in SQL (docs/reports.md,
// "Performance"). Chains are checked per tenant as the seqs arrive; a tenant whose records were
// admitted out of seq order is checked again through its (tenant, seq) index, as verify does.
//
// A large vault is read as two ranges of positions on two threads (this one and report-pass-worker.ts),
// since decrypting and reading the pages is most of the cost (both on connections without the page
// MAC: the pass re-hashes what it uses, docs/vault.md "Page MAC"): each range checks the chain segments it
// holds and feeds its own accumulator; joinRanges then joins the segments end to end (any segment
// that does not join cleanly sends its tenant to the (tenant, seq) check, so a break is named exactly
// as one thread would name it) and the caller merges the accumulators.
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ChainResult, ExpectedHead } from '../../../../shared/chain/chain-break';
import { SortedChainChecker } from '../../../../shared/chain/sorted-chain-checker';
import { ZERO_HASH } from '../../../../shared/hash';
import type { ReportAccumulator } from '../../../../shared/reports/report-accumulator';
import type { ComplianceReport, EvidenceHashes } from '../../../../shared/reports/report-model';
import type { ReportRecord } from '../../../../shared/reports/report-record';
import { isTombstone } from '../../retention/tombstone';
import { namedDamage } from '../../vault/named-damage';
import { verifyTenantBySeq } from '../../vault/verify-range';
import { digestOfRuns, HashCollector, type HashRun } from './evidence-runs';
import { tsUtcBySqlite, tsUtcOf } from './ts-utc';

// The period is compared in the vault's ts_utc form, exactly as the trail's filters and `auditdesk
// export --from/--to` compare it; ts-utc.ts computes it from the parsed record rather than asking
// SQLite for the generated column, which would parse every record's JSON again in SQL.
const SELECT_RANGE = 'SELECT pos, audit_hash, purged_at, canonical FROM records WHERE pos BETWEEN ? AND ? ORDER BY pos';

interface Row { pos: number; audit_hash: string; purged_at: string | null; canonical: string }

/** Tables list records tenant by tenant (in the query's order), then by seq. */
export const TENANT_RANK = 1e12;

export interface PassScope { tenants: readonly string[]; from: string; to: string }

export interface PassResult {
  evidence: EvidenceHashes;
  integrity: Omit<ComplianceReport['integrity'], 'checkpoint'>;
}

/** One tenant's records within a range of positions, checked as a segment of its chain. */
export interface ChainSegment {
  tenant: string;
  records: number;
  first: { seq: number; prev: string | null };
  last: { seq: number; claimed: string };
  /** No break inside the segment. */
  ok: boolean;
  /** Seqs went down within the range: the tenant is checked through its (tenant, seq) index. */
  unordered: boolean;
}

/** What one range of positions gave, besides what its accumulator gathered. */
export interface RangePass {
  segments: ChainSegment[];
  /** Audit hashes (lowercase, sorted) of the range's records in scope, for the evidence digest. */
  hashes: HashRun;
}

/**
 * The record's members; none when its text is not a JSON object (damaged: the pass reads without the
 * page MAC on two threads). It then belongs to no tenant, and its chain names the gap it leaves.
 */
function parsed(canonical: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(canonical);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A bound of the period in the vault's ts_utc form ("YYYY-MM-DDTHH:MM:SS.sssZ"), to compare as text. */
export const utc = (iso: string) => new Date(iso).toISOString();

const headsOf = (db: Database.Database, tenants: readonly string[]): Map<string, ExpectedHead> => {
  const headOf = db.prepare('SELECT tenant, seq, hash FROM chain_heads WHERE tenant = ?');
  return new Map(tenants.flatMap((t) => {
    const head = headOf.get(t) as ExpectedHead | undefined;
    return head ? [[t, head] as const] : [];
  }));
};

/** The whole vault in this thread: one range, joined. */
export function vaultPass(db: Database.Database, scope: PassScope, acc: ReportAccumulator, onProgress?: (records: number) => void): PassResult {
  const maxPos = (db.prepare('SELECT max(pos) FROM records').pluck().get() as number | null) ?? 0;
  return joinRanges(db, scope, [passRange(db, scope, 1, maxPos, acc, onProgress)]);
}

/** Reads the records with fromPos <= pos <= toPos: their chain segments, and those in scope into `acc`. */
export function passRange(
  db: Database.Database,
  scope: PassScope,
  fromPos: number,
  toPos: number,
  acc: ReportAccumulator,
  onProgress?: (records: number) => void,
): RangePass {
  const from = utc(scope.from), to = utc(scope.to);
  const heads = headsOf(db, scope.tenants);
  const chains = new Map(scope.tenants.map((tenant, i) => [tenant, {
    rank: i * TENANT_RANK, checker: new SortedChainChecker(tenant, heads.get(tenant), 'segment'), lastSeq: 0, unordered: false,
  }]));
  const hashes = new HashCollector();
  const tsUtcInSqlite = tsUtcBySqlite(db);
  // Text that is not valid UTF-8 reaches JS with U+FFFD in place of the bad bytes, which could stand
  // for other bytes than the ones signed: such a record is hashed as its stored bytes (as verify does,
  // docs/vault.md "How verify reads a record").
  const storedBytes = db.prepare('SELECT CAST(canonical AS BLOB) FROM records WHERE pos = ?').pluck();
  const hashedText = (row: Row): string | Buffer => (row.canonical.includes('\uFFFD') ? storedBytes.get(row.pos) as Buffer : row.canonical);
  let seen = 0, lastPos = fromPos - 1;
  const rows = db.prepare(SELECT_RANGE).iterate(fromPos, toPos) as Iterable<Row>;
  try {
    for (const row of rows) {
      lastPos = row.pos;
      if (onProgress && ++seen % 50_000 === 0) onProgress(seen);
      const record = parsed(row.canonical);
      const chain = chains.get(record.tenant as string);
      if (!chain) continue;
      const seq = record.seq as number;
      if (seq < chain.lastSeq) chain.unordered = true;
      if (!chain.unordered) {
        chain.lastSeq = seq;
        // A purged tombstone is not re-hashed: its audit_hash still links the chain (issue 6), and it may
        // lack prev_hash (then there is no link to check); any other record without one breaks here.
        const tombstone = row.purged_at !== null && isTombstone(row.canonical);
        chain.checker.push({
          seq, claimed: row.audit_hash,
          prev: typeof record.prev_hash === 'string' ? record.prev_hash : tombstone ? null : '(missing)',
          // No `where`: the report names a break by tenant, seq and kind only (and a string per record costs).
          computed: tombstone ? null : hash('sha256', hashedText(row), 'hex'),
        });
      }
      const t = record.timestamp === undefined || record.timestamp === null ? null : tsUtcOf(record.timestamp) ?? tsUtcInSqlite(row.canonical);
      if (t !== null && t >= from && t < to) {
        hashes.push(row.audit_hash.toLowerCase());
        acc.add(toReportRecord(record, row.audit_hash), chain.rank + seq);
      }
    }
  } catch (error) {
    throw namedDamage(error, `vault position ${lastPos}`);
  }
  // Sorted here, on the range's own thread: the digest then sorts runs that are already in order.
  return { segments: [...chains].flatMap(([tenant, chain]) => segmentOf(tenant, chain.checker, chain.unordered)), hashes: hashes.finish() };
}

/** What a range's checker saw of one tenant, as joinRanges needs it (none: the range held no record of it). */
function segmentOf(tenant: string, checker: SortedChainChecker, unordered: boolean): ChainSegment[] {
  const first = checker.first;
  if (!first) return unordered ? [{ tenant, records: 0, first: { seq: 0, prev: null }, last: { seq: 0, claimed: '' }, ok: false, unordered: true }] : [];
  const result = checker.finish();
  return [{
    tenant, records: result.records, first: { seq: first.seq, prev: first.prev },
    last: { seq: result.head!.seq, claimed: result.head!.hash }, ok: result.break === null, unordered,
  }];
}

/**
 * The integrity section and the evidence digest from the ranges' results, ranges in position order.
 * A tenant whose segments join end to end from seq 1 to its head, each without a break, is verified;
 * any other goes through its (tenant, seq) index, which names the first break as verify does.
 */
export function joinRanges(
  db: Database.Database,
  scope: PassScope,
  ranges: readonly RangePass[],
  /** Tenants checked through their (tenant, seq) index whatever their segments say (a break found by the last verify). */
  recheck: ReadonlySet<string> = new Set(),
): PassResult {
  const heads = headsOf(db, scope.tenants);
  let chainsVerified = 0, recordsVerified = 0;
  const brokenChains: ComplianceReport['integrity']['brokenChains'] = [];
  for (const tenant of scope.tenants) {
    const segments = ranges.flatMap((r) => r.segments.filter((s) => s.tenant === tenant));
    const head = heads.get(tenant);
    // A tenant the vault has never seen has no chain to verify.
    if (!head && segments.length === 0) continue;
    const result: Pick<ChainResult, 'records' | 'break'> = !recheck.has(tenant) && joinsCleanly(segments, head)
      ? { records: segments.reduce((n, s) => n + s.records, 0), break: null }
      : verifyTenantBySeq(db, tenant, head);
    chainsVerified++;
    recordsVerified += result.records;
    if (result.break) brokenChains.push({ tenant, seq: result.break.seq, kind: result.break.kind });
  }
  return { evidence: digestOfRuns(ranges.map((r) => r.hashes)), integrity: { chainsVerified, recordsVerified, brokenChains } };
}

function joinsCleanly(segments: readonly ChainSegment[], head: ExpectedHead | undefined): boolean {
  let seq = 0, claimed = ZERO_HASH;
  for (const s of segments) {
    // A first record without prev_hash to link by (a tombstone's, or a verified chain's from index-pass.ts)
    // has no link to check, as in verify; any other must link to the segment before.
    if (!s.ok || s.unordered || s.first.seq !== seq + 1 || (s.first.prev !== null && s.first.prev !== claimed)) return false;
    seq = s.last.seq;
    claimed = s.last.claimed;
  }
  return segments.length > 0 && (!head || (seq === head.seq && claimed === head.hash));
}

/**
 * The record as the report reads it, with the values the vault's generated columns (json_extract)
 * would give: JSON nulls are absent members, objects their JSON text, is_sensitive true for JSON
 * true or 1.
 */
function toReportRecord(record: Record<string, unknown>, auditHash: string): ReportRecord {
  // One object literal with every member, absent ones undefined (read as absent): every record gets
  // the same shape, so the accumulator's reads of its members stay fast.
  return {
    audit_hash: auditHash, id: value(record.id), kind: value(record.kind), tenant: value(record.tenant), user: value(record.user),
    timestamp: value(record.timestamp), operation: value(record.operation), resource_type: value(record.resource_type),
    resource_id: value(record.resource_id), compliance_framework: value(record.compliance_framework),
    data_classification: value(record.data_classification), query_type: value(record.query_type),
    model_name: value(record.model_name), record_count: value(record.record_count), export_type: value(record.export_type),
    violation_type: value(record.violation_type), severity: value(record.severity), status: value(record.status),
    file_path: record.kind === 'export' ? value(record.file_path) : undefined,
    resolved_at: record.kind === 'violation' ? value(record.resolved_at) : undefined,
    is_sensitive: record.is_sensitive === null || record.is_sensitive === undefined ? undefined : record.is_sensitive === true || record.is_sensitive === 1,
  } as unknown as ReportRecord;
}

/** A member as the generated columns (json_extract) give it: null absent, objects as their JSON text. */
const value = (v: unknown) => (v === null || v === undefined ? undefined : typeof v === 'object' ? JSON.stringify(v) : v);
