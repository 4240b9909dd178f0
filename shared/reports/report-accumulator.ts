// Builds a ComplianceReport one record at a time, in constant memory apart from the few things a
// report must list (violations for the time to resolve, and tables capped at rowLimit rows). The
// engine streams a million records from the vault through it; aggregateReport feeds it arrays.
// It does not filter: whoever feeds it has already chosen the records in scope.
import { controlsFor } from './framework-controls';
import type { ReportRecord } from './report-record';
import {
  REPORT_SCHEMA_ID, type ComplianceReport, type CountRow, type EvidenceHashes, type ReportQuery, type Signer, type Table,
} from './report-model';
import { SEVERITIES, VIOLATION_STATUSES } from '../records/enums';

export interface AccumulatorOptions {
  query: ReportQuery;
  signer: Signer;
  generatedAt: string;
  generator?: { name: string; version: string };
  /** Absent means the vault has no legal holds: the report says "not configured", not "0 held". */
  isUnderLegalHold?: (r: ReportRecord) => boolean;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

class Counter {
  private readonly map = new Map<string, number>();
  add(key: string, n = 1): void { this.map.set(key, (this.map.get(key) ?? 0) + n); }
  get(key: string): number { return this.map.get(key) ?? 0; }
  get size(): number { return this.map.size; }
  get entries(): ReadonlyMap<string, number> { return this.map; }
  addAll(counts: ReadonlyMap<string, number>): void { for (const [key, n] of counts) this.add(key, n); }
  rows(): CountRow[] {
    return [...this.map].map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

interface TableState { kept: ReadonlyArray<{ rank: number; row: string[] }>; total: number }

/**
 * The first `limit` rows of a table in listing order. Rows arrive in any order (the vault is read in
 * admission order, the listing is by tenant then seq), each with its rank in that order; a max-heap
 * of the kept ranks lets a later row with a lower rank take the place of the highest one.
 */
class TableBuilder {
  private readonly kept: Array<{ rank: number; row: string[] }> = [];
  total = 0;
  constructor(private readonly columns: string[], private readonly limit: number) {}
  /** The row is only built when it is kept: a million rows past the cap cost a comparison each. */
  push(rank: number, row: () => string[]): void {
    this.total++;
    const heap = this.kept;
    if (heap.length < this.limit) {
      heap.push({ rank, row: row() });
      this.siftUp(heap.length - 1);
    } else if (this.limit > 0 && rank < heap[0]!.rank) {
      heap[0] = { rank, row: row() };
      this.siftDown(0);
    }
  }
  private siftUp(i: number): void {
    const h = this.kept;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p]!.rank >= h[i]!.rank) return;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }
  private siftDown(i: number): void {
    const h = this.kept;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let top = i;
      if (l < h.length && h[l]!.rank > h[top]!.rank) top = l;
      if (r < h.length && h[r]!.rank > h[top]!.rank) top = r;
      if (top === i) return;
      [h[top], h[i]] = [h[i]!, h[top]!];
      i = top;
    }
  }
  /** The kept rows with their ranks, and the total: what a merge needs of this table. */
  get state(): TableState { return { kept: this.kept, total: this.total }; }
  /** Adds another builder's rows (of records this one has not seen): the lowest ranks of both win. */
  merge(other: TableState): void {
    for (const k of other.kept) this.push(k.rank, () => k.row);
    this.total += other.total - other.kept.length;
  }
  build(): Table {
    const rows = [...this.kept].sort((a, b) => a.rank - b.rank).map((k) => k.row);
    return { columns: this.columns, rows, totalRows: this.total };
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Weekday and hour in UTC of an instant, cached by the hour: a million records share a few thousand. */
class HourOf {
  private readonly cache = new Map<number, { day: number; hour: number }>();
  of(ms: number): { day: number; hour: number } {
    const key = Math.floor(ms / HOUR_MS);
    let v = this.cache.get(key);
    if (!v) {
      const d = new Date(key * HOUR_MS);
      v = { day: d.getUTCDay(), hour: d.getUTCHours() };
      if (this.cache.size > 100_000) this.cache.clear();
      this.cache.set(key, v);
    }
    return v;
  }
}

export function isOutsideBusinessHours(timestamp: string, hours: ReportQuery['businessHours']): boolean {
  // Only UTC is supported for now: the hour is read in UTC whatever offset the record carries.
  const d = new Date(timestamp);
  const h = d.getUTCHours();
  return !hours.weekdays.includes(d.getUTCDay()) || h < hours.startHour || h >= hours.endHour;
}

const COUNTERS = [
  'kinds', 'byOperation', 'byUser', 'byResourceType', 'sensitiveByOp', 'sensitiveByClass', 'frameworks', 'classifications',
  'vSeverity', 'vStatus', 'vType', 'vPair', 'exType', 'qType', 'qModel', 'offUser', 'offOp', 'userSensitive', 'userOff',
] as const;
const TABLES = ['vTable', 'exTable', 'qTable'] as const;
const TOTALS = [
  'records', 'sensitiveOps', 'sensitiveQueries', 'offHours', 'pastRetention', 'underHold', 'pastAndHeld',
  'resolvedWithoutTime', 'recordsExported',
] as const;

/**
 * What an accumulator has gathered, as plain data a worker thread can post (structured clone): the
 * engine splits a large vault's records between two threads and merges what each gathered.
 */
export interface AccumulatorState {
  counters: Record<(typeof COUNTERS)[number], ReadonlyMap<string, number>>;
  tables: Record<(typeof TABLES)[number], TableState>;
  totals: Record<(typeof TOTALS)[number], number>;
  /** Distinct resource ids by resource type. */
  resources: ReadonlyMap<string | undefined, ReadonlySet<string | undefined>>;
  resolveHours: readonly number[];
  controls: Array<{ counts: ReadonlyMap<string, number>; table: TableState }>;
}

export class ReportAccumulator {
  private readonly limit: number;
  private readonly generatedAtMs: number;
  private readonly hourOf = new HourOf();
  private readonly controls;
  private readonly kinds = new Counter();
  private readonly byOperation = new Counter();
  private readonly byUser = new Counter();
  private readonly byResourceType = new Counter();
  // By type, then id: a key joining the two would cost a new string per record.
  private readonly resources = new Map<string | undefined, Set<string | undefined>>();
  private resourceCount = 0;
  private readonly sensitiveByOp = new Counter();
  private readonly sensitiveByClass = new Counter();
  private readonly frameworks = new Counter();
  private readonly classifications = new Counter();
  private readonly vSeverity = new Counter();
  private readonly vStatus = new Counter();
  private readonly vType = new Counter();
  private readonly vPair = new Counter();
  private readonly vTable: TableBuilder;
  private readonly resolveHours: number[] = [];
  private resolvedWithoutTime = 0;
  private readonly exType = new Counter();
  private readonly exTable: TableBuilder;
  private recordsExported = 0;
  private readonly qType = new Counter();
  private readonly qModel = new Counter();
  private readonly qTable: TableBuilder;
  private readonly offUser = new Counter();
  private readonly offOp = new Counter();
  private readonly userSensitive = new Counter();
  private readonly userOff = new Counter();
  private records = 0;
  private sensitiveOps = 0;
  private sensitiveQueries = 0;
  private offHours = 0;
  private pastRetention = 0;
  private underHold = 0;
  private pastAndHeld = 0;

  constructor(private readonly opts: AccumulatorOptions) {
    this.limit = opts.query.rowLimit;
    this.generatedAtMs = Date.parse(opts.generatedAt);
    this.controls = controlsFor(opts.query.framework).map((c) => ({
      def: c, counts: new Counter(), table: new TableBuilder(c.columns, this.limit),
    }));
    this.vTable = new TableBuilder(['Time', 'Tenant', 'User', 'Type', 'Severity', 'Status', 'Hours'], this.limit);
    this.exTable = new TableBuilder(['Time', 'Tenant', 'User', 'Type', 'Model', 'Records', 'File'], this.limit);
    this.qTable = new TableBuilder(['Time', 'Tenant', 'User', 'Type', 'Model', 'Classification', 'Records'], this.limit);
  }

  private outsideHours(ms: number): boolean {
    const bh = this.opts.query.businessHours;
    const { day, hour } = this.hourOf.of(ms);
    return !bh.weekdays.includes(day) || hour < bh.startHour || hour >= bh.endHour;
  }

  /**
   * Keeps nothing of `r` once it returns (a table row is built from it at once, or never), so a caller
   * may hand every record in one reused object (the vault's index pass does).
   * @param rank the record's place in the listing order of the tables (lower first); by default the
   *   order records are added in.
   */
  add(r: ReportRecord, rank = this.records): void {
    const t = Date.parse(r.timestamp);
    this.records++;
    this.kinds.add(r.kind);
    const user = r.user ?? '(none)';
    this.byUser.add(user);
    if (this.outsideHours(t)) {
      this.offHours++; this.offUser.add(user); this.offOp.add(r.operation ?? `(${r.kind})`); this.userOff.add(user);
    }
    const past = this.generatedAtMs - t > this.opts.query.retentionDays * DAY_MS;
    const held = this.opts.isUnderLegalHold?.(r) ?? false;
    if (past) this.pastRetention++;
    if (held) this.underHold++;
    if (past && held) this.pastAndHeld++;
    if (r.data_classification) this.classifications.add(r.data_classification);

    if (r.kind === 'log') {
      this.byOperation.add(r.operation ?? '');
      this.byResourceType.add(r.resource_type ?? '');
      this.addResource(r.resource_type, r.resource_id);
      this.frameworks.add(r.compliance_framework || '(none)');
      if (r.is_sensitive) {
        this.sensitiveOps++; this.userSensitive.add(user);
        this.sensitiveByOp.add(r.operation ?? ''); this.sensitiveByClass.add(r.data_classification ?? '(none)');
      }
    } else if (r.kind === 'violation') {
      this.addViolation(r, t, rank);
    } else if (r.kind === 'export') {
      this.exType.add(r.export_type ?? ''); this.recordsExported += r.record_count ?? 0;
      this.exTable.push(rank, () => [r.timestamp, r.tenant, r.user ?? '', r.export_type ?? '', r.model_name ?? '',
        String(r.record_count ?? ''), r.file_path ?? '']);
    } else if (r.kind === 'query' && r.is_sensitive) {
      this.sensitiveQueries++; this.userSensitive.add(user);
      this.qType.add(r.query_type ?? ''); this.qModel.add(r.model_name ?? '');
      this.qTable.push(rank, () => [r.timestamp, r.tenant, r.user ?? '', r.query_type ?? '', r.model_name ?? '',
        r.data_classification ?? '', String(r.record_count ?? '')]);
    }
    for (const c of this.controls) {
      if (c.def.select(r)) { c.counts.add(c.def.countBy(r)); c.table.push(rank, () => c.def.row(r)); }
    }
  }

  private addResource(type: string | undefined, id: string | undefined): void {
    let ids = this.resources.get(type);
    if (!ids) this.resources.set(type, (ids = new Set()));
    if (!ids.has(id)) {
      ids.add(id);
      this.resourceCount++;
    }
  }

  private addViolation(r: ReportRecord, t: number, rank: number): void {
    this.vSeverity.add(r.severity ?? ''); this.vStatus.add(r.status ?? ''); this.vType.add(r.violation_type ?? '');
    this.vPair.add(`${r.severity}|${r.status}`);
    let hours = '';
    if (r.status === 'RESOLVED' || r.status === 'CLOSED') {
      const h = r.resolved_at ? (Date.parse(r.resolved_at) - t) / HOUR_MS : NaN;
      // A missing or unreadable resolution time is "not recorded", never a guess.
      if (h >= 0) { this.resolveHours.push(h); hours = String(round2(h)); } else { this.resolvedWithoutTime++; hours = 'not recorded'; }
    }
    this.vTable.push(rank, () => [r.timestamp, r.tenant, r.user ?? '', r.violation_type ?? '', r.severity ?? '', r.status ?? '', hours]);
  }

  get count(): number { return this.records; }

  state(): AccumulatorState {
    return {
      counters: Object.fromEntries(COUNTERS.map((k) => [k, this[k].entries])) as AccumulatorState['counters'],
      tables: Object.fromEntries(TABLES.map((k) => [k, this[k].state])) as AccumulatorState['tables'],
      totals: Object.fromEntries(TOTALS.map((k) => [k, this[k]])) as AccumulatorState['totals'],
      resources: this.resources,
      resolveHours: this.resolveHours,
      controls: this.controls.map((c) => ({ counts: c.counts.entries, table: c.table.state })),
    };
  }

  /**
   * Adds what another accumulator (same query) gathered from other records. The result is the same
   * as if this one had been fed both sets: counts add, tables keep the lowest ranks, and build()
   * sorts the resolution times before it sums them.
   */
  merge(other: AccumulatorState): void {
    for (const k of COUNTERS) this[k].addAll(other.counters[k]);
    for (const k of TABLES) this[k].merge(other.tables[k]);
    for (const k of TOTALS) this[k] += other.totals[k];
    for (const [type, ids] of other.resources) for (const id of ids) this.addResource(type, id);
    for (const h of other.resolveHours) this.resolveHours.push(h); // a spread of 100k arguments would overflow the stack
    other.controls.forEach((c, i) => {
      this.controls[i]!.counts.addAll(c.counts);
      this.controls[i]!.table.merge(c.table);
    });
  }

  build(evidence: EvidenceHashes, integrity: ComplianceReport['integrity']): ComplianceReport {
    const { query } = this.opts;
    const resolveHours = [...this.resolveHours].sort((a, b) => a - b);
    const mean = resolveHours.length ? resolveHours.reduce((a, b) => a + b, 0) / resolveHours.length : null;
    const med = median(resolveHours);
    const bySeverityAndStatus = SEVERITIES.flatMap((severity) => VIOLATION_STATUSES.map((status) => ({
      severity, status, count: this.vPair.get(`${severity}|${status}`),
    }))).filter((x) => x.count > 0);
    const byUser = this.byUser.rows();
    return {
      schema: REPORT_SCHEMA_ID,
      framework: query.framework,
      period: { from: query.from, to: query.to },
      tenants: [...query.tenants],
      generatedAt: this.opts.generatedAt,
      generator: this.opts.generator ?? { name: 'AuditDesk', version: '0.1.0' },
      signer: this.opts.signer,
      query,
      totals: {
        records: this.records, logs: this.kinds.get('log'), queries: this.kinds.get('query'),
        exports: this.kinds.get('export'), violations: this.kinds.get('violation'),
        sensitiveOperations: this.sensitiveOps, distinctUsers: this.byUser.size, distinctResources: this.resourceCount,
      },
      byOperation: this.byOperation.rows(),
      byUser,
      byResourceType: this.byResourceType.rows(),
      sensitiveOperations: {
        total: this.sensitiveOps, byOperation: this.sensitiveByOp.rows(), byClassification: this.sensitiveByClass.rows(),
      },
      frameworksPresent: this.frameworks.rows(),
      classificationsPresent: this.classifications.rows(),
      violations: {
        total: this.kinds.get('violation'), bySeverity: this.vSeverity.rows(), byStatus: this.vStatus.rows(),
        byType: this.vType.rows(), bySeverityAndStatus,
        timeToResolve: {
          resolvedCount: resolveHours.length,
          resolvedWithoutTime: this.resolvedWithoutTime,
          medianHours: med === null ? null : round2(med),
          meanHours: mean === null ? null : round2(mean),
        },
        table: this.vTable.build(),
      },
      exports: {
        total: this.kinds.get('export'), recordsExported: this.recordsExported, byType: this.exType.rows(), table: this.exTable.build(),
      },
      sensitiveQueries: {
        total: this.sensitiveQueries, byQueryType: this.qType.rows(), byModel: this.qModel.rows(), table: this.qTable.build(),
      },
      outsideBusinessHours: { total: this.offHours, byUser: this.offUser.rows(), byOperation: this.offOp.rows() },
      mostActiveUsers: byUser.slice(0, 10).map(({ key, count }) => ({
        user: key, total: count, sensitive: this.userSensitive.get(key), outsideHours: this.userOff.get(key),
      })),
      retention: {
        legalHolds: this.opts.isUnderLegalHold ? 'configured' : 'not configured',
        pastRetention: this.pastRetention, underLegalHold: this.underHold, pastRetentionUnderHold: this.pastAndHeld,
      },
      integrity,
      controls: this.controls.map((c) => ({
        controlId: c.def.controlId, title: c.def.title, whatItEvidences: c.def.whatItEvidences,
        counts: c.counts.rows(), table: c.table.build(),
      })),
      evidence,
    };
  }
}
