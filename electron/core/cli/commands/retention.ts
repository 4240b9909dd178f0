// `auditdesk retention VAULT [--dry-run] [--json]` (CONTRACT §3): applies the retention policies —
// archive past archive_after_days, purge past retention_days — never touching what a legal hold covers.
import { UserError } from '../../errors';
import { loadSigner } from '../../ledger/signing-key';
import { runRetention, type RetentionReport } from '../../retention/run-retention';
import { JSON_FLAG, PASSPHRASE_FILE, type Command } from '../command';
import { openVaultWithPassphrase } from '../open-from-cli';
import { cliActor } from './cli-actor';

export const retentionCommand: Command = {
  name: 'retention',
  usage: 'auditdesk retention VAULT [--dry-run] [--json] [--archive-dir DIR] [--as-of DATE] [--no-vacuum] [--by USER]',
  summary: 'apply the retention policies: archive, then purge to tombstones, respecting legal holds (--dry-run: list what would be done)',
  options: {
    ...PASSPHRASE_FILE, ...JSON_FLAG, 'dry-run': { type: 'boolean' }, 'archive-dir': { type: 'string' }, 'as-of': { type: 'string' },
    'no-vacuum': { type: 'boolean' }, by: { type: 'string' },
  },
  async run(args, io) {
    const asOf = args.values['as-of'] as string | undefined;
    const now = asOf === undefined ? undefined : new Date(/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${asOf}T00:00:00Z` : asOf);
    if (now && Number.isNaN(now.getTime())) throw new UserError(`--as-of ${JSON.stringify(asOf)} is not a date`);
    const { db, path, passphrase } = await openVaultWithPassphrase(args, io);
    try {
      const dryRun = args.values['dry-run'] === true;
      const report = runRetention(db, {
        now,
        dryRun,
        by: cliActor(args.values.by, io),
        secrets: dryRun ? null : { passphrase, signer: loadSigner(path, passphrase) },
        archiveDir: args.values['archive-dir'] as string | undefined,
        vacuum: args.values['no-vacuum'] !== true,
      });
      io.stdout.write(args.values.json ? `${JSON.stringify(report)}\n` : describe(report));
      return 0;
    } finally {
      db.close();
    }
  },
};

function describe(r: RetentionReport): string {
  const lines: string[] = [];
  const verb = r.dry_run ? 'would' : 'did';
  lines.push(`retention as of ${r.as_of}${r.dry_run ? ' (dry run: nothing changed)' : ''}`);
  lines.push(`archive: ${r.archive.count} record(s) ${r.dry_run ? 'would be archived' : 'past archive age'}; ${r.archive.held} kept by legal holds${r.archive.skipped ? `; skipped: ${r.archive.skipped}` : ''}`);
  for (const f of r.archive.files) lines.push(`  wrote ${f.file} (${f.records} records, checkpoint ${f.checkpoint_size}, sha256 ${f.sha256})`);
  if (r.dry_run) for (const p of r.archive.records) lines.push(`  archive ${p.tenant} seq ${p.seq} ${p.id} ${p.timestamp} ${p.framework || p.kind}`);
  lines.push(`purge: ${r.purge.count} record(s) ${verb === 'would' ? 'would be purged' : 'purged to tombstones'}; ${r.purge.held} kept by legal holds`);
  for (const [tenant, n] of Object.entries(r.purge.by_tenant)) lines.push(`  ${tenant}: ${n}`);
  if (r.dry_run) for (const p of r.purge.records) lines.push(`  purge ${p.tenant} seq ${p.seq} ${p.id} ${p.timestamp} ${p.framework || p.kind}`);
  if (r.vault_bytes) lines.push(`vault file: ${r.vault_bytes.before} bytes before, ${r.vault_bytes.after} after`);
  return `${lines.join('\n')}\n`;
}
