import fs from 'node:fs';
import { verifyProofFile } from '../../../../shared/ledger';
import { UserError } from '../../errors';
import { JSON_FLAG, type Command } from '../command';

export const verifyProofCommand: Command = {
  name: 'verify-proof',
  usage: 'auditdesk verify-proof FILE --key VKEY|KEYFILE [--json]',
  summary: "check a record's proof offline, with only the vault's public key",
  options: { ...JSON_FLAG, key: { type: 'string' } },
  async run(args, io) {
    const file = args.positionals[0];
    if (!file) throw new UserError('name the proof file');
    const keyArg = args.values.key as string | undefined;
    if (!keyArg) throw new UserError("--key is required: the vault's public key (printed by `auditdesk init`), or a file holding it");
    const vkey = fs.existsSync(keyArg) ? fs.readFileSync(keyArg, 'utf8').trim() : keyArg;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new UserError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`);
    }
    const result = verifyProofFile(text, vkey);
    if (args.values.json) {
      io.stdout.write(`${JSON.stringify(result.ok
        ? { ok: true, index: result.index, size: result.checkpoint.size, origin: result.checkpoint.origin, record: result.extra ? JSON.parse(Buffer.from(result.extra).toString('utf8')) : null }
        : result)}\n`);
    } else if (result.ok) {
      io.stdout.write(`ok: leaf ${result.index} is in the log ${result.checkpoint.origin} of ${result.checkpoint.size} records, signed by the key given\n`);
    } else {
      io.stdout.write(`FAILED (${result.stage}): ${result.reason}\n`);
    }
    return result.ok ? 0 : 1;
  },
};
