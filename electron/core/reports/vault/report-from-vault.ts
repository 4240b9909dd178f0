// Computes a ComplianceReport from the vault in one streaming pass over the report's tenants: their
// chains checked for the integrity section, the records of the period through the shared accumulator,
// and their audit hashes into the evidence digest. The records the vault's last full verification
// re-hashed are read from the report index (index-pass.ts), the others from the records and re-hashed
// (vault-pass.ts); report-parts.ts cuts the pass between two threads for a large vault
// (buildReportFromVaultOnThreads), with the same result. `verify-report --vault` calls this again
// with the evidence's query and generatedAt, re-hashing every record, and compares, so everything
// here must depend only on those and the vault's contents.
import type Database from 'better-sqlite3';
import type { Framework } from '../../../../shared/records/enums';
import { ReportAccumulator } from '../../../../shared/reports/report-accumulator';
import type { ComplianceReport, ReportQuery, Signer } from '../../../../shared/reports/report-model';
import { builtWorker } from '../../built-worker';
import { UserError } from '../../errors';
import { SYSTEM_TENANT } from '../../vault/integrity-violation';
import { openVault } from '../../vault/open-vault';
import type { ReportPassResult, ReportPassWorkerInput } from './report-pass-worker';
import { startWorkerJob } from '../../worker-call';
import { joinRanges, type RangePass } from './vault-pass';
import { needsPageMac, readReportPart, reportParts, type ReportPart } from './report-parts';
import { lastVerification, type LastVerification } from '../../vault/last-verification';
import { retentionDaysFor } from './vault-policies';
import { forWorker, type VaultAccess } from '../../vault/raw-key';

export const DEFAULT_BUSINESS_HOURS: ReportQuery['businessHours'] = {
  startHour: 8, endHour: 18, weekdays: [1, 2, 3, 4, 5], timeZone: 'UTC',
};

/** Rows listed per table: enough to read, few enough that a 1M-record report stays small and fast. */
export const DEFAULT_ROW_LIMIT = 500;

export interface VaultReportRequest {
  framework: Framework;
  /** RFC 3339 instants; the period is from <= timestamp < to. */
  from: string;
  to: string;
  /** Empty: every tenant of the vault except AuditDesk's own system tenant. */
  tenants: readonly string[];
  signer: Signer;
  generatedAt: string;
  businessHours?: ReportQuery['businessHours'];
  /** Defaults to the vault's settings row 'retention_days' for the framework. */
  retentionDays?: number;
  rowLimit?: number;
  /** The ledger's latest signed checkpoint, when the caller has one. */
  checkpoint?: ComplianceReport['integrity']['checkpoint'];
  onProgress?: (records: number) => void;
}

export function vaultTenants(db: Database.Database): string[] {
  return (db.prepare('SELECT tenant FROM tenants WHERE tenant <> ? ORDER BY tenant').pluck().all(SYSTEM_TENANT) as string[]);
}

/** The query a report over this vault answers (also what `verify-report --vault` re-asks). */
export function reportQuery(db: Database.Database, req: VaultReportRequest): ReportQuery {
  const tenants = req.tenants.length > 0 ? [...new Set(req.tenants)] : vaultTenants(db);
  return {
    framework: req.framework,
    from: req.from,
    to: req.to,
    tenants,
    businessHours: req.businessHours ?? DEFAULT_BUSINESS_HOURS,
    retentionDays: req.retentionDays ?? retentionDaysFor(db, req.framework),
    rowLimit: req.rowLimit ?? DEFAULT_ROW_LIMIT,
  };
}

export interface PassOptions {
  /**
   * Re-hash every record, as if the vault had never been verified: `verify-report --vault` checks a
   * report against the records' own bytes, not against the index a report reads (index-pass.ts).
   */
  rehashAll?: boolean;
}

/** The verification a report may stand on, or null: then every record is re-hashed. */
function verificationFor(db: Database.Database, options: PassOptions): LastVerification | null {
  return options.rehashAll ? null : lastVerification(db);
}

/** What the report says of how the records' contents were checked (the integrity section). */
const contentsCheck = (verification: LastVerification | null): ComplianceReport['integrity']['earlierVerification'] =>
  verification ? { verifiedAt: verification.verifiedAt, throughPos: verification.throughPos } : null;

export function buildReportFromVault(db: Database.Database, req: VaultReportRequest, options: PassOptions = {}): ComplianceReport {
  const query = reportQuery(db, req);
  if (query.tenants.length === 0) throw new Error('the vault has no tenants to report on');
  const acc = new ReportAccumulator({ query, signer: req.signer, generatedAt: req.generatedAt });
  const scope = { tenants: query.tenants, from: query.from, to: query.to };
  const verification = verificationFor(db, options);
  const [part] = reportParts(db, scope, maxPosOf(db), verification, 1);
  const ranges = readReportPart(db, scope, part!, acc, req.onProgress);
  const pass = joinRanges(db, scope, ranges, new Set(verification?.brokenTenants));
  return acc.build(pass.evidence, { ...pass.integrity, checkpoint: req.checkpoint ?? null, earlierVerification: contentsCheck(verification) });
}

/** The last position, not count(*): that walks a whole index (~0.2 s at 1M records). */
const maxPosOf = (db: Database.Database): number => (db.prepare('SELECT max(pos) FROM records').pluck().get() as number | null) ?? 0;

/**
 * Below this many records one thread is quicker than starting two (each opens the vault and derives
 * its key again). AUDITDESK_PARALLEL_MIN_RECORDS overrides it, as for verify (the tests run the
 * two-thread path small with it).
 */
const PARALLEL_FROM_RECORDS = Number(process.env.AUDITDESK_PARALLEL_MIN_RECORDS ?? 200_000);

/**
 * This thread reads a little more than half: the worker first loads its code and derives the
 * vault's key (~0.3 s), and at 1M records this thread otherwise waited ~0.5 s for it.
 */
const THIS_THREADS_SHARE = 0.52;

/** The worker-thread script when this vault is large enough to be read on two threads, else null. */
export function reportPassWorker(db: Database.Database): string | null {
  const worker = builtWorker('report-pass-worker');
  if (!worker) return null;
  // Positions are only lost to tampering, so the last one is the number of records the pass will read.
  return maxPosOf(db) >= PARALLEL_FROM_RECORDS ? worker : null;
}

/**
 * The same report as buildReportFromVault, read on two threads for a large vault: a worker thread
 * reads the second half of the positions on its own read-only connection while this thread reads
 * the first; their chain segments are joined and the worker's accumulator is merged into this
 * one's. (This thread reads rather than waits: one worker fewer to start, and one half's hashes and
 * resources are not copied between threads; `freeThisThread` puts both halves on workers instead, for
 * the app's backend.) All in this thread when the built worker is not there (tests from sources) or
 * the vault is small.
 */
export async function buildReportFromVaultOnThreads(
  db: Database.Database,
  req: VaultReportRequest,
  vault: VaultAccess,
  options: PassOptions & { freeThisThread?: boolean } = {},
): Promise<ComplianceReport> {
  const script = reportPassWorker(db);
  if (!script) return buildReportFromVault(db, req, options);
  const query = reportQuery(db, req);
  if (query.tenants.length === 0) throw new Error('the vault has no tenants to report on');
  const scope = { tenants: query.tenants, from: query.from, to: query.to };
  const acc = new ReportAccumulator({ query, signer: req.signer, generatedAt: req.generatedAt });
  const verification = verificationFor(db, options);
  const share = options.freeThisThread ? 0.5 : THIS_THREADS_SHARE;
  const parts = reportParts(db, scope, maxPosOf(db), verification, 2, share);
  const access = await forWorker(vault);
  const onWorker = (part: ReportPart, onProgress: (records: number) => void) => startWorkerJob<ReportPassResult>(script, {
    ...access, scope, part, accumulator: { query, signer: req.signer, generatedAt: req.generatedAt },
  } satisfies ReportPassWorkerInput, onProgress);
  const read = [0, 0];
  const progress = (i: number) => (records: number) => {
    read[i] = records;
    req.onProgress?.(read[0]! + read[1]!);
  };
  const finish = (ranges: RangePass[]) => {
    const pass = joinRanges(db, scope, ranges, new Set(verification?.brokenTenants));
    return acc.build(pass.evidence, { ...pass.integrity, checkpoint: req.checkpoint ?? null, earlierVerification: contentsCheck(verification) });
  };

  if (options.freeThisThread) {
    // The app's backend: both parts on workers, so that its one thread answers other requests meanwhile.
    const done = await Promise.all(parts.map((part, i) => onWorker(part, progress(i)).done));
    // The app's session may have been locked meanwhile (the idle lock, the Lock button).
    if (!db.open) throw new UserError('the vault was locked while the report was being made; unlock it and make the report again');
    for (const d of done) acc.merge(d.gathered);
    return finish(done.flatMap((d) => d.ranges));
  }

  const second = onWorker(parts[1]!, progress(1));
  let first: RangePass[];
  try {
    // This thread's part is read on a connection of its own, as the worker's is.
    const reader = openVault(access.vaultPath, access.passphrase, { readonly: true, pageMacCheck: needsPageMac(parts[0]!), rawKey: access.rawKey });
    try {
      first = readReportPart(reader, scope, parts[0]!, acc, progress(0));
    } finally {
      reader.close();
    }
  } catch (error) {
    // The worker's end no longer matters (and must not surface as an unhandled rejection).
    second.done.catch(() => {});
    void second.worker.terminate();
    throw error;
  }
  const done = await second.done;
  acc.merge(done.gathered);
  return finish([...first, ...done.ranges]);
}
