// The report's pass over records that the vault's last full verification re-hashed (positions up to
// its throughPos): their members are read from the records_report index (migration 9), in chain
// order, instead of reading and parsing each record. That is what brings a report over 1M records
// under 5 s (docs/reports.md, "A verified vault"): an index entry is ~190 bytes against ~1,400 for
// the record, and SQLite has already split the members out.
//
// What is checked, and what is not (verifiedChains): that each chain still holds every record the
// verification saw (as many records up to its position as the highest seq, from seq 1: seqs are
// unique per tenant), and joinRanges links the records admitted since to the last one verified. The
// contents and links of the verified records are not checked again: the verification re-hashed them,
// and the report says so, with its date; a change since then takes the vault's key (the index is read
// with the page MAC, so a page changed without it fails to read), and the next verify, or
// `verify-report --vault`, which re-hashes every record, names it.
import type Database from 'better-sqlite3';
import type { ReportAccumulator } from '../../../../shared/reports/report-accumulator';
import type { ReportRecord } from '../../../../shared/reports/report-record';
import { namedDamage } from '../../vault/named-damage';
import { HashCollector } from './evidence-runs';
import { TENANT_RANK, utc, type ChainSegment, type PassScope, type RangePass } from './vault-pass';

/** Part of one tenant's chain, afterSeq < seq <= throughSeq (null: to its end): a thread's share of the index. */
export interface IndexSlice { tenant: string; afterSeq: number; throughSeq: number | null }

const NO_END = Number.MAX_SAFE_INTEGER;

// Rows as arrays, in this order. The period is compared on the index's own ts_utc (in that form, as
// the trail's filters and `export --from/--to` compare it), by SQLite, which skips the rest; the
// timestamp is stored only where it is not that same text. The members with few distinct values come
// as one JSON array (a thousand distinct in 340,000 records of the benchmark), parsed once per
// distinct text; those of queries, exports and violations as another, null for a log. Each value handed from SQLite to JS costs about
// as much as reading its share of the page, so this takes ~30% off the read.
const SELECT_SLICE = `
  SELECT seq, audit_hash, ts_utc, nullif(timestamp, ts_utc), resource_id,
    json_array(kind, user, operation, resource_type, compliance_framework, data_classification, is_sensitive),
    CASE WHEN kind <> 'log' THEN json_array(query_type, model_name, record_count, export_type, violation_type, severity,
      status, file_path, resolved_at) END
  FROM records INDEXED BY records_report
  WHERE purged_at IS NULL AND tenant = @tenant AND seq > @after AND seq <= @through AND pos <= @throughPos
    AND ts_utc >= @from AND ts_utc < @to`;

type Row = [
  seq: number, audit: string, tsUtc: string, timestampIfOther: string | null, resourceId: string | null,
  common: string, other: string | null,
];
type Common = [
  kind: string, user: string | null, operation: string | null, resourceType: string | null, framework: string | null,
  classification: string | null, sensitive: number | null,
];
type Other = [
  queryType: string | null, model: string | null, recordCount: number | null, exportType: string | null,
  violationType: string | null, severity: string | null, status: string | null, filePath: string | null, resolvedAt: string | null,
];

const NO_OTHER: Other = [null, null, null, null, null, null, null, null, null];

/** Each distinct JSON text parsed once; bounded, in case a vault's members are far more varied. */
class ParsedOnce<T> {
  private readonly cache = new Map<string, T>();
  of(text: string): T {
    let value = this.cache.get(text);
    if (value === undefined) {
      if (this.cache.size >= 100_000) this.cache.clear();
      value = JSON.parse(text) as T;
      this.cache.set(text, value);
    }
    return value;
  }
}

/** null as the accumulator reads an absent member. */
const u = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/**
 * Reads the slices of records with pos <= throughPos into `acc`, with the ranks vault-pass.ts gives
 * them (the order of the tables), and gathers their audit hashes. No chain segments: verifiedChains.
 */
export function indexPass(
  db: Database.Database,
  scope: PassScope,
  slices: readonly IndexSlice[],
  throughPos: number,
  acc: ReportAccumulator,
  onProgress?: (records: number) => void,
): RangePass {
  const rows = db.prepare(SELECT_SLICE).raw();
  const rankOf = new Map(scope.tenants.map((tenant, i) => [tenant, i * TENANT_RANK]));
  const from = utc(scope.from), to = utc(scope.to);
  const hashes = new HashCollector();
  const reader = new RecordReader();
  let seen = 0;
  for (const { tenant, afterSeq, throughSeq } of slices) {
    const rank = rankOf.get(tenant)!;
    let lastSeq = afterSeq;
    try {
      for (const r of rows.iterate({ tenant, after: afterSeq, through: throughSeq ?? NO_END, throughPos, from, to }) as Iterable<Row>) {
        if (onProgress && ++seen % 50_000 === 0) onProgress(seen);
        lastSeq = r[0];
        hashes.push(r[1].toLowerCase());
        acc.add(reader.read(tenant, r), rank + r[0]);
      }
    } catch (error) {
      throw namedDamage(error, `seq ${lastSeq} of tenant ${tenant}`);
    }
  }
  return { segments: [], hashes: hashes.finish() };
}

/**
 * Each tenant's chain up to position throughPos as one segment, for joinRanges: whole (ok) when it
 * holds as many records as its highest seq, from seq 1. Seqs are unique per tenant (an index says
 * so), so then none is missing; a seq that is not a whole number the verification named as a break,
 * and the report then checks that tenant through its records. Read from the (tenant, seq) index alone.
 */
export function verifiedChains(db: Database.Database, tenants: readonly string[], throughPos: number): RangePass {
  const extent = db.prepare('SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi FROM records WHERE tenant = ? AND pos <= ?');
  const hashAt = db.prepare('SELECT audit_hash FROM records WHERE tenant = ? AND seq = ?').pluck();
  const segments: ChainSegment[] = [];
  for (const tenant of tenants) {
    const { n, lo, hi } = extent.get(tenant, throughPos) as { n: number; lo: number | null; hi: number | null };
    if (n === 0 || hi === null) continue;
    segments.push({
      tenant, records: n, first: { seq: 1, prev: null }, last: { seq: hi, claimed: hashAt.get(tenant, hi) as string },
      ok: lo === 1 && hi === n, unordered: false,
    });
  }
  return { segments, hashes: new HashCollector().finish() };
}

/**
 * The record as vault-pass.ts's toReportRecord gives it from the record's text, written into one
 * object that is reused for every row (the accumulator keeps nothing of it: ReportAccumulator.add),
 * with the same members in the same order.
 */
class RecordReader {
  private readonly commons = new ParsedOnce<Common>();
  private readonly others = new ParsedOnce<Other>();
  readonly record = {
    audit_hash: '', id: undefined, kind: '', tenant: '', user: undefined as string | undefined,
    timestamp: '', operation: undefined as string | undefined, resource_type: undefined as string | undefined,
    resource_id: undefined as string | undefined, compliance_framework: undefined as string | undefined,
    data_classification: undefined as string | undefined, query_type: undefined as string | undefined,
    model_name: undefined as string | undefined, record_count: undefined as number | undefined,
    export_type: undefined as string | undefined, violation_type: undefined as string | undefined,
    severity: undefined as string | undefined, status: undefined as string | undefined,
    file_path: undefined as string | undefined, resolved_at: undefined as string | undefined,
    is_sensitive: undefined as boolean | undefined,
  };

  read(tenant: string, r: Row): ReportRecord {
    const c = this.commons.of(r[5]);
    const o = r[6] === null ? NO_OTHER : this.others.of(r[6]);
    const x = this.record;
    x.audit_hash = r[1]; x.kind = c[0]; x.tenant = tenant; x.user = u(c[1]); x.timestamp = r[3] ?? r[2];
    x.operation = u(c[2]); x.resource_type = u(c[3]); x.resource_id = u(r[4]); x.compliance_framework = u(c[4]);
    x.data_classification = u(c[5]); x.query_type = u(o[0]); x.model_name = u(o[1]); x.record_count = u(o[2]);
    x.export_type = u(o[3]); x.violation_type = u(o[4]); x.severity = u(o[5]); x.status = u(o[6]);
    x.file_path = c[0] === 'export' ? u(o[7]) : undefined;
    x.resolved_at = c[0] === 'violation' ? u(o[8]) : undefined;
    x.is_sensitive = c[6] === null ? undefined : c[6] === 1;
    return x as unknown as ReportRecord;
  }
}
