// Builds a ComplianceReport from records already in memory. Pure: the engine feeds it records read
// from the vault (or streams them in later), tests feed it generated ones. Scope is every record of
// the query's tenants with from <= timestamp < to, of every kind; the framework chooses the control
// sections, it does not filter the totals (the "frameworks present" breakdown shows the tags).
import { canonicalJson } from '../canonical-json';
import { pureSha256, type Sha256Port } from '../hash';
import { controlsFor } from './framework-controls';
import type { ReportRecord } from './report-record';
import {
  REPORT_SCHEMA_ID, type ComplianceReport, type CountRow, type ReportQuery, type Signer, type Table,
} from './report-model';
import { SEVERITIES, VIOLATION_STATUSES } from '../records/enums';

export interface AggregateInput {
  records: Iterable<ReportRecord>;
  query: ReportQuery;
  signer: Signer;
  generatedAt: string;
  generator?: { name: string; version: string };
  integrity: ComplianceReport['integrity'];
  isUnderLegalHold?: (r: ReportRecord) => boolean;
  sha256?: Sha256Port;
  /** Rows kept per table; counts always cover every record. */
  rowLimit?: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

class Counter {
  private readonly map = new Map<string, number>();
  add(key: string, n = 1): void { this.map.set(key, (this.map.get(key) ?? 0) + n); }
  get(key: string): number { return this.map.get(key) ?? 0; }
  get size(): number { return this.map.size; }
  rows(): CountRow[] {
    return [...this.map].map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

class TableBuilder {
  readonly rows: string[][] = [];
  total = 0;
  constructor(private readonly columns: string[], private readonly limit: number) {}
  push(row: string[]): void { this.total++; if (this.rows.length < this.limit) this.rows.push(row); }
  build(): Table { return { columns: this.columns, rows: this.rows, totalRows: this.total }; }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function isOutsideBusinessHours(timestamp: string, hours: ReportQuery['businessHours']): boolean {
  // Only UTC is supported for now: the hour is read in UTC whatever offset the record carries.
  const d = new Date(timestamp);
  const h = d.getUTCHours();
  return !hours.weekdays.includes(d.getUTCDay()) || h < hours.startHour || h >= hours.endHour;
}

export function aggregateReport(input: AggregateInput): ComplianceReport {
  const { query } = input;
  const limit = input.rowLimit ?? 1000;
  const sha = input.sha256 ?? pureSha256;
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const generatedAtMs = Date.parse(input.generatedAt);
  const tenants = new Set(query.tenants);
  const controls = controlsFor(query.framework).map((c) => ({
    def: c, counts: new Counter(), table: new TableBuilder(c.columns, limit),
  }));

  const kinds = new Counter();
  const byOperation = new Counter(), byUser = new Counter(), byResourceType = new Counter();
  const resources = new Set<string>();
  const sensitiveByOp = new Counter(), sensitiveByClass = new Counter();
  const frameworks = new Counter(), classifications = new Counter();
  const vSeverity = new Counter(), vStatus = new Counter(), vType = new Counter(), vPair = new Counter();
  const vTable = new TableBuilder(['Time', 'Tenant', 'User', 'Type', 'Severity', 'Status', 'Hours'], limit);
  const resolveHours: number[] = [];
  const exType = new Counter();
  const exTable = new TableBuilder(['Time', 'Tenant', 'User', 'Type', 'Model', 'Records', 'File'], limit);
  let recordsExported = 0;
  const qType = new Counter(), qModel = new Counter();
  const qTable = new TableBuilder(['Time', 'Tenant', 'User', 'Type', 'Model', 'Classification', 'Records'], limit);
  const offUser = new Counter(), offOp = new Counter();
  const userSensitive = new Counter(), userOff = new Counter();
  let sensitiveOps = 0, sensitiveQueries = 0, offHours = 0;
  let pastRetention = 0, underHold = 0, pastAndHeld = 0;
  const hashes: string[] = [];

  for (const r of input.records) {
    const t = Date.parse(r.timestamp);
    if (!tenants.has(r.tenant) || !(t >= from && t < to)) continue;
    hashes.push(r.audit_hash ?? sha.hexOfText(canonicalJson(r)));
    kinds.add(r.kind);
    const user = r.user ?? '(none)';
    byUser.add(user);
    if (isOutsideBusinessHours(r.timestamp, query.businessHours)) {
      offHours++; offUser.add(user); offOp.add(r.operation ?? `(${r.kind})`); userOff.add(user);
    }
    const past = generatedAtMs - t > query.retentionDays * DAY_MS;
    const held = input.isUnderLegalHold?.(r) ?? false;
    if (past) pastRetention++;
    if (held) underHold++;
    if (past && held) pastAndHeld++;
    if (r.data_classification) classifications.add(r.data_classification);

    if (r.kind === 'log') {
      byOperation.add(r.operation ?? '');
      byResourceType.add(r.resource_type ?? '');
      resources.add(`${r.resource_type}/${r.resource_id}`);
      frameworks.add(r.compliance_framework || '(none)');
      if (r.is_sensitive) {
        sensitiveOps++; userSensitive.add(user);
        sensitiveByOp.add(r.operation ?? ''); sensitiveByClass.add(r.data_classification ?? '(none)');
      }
    } else if (r.kind === 'violation') {
      vSeverity.add(r.severity ?? ''); vStatus.add(r.status ?? ''); vType.add(r.violation_type ?? '');
      vPair.add(`${r.severity}|${r.status}`);
      let hours = '';
      if ((r.status === 'RESOLVED' || r.status === 'CLOSED') && r.resolved_at) {
        const h = (Date.parse(r.resolved_at) - t) / HOUR_MS;
        if (h >= 0) { resolveHours.push(h); hours = String(round2(h)); }
      }
      vTable.push([r.timestamp, r.tenant, r.user ?? '', r.violation_type ?? '', r.severity ?? '', r.status ?? '', hours]);
    } else if (r.kind === 'export') {
      exType.add(r.export_type ?? ''); recordsExported += r.record_count ?? 0;
      exTable.push([r.timestamp, r.tenant, r.user ?? '', r.export_type ?? '', r.model_name ?? '',
        String(r.record_count ?? ''), r.file_path ?? '']);
    } else if (r.kind === 'query' && r.is_sensitive) {
      sensitiveQueries++; userSensitive.add(user);
      qType.add(r.query_type ?? ''); qModel.add(r.model_name ?? '');
      qTable.push([r.timestamp, r.tenant, r.user ?? '', r.query_type ?? '', r.model_name ?? '',
        r.data_classification ?? '', String(r.record_count ?? '')]);
    }
    for (const c of controls) {
      if (c.def.select(r)) { c.counts.add(c.def.countBy(r)); c.table.push(c.def.row(r)); }
    }
  }

  resolveHours.sort((a, b) => a - b);
  const mean = resolveHours.length ? resolveHours.reduce((a, b) => a + b, 0) / resolveHours.length : null;
  const med = median(resolveHours);
  const bySeverityAndStatus = SEVERITIES.flatMap((severity) => VIOLATION_STATUSES.map((status) => ({
    severity, status, count: vPair.get(`${severity}|${status}`),
  }))).filter((x) => x.count > 0);

  return {
    schema: REPORT_SCHEMA_ID,
    framework: query.framework,
    period: { from: query.from, to: query.to },
    tenants: [...query.tenants],
    generatedAt: input.generatedAt,
    generator: input.generator ?? { name: 'AuditDesk', version: '0.1.0' },
    signer: input.signer,
    query,
    totals: {
      records: hashes.length, logs: kinds.get('log'), queries: kinds.get('query'), exports: kinds.get('export'),
      violations: kinds.get('violation'), sensitiveOperations: sensitiveOps,
      distinctUsers: byUser.size, distinctResources: resources.size,
    },
    byOperation: byOperation.rows(),
    byUser: byUser.rows(),
    byResourceType: byResourceType.rows(),
    sensitiveOperations: { total: sensitiveOps, byOperation: sensitiveByOp.rows(), byClassification: sensitiveByClass.rows() },
    frameworksPresent: frameworks.rows(),
    classificationsPresent: classifications.rows(),
    violations: {
      total: kinds.get('violation'), bySeverity: vSeverity.rows(), byStatus: vStatus.rows(), byType: vType.rows(),
      bySeverityAndStatus,
      timeToResolve: {
        resolvedCount: resolveHours.length,
        medianHours: med === null ? null : round2(med),
        meanHours: mean === null ? null : round2(mean),
      },
      table: vTable.build(),
    },
    exports: { total: kinds.get('export'), recordsExported, byType: exType.rows(), table: exTable.build() },
    sensitiveQueries: { total: sensitiveQueries, byQueryType: qType.rows(), byModel: qModel.rows(), table: qTable.build() },
    outsideBusinessHours: { total: offHours, byUser: offUser.rows(), byOperation: offOp.rows() },
    mostActiveUsers: byUser.rows().slice(0, 10).map(({ key, count }) => ({
      user: key, total: count, sensitive: userSensitive.get(key), outsideHours: userOff.get(key),
    })),
    retention: { pastRetention, underLegalHold: underHold, pastRetentionUnderHold: pastAndHeld },
    integrity: input.integrity,
    controls: controls.map((c) => ({
      controlId: c.def.controlId, title: c.def.title, whatItEvidences: c.def.whatItEvidences,
      counts: c.counts.rows(), table: c.table.build(),
    })),
    evidence: {
      algorithm: 'sha256',
      of: 'each record counted: its audit_hash (CONTRACT §2), else SHA-256 of its RFC 8785 form',
      recordHashes: hashes.sort(),
    },
  };
}
