import { parseExpectedHead } from '../../../../shared/chain/chain-break';
import { UserError } from '../../errors';
import { verifyFiles } from '../../verify-file';
import { JSON_FLAG, type Command } from '../command';
import { progressOn } from '../progress';
import { describeVerifyReport } from '../verify-output';

export const verifyFileCommand: Command = {
  name: 'verify-file',
  usage: 'auditdesk verify-file FILE… [--json] [--head TENANT:SEQ:HASH]…',
  summary: 'verify the chains in export files, without a vault',
  options: { ...JSON_FLAG, head: { type: 'string', multiple: true } },
  async run(args, io) {
    if (args.positionals.length === 0) throw new UserError('name at least one file to verify');
    let heads;
    try {
      heads = ((args.values.head as string[] | undefined) ?? []).map(parseExpectedHead);
    } catch (error) {
      throw new UserError((error as Error).message);
    }
    const progress = progressOn(io);
    const report = await verifyFiles(args.positionals, {
      heads,
      onProgress: ({ file, records }) => progress.update(`${file}: ${records.toLocaleString('en')} records`),
    });
    progress.done();
    io.stdout.write(args.values.json ? `${JSON.stringify(report)}\n` : describeVerifyReport(report));
    return report.ok ? 0 : 1;
  },
};
