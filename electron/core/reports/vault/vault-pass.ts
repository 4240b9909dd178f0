// One pass over the vault for a report. The integrity section must re-hash every record of the
// report's tenants anyway (CONTRACT §2, as `auditdesk verify` does), and on an encrypted vault
// reading the pages costs far more than anything done with them, so the same pass, tenant by tenant
// in seq order, also feeds the records of the period to the accumulator and collects their audit
// hashes for the evidence digest. One read of the table instead of three.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { SortedChainChecker } from '../../../../shared/chain/sorted-chain-checker';
import { EVIDENCE_DIGEST_OF } from '../../../../shared/reports/evidence-digest';
import type { ReportAccumulator } from '../../../../shared/reports/report-accumulator';
import type { ComplianceReport, EvidenceHashes } from '../../../../shared/reports/report-model';
import type { ReportRecord } from '../../../../shared/reports/report-record';

// file_path and resolved_at are not indexed projections: read from the stored canonical JSON, and
// only for the kinds that carry them. Every other member is a generated column of the records table.
const SELECT_TENANT = `
  SELECT seq, prev_hash, audit_hash, canonical, pos, ts_utc,
         id, kind, tenant, user, timestamp, operation, resource_type, resource_id, compliance_framework,
         data_classification, is_sensitive, query_type, model_name, record_count, export_type,
         CASE kind WHEN 'export' THEN json_extract(canonical, '$.file_path') END AS file_path,
         violation_type, severity, status,
         CASE kind WHEN 'violation' THEN json_extract(canonical, '$.resolved_at') END AS resolved_at
  FROM records WHERE tenant = ? ORDER BY seq`;

const CHAIN_ONLY = new Set(['seq', 'prev_hash', 'canonical', 'pos', 'ts_utc']);

interface Row { [k: string]: string | number | null }

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
  const rows = db.prepare(SELECT_TENANT);
  const hashes: string[] = [];
  let chainsVerified = 0, recordsVerified = 0, seen = 0;
  const brokenChains: ComplianceReport['integrity']['brokenChains'] = [];
  for (const tenant of scope.tenants) {
    const head = headOf.get(tenant) as { tenant: string; seq: number; hash: string } | undefined;
    const checker = new SortedChainChecker(tenant, head);
    let n = 0;
    for (const row of rows.iterate(tenant) as Iterable<Row>) {
      n++;
      checker.push({
        seq: row.seq as number, claimed: row.audit_hash as string, prev: row.prev_hash as string,
        computed: createHash('sha256').update(row.canonical as string, 'utf8').digest('hex'),
        where: `vault position ${row.pos}`,
      });
      const t = row.ts_utc as string | null;
      if (t !== null && t >= from && t < to) {
        hashes.push((row.audit_hash as string).toLowerCase());
        acc.add(toReportRecord(row));
      }
      if (onProgress && ++seen % 50_000 === 0) onProgress(seen);
    }
    // A tenant the vault has never seen has no chain to verify.
    if (!head && n === 0) continue;
    const result = checker.finish();
    chainsVerified++;
    recordsVerified += result.records;
    if (result.break) brokenChains.push({ tenant, seq: result.break.seq, kind: result.break.kind });
  }
  return { evidence: digestOf(hashes), integrity: { chainsVerified, recordsVerified, brokenChains } };
}

/** SQL NULLs become absent members; is_sensitive comes back from JSON as 1/0. */
function toReportRecord(row: Row): ReportRecord {
  const r: Record<string, unknown> = {};
  for (const key in row) {
    const v = row[key];
    if (v !== null && !CHAIN_ONLY.has(key)) r[key] = v;
  }
  if (row.is_sensitive !== null) r.is_sensitive = row.is_sensitive === 1;
  return r as unknown as ReportRecord;
}

/** EvidenceHashesSchema's digest: sorted lowercase hex hashes, each followed by "\n", through SHA-256. */
function digestOf(hashes: string[]): EvidenceHashes {
  hashes.sort();
  const sha = createHash('sha256');
  for (let i = 0; i < hashes.length; i += 4096) sha.update(hashes.slice(i, i + 4096).map((h) => `${h}\n`).join(''), 'latin1');
  return { algorithm: 'sha256', of: EVIDENCE_DIGEST_OF, count: hashes.length, digest: sha.digest('hex') };
}
