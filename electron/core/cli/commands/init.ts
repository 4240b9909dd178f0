import { UserError } from '../../errors';
import { createSigningKey, signingKeyPath } from '../../ledger/signing-key';
import { openVault } from '../../vault/open-vault';
import { PASSPHRASE_FILE, type Command } from '../command';
import { readPassphrase } from '../passphrase';

export const initCommand: Command = {
  name: 'init',
  usage: 'auditdesk init VAULT [--passphrase-file F]',
  summary: 'create an encrypted vault file',
  options: { ...PASSPHRASE_FILE },
  async run(args, io) {
    const path = args.positionals[0];
    if (!path) throw new UserError('name the vault file to create');
    const passphrase = await readPassphrase(io, args.values['passphrase-file'] as string | undefined);
    const db = openVault(path, passphrase, { create: true });
    let vkey: string;
    try {
      vkey = createSigningKey(db, path, passphrase);
    } finally {
      db.close();
    }
    io.stdout.write(`created ${path}\nits checkpoint signing key: ${signingKeyPath(path)} (keep it with the vault)\nits public key: ${vkey}\n`);
    return 0;
  },
};
