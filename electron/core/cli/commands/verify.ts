import { verifyVault } from '../../vault/verify-vault';
import { JSON_FLAG, PASSPHRASE_FILE, type Command } from '../command';
import { openVaultFromArgs } from '../open-from-cli';
import { percent, progressOn } from '../progress';
import { describeVerifyReport } from '../verify-output';

export const verifyCommand: Command = {
  name: 'verify',
  usage: 'auditdesk verify VAULT [--json]',
  summary: 'verify every chain in the vault',
  options: { ...PASSPHRASE_FILE, ...JSON_FLAG },
  async run(args, io) {
    const db = await openVaultFromArgs(args, io, { readonly: true });
    const progress = progressOn(io);
    try {
      const report = verifyVault(db, {
        onProgress: ({ records, total }) => progress.update(`verifying: ${records.toLocaleString('en')} records ${percent(records, total)}`),
      });
      progress.done();
      io.stdout.write(args.values.json ? `${JSON.stringify(report)}\n` : describeVerifyReport(report));
      return report.ok ? 0 : 1;
    } finally {
      db.close();
    }
  },
};
