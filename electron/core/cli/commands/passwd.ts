import { UserError } from '../../errors';
import { PASSPHRASE_FILE, type Command } from '../command';
import { rekeySigningKey } from '../../ledger/signing-key';
import { openVaultWithPassphrase } from '../open-from-cli';
import { readPassphrase } from '../passphrase';

export const passwdCommand: Command = {
  name: 'passwd',
  usage: 'auditdesk passwd VAULT [--passphrase-file F] [--new-passphrase-file F]',
  summary: 'change the passphrase (the new one from AUDITDESK_NEW_PASSPHRASE or a prompt)',
  options: { ...PASSPHRASE_FILE, 'new-passphrase-file': { type: 'string' } },
  async run(args, io) {
    const { db, path, passphrase } = await openVaultWithPassphrase(args, io);
    try {
      const next = await readPassphrase(io, args.values['new-passphrase-file'] as string | undefined, {
        envName: 'AUDITDESK_NEW_PASSPHRASE',
        prompt: 'New passphrase: ',
      });
      if (!next) throw new UserError('the new passphrase must not be empty');
      // SQLite3MultipleCiphers re-encrypts only outside WAL mode: leave WAL (which checkpoints every page
      // into the main file), re-encrypt every page in one transaction, then return to WAL.
      db.pragma('journal_mode = DELETE');
      db.rekey(Buffer.from(next, 'utf8'));
      db.pragma('journal_mode = WAL');
      rekeySigningKey(path, passphrase, next);
    } finally {
      db.close();
    }
    io.stdout.write(`passphrase changed for ${args.positionals[0]}\n`);
    return 0;
  },
};
