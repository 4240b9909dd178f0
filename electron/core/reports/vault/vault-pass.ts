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
import { createHash, hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { SortedChainChecker } from '../../../../shared/chain/sorted-chain-checker';
import type { ChainResult } from '../../../../shared/chain/chain-break';
import { EVIDENCE_DIGEST_OF } from '../../../../shared/reports/evidence-digest';
import type { ReportAccumulator } from '../../../../shared/reports/report-accumulator';
import type { ComplianceReport, EvidenceHashes } from '../../../../shared/reports/report-model';
import type { ReportRecord } from '../../../../shared/reports/report-record';
import { isTombstone } from '../../retention/tombstone';
import { verifyTenantBySeq } from '../../vault/verify-range';

// ts_utc stays the generated column: the period is compared in SQLite's own UTC form, exactly as the
// trail's filters and `auditdesk export --from/--to` compare it.
const SELECT_ALL = 'SELECT pos, audit_hash, ts_utc, purged_at, canonical FROM records ORDER BY pos';

interface Row { pos: number; audit_hash: string; ts_utc: string | null; purged_at: string | null; canonical: string }

/** The members a report reads (ReportRecord); file_path and resolved_at only for the kinds that carry them. */
const MEMBERS = [
  'id', 'kind', 'tenant', 'user', 'timestamp', 'operation', 'resource_type', 'resource_id', 'compliance_framework',
  'data_classification', 'query_type', 'model_name', 'record_count', 'export_type', 'violation_type', 'severity', 'status',
] as const;

/** Tables list records tenant by tenant (in the query's order), then by seq. */
const TENANT_RANK = 1e12;

export interface PassResult {
  evidence: EvidenceHashes;
  integrity: Omit<ComplianceReport['integrity'], 'checkpoint'>;
}

/** A bound of the period in the vault's ts_utc form ("YYYY-MM-DDTHH:MM:SS.sssZ"), to compare as text. */
const utc = (iso: string) => new Date(iso).toISOString();

export function vaultPass(
  db: Database.Database,
  scope: { tenants: readonly string[]; from: string; to: string },
  acc: ReportAccumulator,
  onProgress?: (records: number) => void,
): PassResult {
  const from = utc(scope.from), to = utc(scope.to);
  const headOf = db.prepare('SELECT tenant, seq, hash FROM chain_heads WHERE tenant = ?');
  const chains = new Map(scope.tenants.map((tenant, i) => {
    const head = headOf.get(tenant) as { tenant: string; seq: number; hash: string } | undefined;
    return [tenant, { rank: i * TENANT_RANK, head, checker: new SortedChainChecker(tenant, head), lastSeq: 0, rows: 0, unordered: false }];
  }));
  const hashes: string[] = [];
  let seen = 0;
  for (const row of db.prepare(SELECT_ALL).iterate() as Iterable<Row>) {
    if (onProgress && ++seen % 50_000 === 0) onProgress(seen);
    const record = JSON.parse(row.canonical) as Record<string, unknown>;
    const chain = chains.get(record.tenant as string);
    if (!chain) continue;
    const seq = record.seq as number;
    chain.rows++;
    if (seq < chain.lastSeq) chain.unordered = true;
    if (!chain.unordered) {
      chain.lastSeq = seq;
      chain.checker.push({
        seq, claimed: row.audit_hash, prev: record.prev_hash as string,
        // A purged tombstone is not re-hashed: its audit_hash still links the chain (issue 6).
        computed: row.purged_at && isTombstone(row.canonical) ? null : hash('sha256', row.canonical, 'hex'),
        where: `vault position ${row.pos}`,
      });
    }
    const t = row.ts_utc;
    if (t !== null && t >= from && t < to) {
      hashes.push(row.audit_hash.toLowerCase());
      acc.add(toReportRecord(record, row.audit_hash), chain.rank + seq);
    }
  }

  let chainsVerified = 0, recordsVerified = 0;
  const brokenChains: ComplianceReport['integrity']['brokenChains'] = [];
  for (const [tenant, chain] of chains) {
    // A tenant the vault has never seen has no chain to verify.
    if (!chain.head && chain.rows === 0) continue;
    const result: ChainResult = chain.unordered ? verifyTenantBySeq(db, tenant, chain.head) : chain.checker.finish();
    chainsVerified++;
    recordsVerified += result.records;
    if (result.break) brokenChains.push({ tenant, seq: result.break.seq, kind: result.break.kind });
  }
  return { evidence: digestOf(hashes), integrity: { chainsVerified, recordsVerified, brokenChains } };
}

/**
 * The record as the report reads it, with the values the vault's generated columns (json_extract)
 * would give: JSON nulls are absent members, objects their JSON text, is_sensitive true for JSON
 * true or 1.
 */
function toReportRecord(record: Record<string, unknown>, auditHash: string): ReportRecord {
  const r: Record<string, unknown> = { audit_hash: auditHash };
  const copy = (key: string) => {
    const v = record[key];
    if (v !== null && v !== undefined) r[key] = typeof v === 'object' ? JSON.stringify(v) : v;
  };
  for (const key of MEMBERS) copy(key);
  if (record.kind === 'export') copy('file_path');
  if (record.kind === 'violation') copy('resolved_at');
  if (record.is_sensitive !== null && record.is_sensitive !== undefined) r.is_sensitive = record.is_sensitive === true || record.is_sensitive === 1;
  return r as unknown as ReportRecord;
}

/** EvidenceHashesSchema's digest: sorted lowercase hex hashes, each followed by "\n", through SHA-256. */
function digestOf(hashes: string[]): EvidenceHashes {
  hashes.sort();
  const sha = createHash('sha256');
  for (let i = 0; i < hashes.length; i += 4096) sha.update(hashes.slice(i, i + 4096).map((h) => `${h}\n`).join(''), 'latin1');
  return { algorithm: 'sha256', of: EVIDENCE_DIGEST_OF, count: hashes.length, digest: sha.digest('hex') };
}
