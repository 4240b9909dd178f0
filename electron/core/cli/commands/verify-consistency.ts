import fs from 'node:fs';
import { toBase64, verifyConsistencyFile } from '../../../../shared/ledger';
import { UserError } from '../../errors';
import { nodeMerkleHasher } from '../../ledger/node-hasher';
import { JSON_FLAG, type Command } from '../command';
import { vaultKeyArg } from '../key-arg';

export const verifyConsistencyCommand: Command = {
  name: 'verify-consistency',
  usage: 'auditdesk verify-consistency FILE --key VKEY|KEYFILE [--json]',
  summary: "check a consistency proof offline, with only the vault's public key: the newer log extends the older",
  options: { ...JSON_FLAG, key: { type: 'string' } },
  async run(args, io) {
    const file = args.positionals[0];
    if (!file) throw new UserError('name the consistency proof file');
    const vkey = vaultKeyArg(args.values.key);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new UserError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`);
    }
    const result = verifyConsistencyFile(text, vkey, nodeMerkleHasher);
    const head = (cp: { size: number; rootHash: Uint8Array }) => ({ size: cp.size, root: toBase64(cp.rootHash) });
    if (args.values.json) {
      io.stdout.write(`${JSON.stringify(result.ok ? { ok: true, origin: result.old.origin, old: head(result.old), new: head(result.new) } : result)}\n`);
    } else if (result.ok) {
      io.stdout.write(`ok: the log ${result.new.origin} of ${result.new.size} records extends its log of ${result.old.size}, both signed by the key given\n`);
    } else {
      io.stdout.write(`FAILED (${result.stage}): ${result.reason}\n`);
    }
    return result.ok ? 0 : 1;
  },
};
