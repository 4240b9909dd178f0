// Builds a ComplianceReport from records already in memory (samples, tests). Scope is every record
// of the query's tenants with from <= timestamp < to, of every kind; the framework chooses the
// control sections, it does not filter the totals (the "frameworks present" breakdown shows the
// tags). The engine builds the same report from the vault with the same accumulator.
import { canonicalJson } from '../canonical-json';
import { pureSha256, type Sha256Port } from '../hash';
import { evidenceDigestOf } from './evidence-digest';
import { ReportAccumulator, type AccumulatorOptions } from './report-accumulator';
import type { ReportRecord } from './report-record';
import type { ComplianceReport } from './report-model';

export interface AggregateInput extends AccumulatorOptions {
  records: Iterable<ReportRecord>;
  integrity: ComplianceReport['integrity'];
  sha256?: Sha256Port;
}

export function aggregateReport(input: AggregateInput): ComplianceReport {
  const { query } = input;
  const sha = input.sha256 ?? pureSha256;
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const tenants = new Set(query.tenants);
  const acc = new ReportAccumulator(input);
  const hashes: string[] = [];
  for (const r of input.records) {
    const t = Date.parse(r.timestamp);
    if (!tenants.has(r.tenant) || !(t >= from && t < to)) continue;
    hashes.push(r.audit_hash ?? sha.hexOfText(canonicalJson(r)));
    acc.add(r);
  }
  return acc.build(evidenceDigestOf(hashes, sha), input.integrity);
}

export { isOutsideBusinessHours } from './report-accumulator';
