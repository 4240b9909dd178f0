// What retention would do now: the records past archive age and past retention, minus those a legal
// hold covers (counted apart, so the preview says what the holds keep). `--dry-run` prints this list.
import type Database from 'better-sqlite3';
import { HELD_SQL } from './holds';
import { pastArchiveAgeSql, pastRetentionSql, readPolicy, type RetentionPolicy } from './policy';

export interface PlannedRecord {
  pos: number;
  tenant: string;
  id: string;
  seq: number;
  kind: string;
  timestamp: string;
  framework: string;
}

export interface Selection {
  /** `FROM records r WHERE <where>` */
  sql: string;
  where: string;
  params: unknown[];
}

export interface PlanOptions {
  now?: Date;
  /** The seed's `cleanup` with `days`: purge only records older than this as well. */
  purgeMinAgeDays?: number;
  /** The seed's `archive` with `days`: archive after this many days instead of the setting. */
  archiveAfterDays?: number;
}

export interface RetentionSelections {
  policy: RetentionPolicy;
  now: Date;
  /** null when no archive age is set. */
  archive: { eligible: Selection; held: Selection } | null;
  purge: { eligible: Selection; held: Selection };
}

export function selections(db: Database.Database, options: PlanOptions = {}): RetentionSelections {
  const policy = readPolicy(db);
  const now = options.now ?? new Date();
  const select = (where: string, params: unknown[]): Selection => ({ sql: `FROM records r WHERE ${where}`, where, params });
  const build = (base: string, params: unknown[]) => ({
    eligible: select(`${base} AND NOT ${HELD_SQL}`, params),
    held: select(`${base} AND ${HELD_SQL}`, params),
  });
  const age = pastArchiveAgeSql(policy, now, options.archiveAfterDays);
  const retention = pastRetentionSql(policy, now, options.purgeMinAgeDays);
  return {
    policy,
    now,
    archive: age ? build(`r.purged_at IS NULL AND r.archive_id IS NULL AND ${age.sql}`, age.params) : null,
    purge: build(`r.purged_at IS NULL AND ${retention.sql}`, retention.params),
  };
}

export function listSelected(db: Database.Database, selection: Selection, limit?: number): PlannedRecord[] {
  return db
    .prepare(`SELECT r.pos, r.tenant, r.id, r.seq, r.kind, r.timestamp, ifnull(r.compliance_framework, '') AS framework ${selection.sql} ORDER BY r.pos${limit === undefined ? '' : ` LIMIT ${Math.floor(limit)}`}`)
    .all(...selection.params) as PlannedRecord[];
}

export function countSelected(db: Database.Database, selection: Selection): number {
  return db.prepare(`SELECT count(*) ${selection.sql}`).pluck().get(...selection.params) as number;
}
