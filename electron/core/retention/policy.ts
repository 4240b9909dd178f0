// Retention policies from the vault's settings (issue 6): `retention_days` per compliance framework
// (purge after), `archive_after_days` (archive after). A record without a framework, or with one the
// setting does not name, follows `retention_days.DEFAULT` when it is set and is otherwise never purged:
// deleting evidence needs a rule that says so.
import type Database from 'better-sqlite3';
import { UserError } from '../errors';

export interface RetentionPolicy {
  retention_days: Record<string, number>;
  archive_after_days: number | null;
}

const DAY_MS = 86_400_000;

export function readPolicy(db: Database.Database): RetentionPolicy {
  const get = (key: string) => {
    const text = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  };
  const days = (get('retention_days') ?? {}) as Record<string, unknown>;
  const retention: Record<string, number> = {};
  for (const [framework, value] of Object.entries(days)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new UserError(`settings retention_days.${framework} must be a number of days, is ${JSON.stringify(value)}`);
    }
    retention[framework] = value;
  }
  const archive = get('archive_after_days');
  if (archive !== undefined && archive !== null && (typeof archive !== 'number' || archive < 0)) {
    throw new UserError(`settings archive_after_days must be a number of days or null, is ${JSON.stringify(archive)}`);
  }
  return { retention_days: retention, archive_after_days: (archive as number | null | undefined) ?? null };
}

export function cutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/**
 * SQL over `records` true when a record is past its retention at `now`. `minAgeDays` (the seed's
 * `cleanup` with `days`) only narrows it: nothing is ever purged before its policy allows.
 */
export function pastRetentionSql(policy: RetentionPolicy, now: Date, minAgeDays?: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const whens: string[] = [];
  for (const [framework, days] of Object.entries(policy.retention_days)) {
    if (framework === 'DEFAULT') continue;
    whens.push('WHEN ? THEN ?');
    params.push(framework, cutoff(now, days));
  }
  const fallback = policy.retention_days.DEFAULT;
  // '' as a cutoff: no ts_utc is below it, so the record is kept.
  params.push(fallback === undefined ? '' : cutoff(now, fallback));
  let sql = `ts_utc < (CASE ifnull(compliance_framework, '') ${whens.join(' ')} ELSE ? END)`;
  if (minAgeDays !== undefined) {
    sql += ' AND ts_utc < ?';
    params.push(cutoff(now, minAgeDays));
  }
  return { sql, params };
}

export function pastArchiveAgeSql(policy: RetentionPolicy, now: Date, overrideDays?: number): { sql: string; params: unknown[] } | null {
  const days = overrideDays ?? policy.archive_after_days;
  if (days === null || days === undefined) return null;
  return { sql: 'ts_utc < ?', params: [cutoff(now, days)] };
}
