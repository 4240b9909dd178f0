// Detection on demand over a period (`auditdesk violations detect`): the rules run over the records
// scanned in admission order, then what they found is raised (detect.ts). Reading the vault is most
// of the cost (decrypting pages, parsing each record), so a large vault is read as two
// halves on two worker threads, each with its own read-only connection, and their findings joined in
// order: the violations are exactly those of one scan.
import type Database from 'better-sqlite3';
import { builtWorker } from '../../built-worker';
import { UserError } from '../../errors';
import { DetectionHits, type DetectResult, type HitsState } from './detect';
import { Rules } from './rules';
import { readRulesConfig, type RulesConfig } from './rules-config';
import { scanRows, type ScanPeriod } from './scan-row';
import type { DetectPeriodWorkerInput } from './detect-period-worker';
import { callWorker } from '../../worker-call';
import { rollbackJournalIfAlone } from '../../vault/lone-writer-journal';
import { forWorker, type VaultAccess } from '../../vault/raw-key';

/** Below this many records one thread is quicker than starting two (as for verify). */
const PARALLEL_FROM_RECORDS = Number(process.env.AUDITDESK_PARALLEL_MIN_RECORDS ?? 200_000);

export interface DetectPeriodOptions {
  /** With these, large vaults are read on two worker threads. */
  parallel?: VaultAccess;
  /**
   * Raise through a rollback journal when no other connection has the vault open (the CLI): in WAL
   * mode every page the raise changes went through the cipher three times (into the -wal, then out of
   * it and into the vault at the checkpoint), with a journal twice (lone-writer-journal.ts). Other
   * processes cannot open the vault during the raise (a few seconds for a million records).
   */
  rollbackJournalIfAlone?: boolean;
}

/** Detection on demand over records whose time is in [from, to) (RFC 3339 or YYYY-MM-DD). */
export async function detectPeriod(
  db: Database.Database, period: { from?: string; to?: string } = {}, options: DetectPeriodOptions = {},
): Promise<DetectResult> {
  const config = readRulesConfig(db);
  const scan: ScanPeriod = {
    from: period.from ? utc(period.from) : '0000',
    to: period.to ? utc(period.to) : '9999',
    whole: !period.from && !period.to,
  };
  // Positions run from 1 without gaps (rows are never deleted): the last is the number of records.
  const maxPos = (db.prepare('SELECT ifnull(max(pos), 0) FROM records').pluck().get() as number);
  const worker = builtWorker('detect-period-worker');
  let hits: DetectionHits;
  if (options.parallel && worker && maxPos >= PARALLEL_FROM_RECORDS) {
    const split = Math.floor(maxPos / 2);
    const base = { ...(await forWorker(options.parallel)), config, period: scan };
    const halves = await Promise.all([
      callWorker<HitsState>(worker, { ...base, fromPos: 1, toPos: split } satisfies DetectPeriodWorkerInput),
      callWorker<HitsState>(worker, { ...base, fromPos: split + 1, toPos: maxPos } satisfies DetectPeriodWorkerInput),
    ]);
    hits = new DetectionHits(new Rules(config));
    for (const half of halves) hits.absorb(half);
  } else {
    hits = scanRange(db, config, scan, 1, maxPos);
  }
  // The workers have closed their connections: a lone CLI finds the vault alone and writes each page once.
  const backToWal = options.rollbackJournalIfAlone ? rollbackJournalIfAlone(db) : () => {};
  try {
    return hits.raise(db);
  } finally {
    backToWal();
  }
}

/** Runs the rules over the records at positions [fromPos, toPos] whose time is in the period. */
export function scanRange(db: Database.Database, config: RulesConfig, period: ScanPeriod, fromPos: number, toPos: number): DetectionHits {
  const hits = new DetectionHits(new Rules(config));
  for (const row of scanRows(db, config, period, fromPos, toPos)) hits.add(row);
  return hits;
}

function utc(text: string): string {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(ms)) throw new UserError(`not a date: ${JSON.stringify(text)}`);
  return new Date(ms).toISOString();
}
