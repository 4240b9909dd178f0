// `auditdesk archive verify FILE [--key VKEY] [--json]` and `archive restore VAULT FILE` (issue 6).
// The archive passphrase is the vault's (AUDITDESK_PASSPHRASE, --passphrase-file, or a prompt).
import { UserError } from '../../errors';
import { restoreArchive } from '../../retention/archive/restore-archive';
import { verifyArchiveFile, type ArchiveReport } from '../../retention/archive/verify-archive';
import { JSON_FLAG, PASSPHRASE_FILE, type Command } from '../command';
import { openVaultWithPassphrase } from '../open-from-cli';
import { readPassphrase } from '../passphrase';
import { cliActor } from './cli-actor';

const USAGE = 'auditdesk archive verify FILE [--key VKEY] [--json] | archive restore VAULT FILE [--by USER] [--json]';

export const archiveCommand: Command = {
  name: 'archive',
  usage: USAGE,
  summary: 'check a retention archive on its own, or put its records back into the vault they came from',
  options: { ...PASSPHRASE_FILE, ...JSON_FLAG, key: { type: 'string' }, by: { type: 'string' } },
  async run(args, io) {
    const [action, first, second] = args.positionals;
    if (action === 'verify') {
      if (!first) throw new UserError(`name the archive file\nusage: ${USAGE}`);
      const passphrase = await readPassphrase(io, args.values['passphrase-file'] as string | undefined);
      const { report } = verifyArchiveFile(first, passphrase, args.values.key as string | undefined);
      io.stdout.write(args.values.json ? `${JSON.stringify(report)}\n` : describe(report));
      return report.ok ? 0 : 1;
    }
    if (action === 'restore') {
      if (!first || !second) throw new UserError(`name the vault and the archive file\nusage: ${USAGE}`);
      const { db } = await openVaultWithPassphrase({ values: args.values, positionals: [first] }, io);
      try {
        const passphrase = await readPassphrase(io, args.values['passphrase-file'] as string | undefined);
        const result = restoreArchive(db, second, passphrase, cliActor(args.values.by, io));
        io.stdout.write(args.values.json
          ? `${JSON.stringify(result)}\n`
          : `${second} verified; restored ${result.restored} purged record(s), ${result.already_present} already present\n`);
        return 0;
      } finally {
        db.close();
      }
    }
    throw new UserError(`say verify or restore\nusage: ${USAGE}`);
  },
};

function describe(r: ArchiveReport): string {
  const lines = [
    `${r.ok ? 'verified' : 'FAILED'}: ${r.file}: ${r.records} record(s) of ${Object.entries(r.tenants).map(([t, n]) => `${t} (${n})`).join(', ') || 'no tenant'}`,
    r.checkpoint ? `checkpoint ${r.checkpoint.origin} size ${r.checkpoint.size} root ${r.checkpoint.root}` : 'checkpoint: not verified',
    r.key.trusted ? `signed by the given key ${r.key.vkey}` : `signed by the key the archive names (${r.key.vkey}); pass --key VKEY to check it against a key you trust`,
    ...r.problems.slice(0, 20).map((p) => `  ${p.pos === null ? '' : `position ${p.pos}: `}${p.detail}`),
  ];
  return `${lines.join('\n')}\n`;
}
