// The seed's `POST management/` (CONTRACT §4) through the retention code: `cleanup` purges records
// older than `days` that are also past their retention policy (the policy is the floor: the API can
// never purge earlier than the settings allow), `archive` archives records older than `days`. Both
// respect legal holds and are recorded in the chain like `auditdesk retention`.
import type Database from 'better-sqlite3';
import { UserError } from '../errors';
import { retentionSecretsFor } from './retention-secrets';
import { runRetention } from './run-retention';

export interface ManagementAnswer {
  action: 'cleanup' | 'archive';
  days: number;
  archived: number;
  purged: number;
  held: number;
  files: string[];
  message: string;
}

export function managementAction(db: Database.Database, action: 'cleanup' | 'archive', days: unknown, by: string): ManagementAnswer {
  const n = days === undefined ? NaN : Number(days);
  if (!Number.isFinite(n) || n < 0) throw new UserError('days must be a number of days (0 or more)');
  if (action === 'cleanup') {
    const report = runRetention(db, { by, only: 'purge', purgeMinAgeDays: n });
    return {
      action, days: n, archived: 0, purged: report.purge.count, held: report.purge.held, files: [],
      message: `${report.purge.count} record(s) older than ${n} days and past their retention were purged to tombstones`,
    };
  }
  const secrets = retentionSecretsFor(db);
  if (!secrets) throw new UserError('archiving needs the vault passphrase and signing key, which this server was not given: run `auditdesk retention VAULT`');
  const report = runRetention(db, { by, only: 'archive', archiveAfterDays: n, secrets, archiveDir: secrets.archiveDir });
  return {
    action, days: n, archived: report.archive.files.reduce((s, f) => s + f.records, 0), purged: 0, held: report.archive.held,
    files: report.archive.files.map((f) => f.file),
    message: `${report.archive.count} record(s) older than ${n} days were archived`,
  };
}
