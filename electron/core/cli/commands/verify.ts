import fs from 'node:fs';
import { UserError } from '../../errors';
import { recordAlarms } from '../../vault/record-alarms';
import { verifyVault } from '../../vault/verify-vault';
import { JSON_FLAG, PASSPHRASE_FILE, type Command } from '../command';
import { openVaultWithPassphrase } from '../open-from-cli';
import { percent, progressOn } from '../progress';
import { describeVerifyReport } from '../verify-output';

export const verifyCommand: Command = {
  name: 'verify',
  usage: 'auditdesk verify VAULT [--json] [--checkpoint FILE]… [--key VKEY]',
  summary: 'verify every chain, the ledger and every signed checkpoint; --checkpoint: also that the vault extends it',
  options: { ...PASSPHRASE_FILE, ...JSON_FLAG, checkpoint: { type: 'string', multiple: true }, key: { type: 'string' } },
  async run(args, io) {
    const external = ((args.values.checkpoint as string[] | undefined) ?? []).map((where) => {
      try {
        return { note: fs.readFileSync(where, 'utf8'), where };
      } catch (error) {
        throw new UserError(`cannot read the checkpoint ${where}: ${(error as NodeJS.ErrnoException).code}`);
      }
    });
    const { db, path, passphrase, rawKey } = await openVaultWithPassphrase(args, io, { forWorkers: true });
    const progress = progressOn(io);
    try {
      const report = await verifyVault(db, {
        externalCheckpoints: external,
        parallel: { vaultPath: path, passphrase, rawKey },
        key: args.values.key as string | undefined,
        record: true,
        onProgress: ({ records, total }) => progress.update(`verifying: ${records.toLocaleString('en')} records ${percent(records, total)}`),
      });
      progress.done();
      if (!report.ok) {
        const breaks = report.chains.filter((c) => c.break).map((c) => ({ tenant: c.tenant, ...c.break! }));
        try {
          recordAlarms(db, breaks, report.ledger.problems);
        } catch (error) {
          io.stderr.write(`auditdesk verify: could not record the alarm in the vault: ${(error as Error).message}\n`);
        }
      }
      io.stdout.write(args.values.json ? `${JSON.stringify(report)}\n` : describeVerifyReport(report));
      return report.ok ? 0 : 1;
    } finally {
      db.close();
    }
  },
};
