// Computes a ComplianceReport from the vault in one streaming pass over the report's tenants (see
// vault-pass.ts): their chains re-hashed for the integrity section, the records of the period
// through the shared accumulator, and their audit hashes into the evidence digest. Large vaults
// are read as two halves, one on a worker thread (buildReportFromVaultOnThreads), with the same
// result. `verify-report --vault` calls this again with the evidence's query and generatedAt and
// compares, so everything here must depend only on those and the vault's contents.
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
import { joinRanges, passRange, vaultPass, type RangePass } from './vault-pass';
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

export function buildReportFromVault(db: Database.Database, req: VaultReportRequest): ComplianceReport {
  const query = reportQuery(db, req);
  if (query.tenants.length === 0) throw new Error('the vault has no tenants to report on');
  const acc = new ReportAccumulator({ query, signer: req.signer, generatedAt: req.generatedAt });
  const pass = vaultPass(db, { tenants: query.tenants, from: query.from, to: query.to }, acc, req.onProgress);
  return acc.build(pass.evidence, { ...pass.integrity, checkpoint: req.checkpoint ?? null });
}

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
  // The last position, not count(*): that walks a whole index (~0.2 s at 1M records). Positions
  // are only lost to tampering, so this is the number of records the pass will read.
  const size = (db.prepare('SELECT max(pos) FROM records').pluck().get() as number | null) ?? 0;
  return size >= PARALLEL_FROM_RECORDS ? worker : null;
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
  options: { freeThisThread?: boolean } = {},
): Promise<ComplianceReport> {
  const script = reportPassWorker(db);
  if (!script) return buildReportFromVault(db, req);
  const query = reportQuery(db, req);
  if (query.tenants.length === 0) throw new Error('the vault has no tenants to report on');
  const maxPos = (db.prepare('SELECT max(pos) FROM records').pluck().get() as number | null) ?? 0;
  const scope = { tenants: query.tenants, from: query.from, to: query.to };
  const acc = new ReportAccumulator({ query, signer: req.signer, generatedAt: req.generatedAt });
  const access = await forWorker(vault);
  const half = (fromPos: number, toPos: number, onProgress: (records: number) => void) => startWorkerJob<ReportPassResult>(script, {
    ...access, scope, accumulator: { query, signer: req.signer, generatedAt: req.generatedAt }, fromPos, toPos,
  } satisfies ReportPassWorkerInput, onProgress);
  const read = [0, 0];
  const progress = (i: number) => (records: number) => {
    read[i] = records;
    req.onProgress?.(read[0]! + read[1]!);
  };

  if (options.freeThisThread) {
    // The app's backend: both halves on workers, so that its one thread answers other requests meanwhile.
    const split = Math.floor(maxPos / 2);
    const halves = await Promise.all([half(1, split, progress(0)).done, half(split + 1, maxPos, progress(1)).done]);
    // The app's session may have been locked meanwhile (the idle lock, the Lock button).
    if (!db.open) throw new UserError('the vault was locked while the report was being made; unlock it and make the report again');
    for (const done of halves) acc.merge(done.gathered);
    const pass = joinRanges(db, scope, halves.map((done) => done.range));
    return acc.build(pass.evidence, { ...pass.integrity, checkpoint: req.checkpoint ?? null });
  }

  const split = Math.floor(maxPos * THIS_THREADS_SHARE);
  const second = half(split + 1, maxPos, progress(1));
  let first: RangePass;
  try {
    // This thread's half is read on a connection of its own, without the page MAC, as the worker's is.
    const reader = openVault(access.vaultPath, access.passphrase, { readonly: true, pageMacCheck: false, rawKey: access.rawKey });
    try {
      first = passRange(reader, scope, 1, split, acc, progress(0));
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
  const pass = joinRanges(db, scope, [first, done.range]);
  return acc.build(pass.evidence, { ...pass.integrity, checkpoint: req.checkpoint ?? null });
}
