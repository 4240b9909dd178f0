// Applies the retention policies (issue 6; `auditdesk retention`, the collector's `POST management/`):
// 1. archive the records past archive age into encrypted, self-verifying files, then mark them;
// 2. purge the records past retention to tombstones;
// never touching a record a legal hold covers. Each action is noted in the chain of every tenant it
// touched, a checkpoint is signed over the result, and the vault file is shrunk. A dry run lists
// exactly what would be archived and purged and changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { makeCheckpoint } from '../ledger/checkpoints';
import { Ledger } from '../ledger/ledger';
import { noteActions, type ActionNote } from './actions-log';
import { writeArchive, type ArchiveSecrets } from './archive/write-archive';
import type { RetentionPolicy } from './policy';
import { purgeRetentionSet, shrinkVault, withLargeCache } from './purge';
import { countPlan } from './plan-counts';
import { countSelected, listSelected, selections, type PlannedRecord, type PlanOptions, type Selection } from './retention-plan';

export interface RetentionOptions extends PlanOptions {
  dryRun?: boolean;
  /** Who runs it, for the chain. */
  by: string;
  /** Needed to archive; without them archiving is skipped (and said so), purging still happens. */
  secrets?: ArchiveSecrets | null;
  /** Where archive files go; default VAULT.archives/ beside the vault. */
  archiveDir?: string;
  /** Only one of the two steps (the seed's `archive` and `cleanup` actions). */
  only?: 'archive' | 'purge';
  /** Shrink the file after a purge (default true). */
  vacuum?: boolean;
  /** At most this many records listed per step in the report (default: all in a dry run, 1000 otherwise). */
  listLimit?: number;
}

export interface RetentionReport {
  dry_run: boolean;
  as_of: string;
  policy: RetentionPolicy;
  archive: {
    count: number;
    held: number;
    records: PlannedRecord[];
    files: Array<{ file: string; sha256: string; records: number; checkpoint_size: number }>;
    skipped: string | null;
  };
  purge: { count: number; held: number; records: PlannedRecord[]; by_tenant: Record<string, number> };
  vault_bytes: { before: number; after: number } | null;
}

/** Records per archive file: keeps one file's payload comfortably in memory. */
const ARCHIVE_CHUNK = 100_000;

export function runRetention(db: Database.Database, options: RetentionOptions): RetentionReport {
  const plan = selections(db, options);
  const dry = options.dryRun ?? false;
  const listLimit = options.listLimit ?? (dry ? undefined : 1000);
  const doArchive = options.only !== 'purge' && plan.archive !== null;
  const doPurge = options.only !== 'archive';
  const report: RetentionReport = {
    dry_run: dry,
    as_of: plan.now.toISOString(),
    policy: plan.policy,
    archive: { count: 0, held: 0, records: [], files: [], skipped: plan.archive ? null : 'no archive_after_days is set' },
    purge: { count: 0, held: 0, records: [], by_tenant: {} },
    vault_bytes: null,
  };

  // A preview (a dry run that lists only the first records): counts from one walk of the vault.
  if (dry && listLimit !== undefined) {
    const counts = countPlan(db, plan);
    if (doArchive && plan.archive) {
      report.archive.held = heldCount(db, plan.archive.held);
      report.archive.count = counts.archive;
      report.archive.records = listSelected(db, plan.archive.eligible, listLimit);
    }
    if (doPurge) {
      report.purge.held = heldCount(db, plan.purge.held);
      report.purge.count = counts.purge;
      report.purge.records = listSelected(db, plan.purge.eligible, listLimit);
      report.purge.by_tenant = counts.purgeByTenant;
    }
    return report;
  }

  if (doArchive && plan.archive) {
    report.archive.held = heldCount(db, plan.archive.held);
    const all = listSelected(db, plan.archive.eligible);
    report.archive.count = all.length;
    report.archive.records = listLimit === undefined ? all : all.slice(0, listLimit);
    if (!dry && all.length > 0) {
      if (!options.secrets) {
        report.archive.skipped = 'archiving needs the vault passphrase and its signing key';
      } else {
        archiveRecords(db, all, options, report);
      }
    }
  }

  if (doPurge) {
    report.purge.held = heldCount(db, plan.purge.held);
    if (dry) {
      report.purge.records = listSelected(db, plan.purge.eligible);
      report.purge.count = report.purge.records.length;
      for (const r of report.purge.records) report.purge.by_tenant[r.tenant] = (report.purge.by_tenant[r.tenant] ?? 0) + 1;
    } else {
      purgeRecords(db, plan.purge.eligible, options, report, listLimit);
    }
  }
  if (!dry && (report.archive.files.length > 0 || report.purge.count > 0) && options.secrets?.signer) {
    db.transaction(() => makeCheckpoint(db, new Ledger(db), options.secrets!.signer!, 'retention'))();
  }
  return report;
}

function archiveRecords(db: Database.Database, all: PlannedRecord[], options: RetentionOptions, report: RetentionReport): void {
  const dir = options.archiveDir ?? `${db.name}.archives`;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (let i = 0; i < all.length; i += ARCHIVE_CHUNK) {
    const chunk = all.slice(i, i + ARCHIVE_CHUNK);
    const file = path.join(dir, `archive-${stamp}-${i / ARCHIVE_CHUNK + 1}.adarchive`);
    const written = writeArchive(db, chunk.map((r) => r.pos), file, options.secrets!);
    db.transaction(() => {
      const id = Number(
        db.prepare('INSERT INTO archives(file_name, sha256, records, checkpoint_size, created_at) VALUES (?, ?, ?, ?, ?)')
          .run(path.basename(file), written.sha256, written.records, written.checkpoint_size, new Date().toISOString()).lastInsertRowid,
      );
      const mark = db.prepare('UPDATE records SET archive_id = ? WHERE pos = ?');
      for (const r of chunk) mark.run(id, r.pos);
      noteActions(db, perTenant(chunk).map(([tenant, rows]): ActionNote => ({
        tenant, user: options.by, operation: 'ARCHIVE', resource_type: 'retention', resource_id: `archive-${id}`,
        new_data: {
          records: rows.length, first_seq: rows[0]!.seq, last_seq: rows.at(-1)!.seq,
          archive: path.basename(file), archive_sha256: written.sha256, checkpoint_size: written.checkpoint_size,
        },
      })));
    })();
    report.archive.files.push({ file, sha256: written.sha256, records: written.records, checkpoint_size: written.checkpoint_size });
  }
}

function purgeRecords(db: Database.Database, eligible: Selection, options: RetentionOptions, report: RetentionReport, listLimit: number | undefined): void {
  const before = vaultBytes(db);
  const purgedAt = new Date().toISOString();
  withLargeCache(db, before, () => {
    purgeInTransaction(db, eligible, options, report, listLimit, purgedAt);
    if (report.purge.count > 0 && (options.vacuum ?? true)) {
      shrinkVault(db);
      report.vault_bytes = { before, after: vaultBytes(db) };
    }
  });
}

function purgeInTransaction(
  db: Database.Database, eligible: Selection, options: RetentionOptions, report: RetentionReport, listLimit: number | undefined, purgedAt: string,
): void {
  db.transaction(() => {
    // Tenant and seq come along, so the notes' spans need no second pass over the records.
    db.exec('DROP TABLE IF EXISTS temp.retention_set');
    db.exec('CREATE TEMP TABLE retention_set(pos INTEGER PRIMARY KEY, tenant TEXT NOT NULL, seq INTEGER NOT NULL)');
    db.prepare(`INSERT INTO temp.retention_set(pos, tenant, seq) SELECT r.pos, r.tenant, r.seq ${eligible.sql}`).run(...eligible.params);
    report.purge.records = db
      .prepare(`SELECT r.pos, r.tenant, r.id, r.seq, r.kind, r.timestamp, ifnull(r.compliance_framework, '') AS framework
                FROM temp.retention_set s JOIN records r ON r.pos = s.pos ORDER BY r.pos${listLimit === undefined ? '' : ` LIMIT ${listLimit}`}`)
      .all() as PlannedRecord[];
    const spans = db
      .prepare('SELECT tenant, count(*) AS n, min(seq) AS first_seq, max(seq) AS last_seq FROM temp.retention_set GROUP BY tenant ORDER BY tenant')
      .all() as Array<{ tenant: string; n: number; first_seq: number; last_seq: number }>;
    report.purge.count = purgeRetentionSet(db, purgedAt, { vacuumAfter: options.vacuum ?? true });
    for (const s of spans) report.purge.by_tenant[s.tenant] = s.n;
    noteActions(db, spans.map((s): ActionNote => ({
      tenant: s.tenant, user: options.by, operation: 'PURGE', resource_type: 'retention', resource_id: `purge-${purgedAt}`,
      new_data: { records: s.n, first_seq: s.first_seq, last_seq: s.last_seq, purged_at: purgedAt, retention_days: report.policy.retention_days },
    })));
    db.exec('DROP TABLE temp.retention_set');
  })();
}

/** Counting what holds keep reads every candidate record: pointless when no hold stands. */
function heldCount(db: Database.Database, held: Selection): number {
  const standing = db.prepare('SELECT 1 FROM legal_holds WHERE released_at IS NULL LIMIT 1').pluck().get();
  return standing ? countSelected(db, held) : 0;
}

function perTenant(rows: PlannedRecord[]): Array<[string, PlannedRecord[]]> {
  const map = new Map<string, PlannedRecord[]>();
  for (const r of rows) {
    let list = map.get(r.tenant);
    if (!list) map.set(r.tenant, (list = []));
    list.push(r);
  }
  for (const list of map.values()) list.sort((a, b) => a.seq - b.seq);
  return [...map.entries()];
}

function vaultBytes(db: Database.Database): number {
  const size = (file: string) => {
    try {
      return fs.statSync(file).size;
    } catch {
      return 0;
    }
  };
  return size(db.name) + size(`${db.name}-wal`);
}
