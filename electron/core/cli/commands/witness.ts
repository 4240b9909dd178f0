import fs from 'node:fs';
import { UserError } from '../../errors';
import { witnessCheckpoint } from '../../ledger/witness';
import { JSON_FLAG, PASSPHRASE_FILE, type Command } from '../command';
import { openVaultFromArgs } from '../open-from-cli';

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read the ${what} ${file}: ${(error as NodeJS.ErrnoException).code}`);
  }
}

export const witnessCommand: Command = {
  name: 'witness',
  usage: 'auditdesk witness VAULT CHECKPOINT_FILE --key VKEY|KEYFILE [--tenant T] [--json]',
  summary: "check the records imported from a producer against the producer's own signed checkpoint, and keep it",
  options: { ...PASSPHRASE_FILE, ...JSON_FLAG, key: { type: 'string' }, tenant: { type: 'string' } },
  async run(args, io) {
    const file = args.positionals[1];
    if (!file) throw new UserError("name the producer's checkpoint file");
    const keyArg = args.values.key as string | undefined;
    if (!keyArg) throw new UserError("--key is required: the producer's public key (name+keyid+base64), or a file holding it");
    const vkey = fs.existsSync(keyArg) ? readText(keyArg, 'key file').trim() : keyArg;
    const note = readText(file, 'checkpoint');
    const db = await openVaultFromArgs(args, io);
    try {
      const result = db.transaction(() =>
        witnessCheckpoint(db, { note, vkey, tenant: args.values.tenant as string | undefined }),
      )();
      if (args.values.json) io.stdout.write(`${JSON.stringify(result)}\n`);
      else io.stdout.write(`${result.status === 'match' ? 'match' : result.status === 'mismatch' ? 'MISMATCH' : 'not enough records'}: ${result.message}\n`);
      // Only a proven difference is an integrity failure; too few records proves nothing either way.
      return result.status === 'mismatch' ? 1 : 0;
    } finally {
      db.close();
    }
  },
};
