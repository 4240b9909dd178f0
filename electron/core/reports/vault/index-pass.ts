// The report's pass over records that the vault's last full verification re-hashed (positions up to
// its throughPos): their members are read from the records_report index (migration 9), in chain
// order, instead of reading and parsing each record. That is what brings a report over 1M records
// under 5 s (docs/reports.md, "Performance"): an index entry is ~300 bytes against ~1,400 for the
// record, and SQLite has already split the members out.
//
// What is checked here, and what is not: each chain's links (every prev_hash against the audit_hash
// before it, seqs without gaps), read now from the stored hashes; the contents of these records are
// not re-hashed here, since that verification did (the report says so, with its date). The records
// admitted after it go through vault-pass.ts and are re-hashed. The index is read with the page MAC
// on, unlike the re-hashing pass: nothing here re-hashes what it reads, so a page changed without
// the key must fail to read.
//
// The index leaves purged records out (their content is gone): a gap in the seqs is filled from the
// records table with the tombstones there, whose audit_hash still links (as in verify).
import type Database from 'better-sqlite3';
import type { ReportAccumulator } from '../../../../shared/reports/report-accumulator';
import type { ReportRecord } from '../../../../shared/reports/report-record';
import { SortedChainChecker } from '../../../../shared/chain/sorted-chain-checker';
import { namedDamage } from '../../vault/named-damage';
import { HashCollector } from './evidence-runs';
import { headsOf, segmentOf, TENANT_RANK, utc, type PassScope, type RangePass } from './vault-pass';

/** Part of one tenant's chain: afterSeq < seq <= throughSeq (null: to its end). */
export interface ChainStretch { tenant: string; afterSeq: number; throughSeq: number | null }

const NO_END = Number.MAX_SAFE_INTEGER;

// Rows as arrays, in this order. in_period is compared in SQL on the index's own ts_utc, exactly as
// the trail's filters and `export --from/--to` compare it. The members with few distinct values come
// as one JSON array (a thousand distinct in 340,000 records of the benchmark), parsed once per distinct
// text; those of queries, exports and violations as another, null for a log. Each value handed from
// SQLite to JS costs about as much as reading its share of the page, so this takes ~30% off the read.
const SELECT_STRETCH = `
  SELECT seq, prev_hash, audit_hash, ts_utc >= @from AND ts_utc < @to AS in_period, timestamp, resource_id,
    json_array(kind, user, operation, resource_type, compliance_framework, data_classification, is_sensitive) AS common,
    CASE WHEN kind <> 'log' THEN json_array(query_type, model_name, record_count, export_type, violation_type, severity,
      status, file_path, resolved_at) END AS other
  FROM records INDEXED BY records_report
  WHERE purged_at IS NULL AND tenant = @tenant AND seq > @after AND seq <= @through AND pos <= @throughPos
  ORDER BY seq`;

// The tombstones in a gap of the live seqs (the records_tenant_seq index, then each row).
const SELECT_TOMBSTONES = `
  SELECT seq, prev_hash, audit_hash FROM records
  WHERE tenant = ? AND seq > ? AND seq < ? AND pos <= ? AND purged_at IS NOT NULL ORDER BY seq`;

type Row = [
  seq: number, prev: string | null, audit: string, inPeriod: number | null, timestamp: string, resourceId: string | null,
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
 * Reads the stretches (in chain order) of records with pos <= throughPos: their chain segments, and
 * those in the period into `acc`, with the ranks vault-pass.ts gives them.
 */
export function indexPass(
  db: Database.Database,
  scope: PassScope,
  stretches: readonly ChainStretch[],
  throughPos: number,
  acc: ReportAccumulator,
  onProgress?: (records: number) => void,
): RangePass {
  const stretchRows = db.prepare(SELECT_STRETCH).raw();
  const tombstones = db.prepare(SELECT_TOMBSTONES).raw();
  const heads = headsOf(db, scope.tenants);
  const rankOf = new Map(scope.tenants.map((tenant, i) => [tenant, i * TENANT_RANK]));
  const bounds = { from: utc(scope.from), to: utc(scope.to), throughPos };
  const hashes = new HashCollector();
  const segments: RangePass['segments'] = [];
  const reader = new RecordReader();
  let seen = 0;
  for (const stretch of stretches) {
    const { tenant } = stretch;
    const rank = rankOf.get(tenant)!;
    const through = stretch.throughSeq ?? NO_END;
    const checker = new SortedChainChecker(tenant, heads.get(tenant), 'segment');
    let lastSeq = stretch.afterSeq;
    const fillGap = (beforeSeq: number) => {
      for (const [seq, prev, audit] of tombstones.iterate(tenant, lastSeq, beforeSeq, throughPos) as Iterable<[number, string | null, string]>) {
        checker.push({ seq, claimed: audit, prev, computed: null });
      }
    };
    try {
      for (const r of stretchRows.iterate({ ...bounds, tenant, after: stretch.afterSeq, through }) as Iterable<Row>) {
        if (onProgress && ++seen % 50_000 === 0) onProgress(seen);
        const seq = r[0];
        if (seq !== lastSeq + 1) fillGap(seq);
        lastSeq = seq;
        // Re-hashed by the verification: the claimed hash stands as computed; the link is checked.
        checker.push({ seq, claimed: r[2], prev: r[1] ?? '(missing)', computed: r[2] });
        if (r[3] === 1) {
          hashes.push(r[2].toLowerCase());
          acc.add(reader.read(tenant, r), rank + seq);
        }
      }
      fillGap(through === NO_END ? NO_END : through + 1);
    } catch (error) {
      throw namedDamage(error, `seq ${lastSeq} of tenant ${tenant}`);
    }
    segments.push(...segmentOf(tenant, checker, false));
  }
  return { segments, hashes: hashes.finish() };
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
    const c = this.commons.of(r[6]);
    const o = r[7] === null ? NO_OTHER : this.others.of(r[7]);
    const x = this.record;
    x.audit_hash = r[2]; x.kind = c[0]; x.tenant = tenant; x.user = u(c[1]); x.timestamp = r[4];
    x.operation = u(c[2]); x.resource_type = u(c[3]); x.resource_id = u(r[5]); x.compliance_framework = u(c[4]);
    x.data_classification = u(c[5]); x.query_type = u(o[0]); x.model_name = u(o[1]); x.record_count = u(o[2]);
    x.export_type = u(o[3]); x.violation_type = u(o[4]); x.severity = u(o[5]); x.status = u(o[6]);
    x.file_path = c[0] === 'export' ? u(o[7]) : undefined;
    x.resolved_at = c[0] === 'violation' ? u(o[8]) : undefined;
    x.is_sensitive = c[6] === null ? undefined : c[6] === 1;
    return x as unknown as ReportRecord;
  }
}
