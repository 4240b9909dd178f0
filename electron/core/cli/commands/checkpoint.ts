import fs from 'node:fs';
import { UserError } from '../../errors';
import { makeCheckpoint } from '../../ledger/checkpoints';
import { Ledger } from '../../ledger/ledger';
import { ledgerIdentity, loadSigner, signingKeyPath } from '../../ledger/signing-key';
import { PASSPHRASE_FILE, type Command } from '../command';
import { openVaultWithPassphrase } from '../open-from-cli';

export const checkpointCommand: Command = {
  name: 'checkpoint',
  usage: 'auditdesk checkpoint VAULT --out FILE',
  summary: "write the vault's current signed checkpoint (c2sp.org/tlog-checkpoint), for a witness to keep",
  options: { ...PASSPHRASE_FILE, out: { type: 'string' } },
  async run(args, io) {
    const out = args.values.out as string | undefined;
    if (!out) throw new UserError('--out FILE is required');
    const { db, path, passphrase } = await openVaultWithPassphrase(args, io);
    try {
      const signer = loadSigner(path, passphrase);
      if (!signer) throw new UserError(`no signing key at ${signingKeyPath(path)}: checkpoints cannot be signed`);
      const checkpoint = db.transaction(() => makeCheckpoint(db, new Ledger(db), signer, 'on demand'))();
      fs.writeFileSync(out, checkpoint.note);
      io.stdout.write(`checkpoint of ${checkpoint.size} records, root ${checkpoint.root}, written to ${out}\n`);
      io.stdout.write(`verify it with the vault's public key: ${ledgerIdentity(db)?.vkey}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
