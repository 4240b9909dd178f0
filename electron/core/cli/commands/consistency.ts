import fs from 'node:fs';
import { consistencyProof, formatConsistencyFile, verifyCheckpoint, verifyConsistencyFile } from '../../../../shared/ledger';
import { UserError } from '../../errors';
import { checkpointCovering } from '../../ledger/covering-checkpoint';
import { Ledger } from '../../ledger/ledger';
import { nodeMerkleHasher } from '../../ledger/node-hasher';
import { ledgerIdentity } from '../../ledger/signing-key';
import { PASSPHRASE_FILE, type Command } from '../command';
import { openVaultWithPassphrase } from '../open-from-cli';

function readCheckpoint(file: string, vkey: string, origin: string): { note: string; size: number } {
  let note: string;
  try {
    note = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read the checkpoint ${file}: ${(error as NodeJS.ErrnoException).code}`);
  }
  const verified = verifyCheckpoint(note, vkey, { origin });
  if (!verified.ok) throw new UserError(`${file} is not a checkpoint of this vault: ${verified.reason}`);
  return { note, size: verified.checkpoint.size };
}

export const consistencyCommand: Command = {
  name: 'consistency',
  usage: 'auditdesk consistency VAULT --old CHECKPOINT_FILE [--new CHECKPOINT_FILE] --out FILE',
  summary: "write an offline proof that the vault's log at --new (default: now) extends the one at --old",
  options: { ...PASSPHRASE_FILE, old: { type: 'string' }, new: { type: 'string' }, out: { type: 'string' } },
  async run(args, io) {
    const oldFile = args.values.old as string | undefined;
    const newFile = args.values.new as string | undefined;
    const out = args.values.out as string | undefined;
    if (!oldFile) throw new UserError('--old CHECKPOINT_FILE is required: an earlier checkpoint of this vault');
    if (!out) throw new UserError('--out FILE is required');
    const { db, path, passphrase } = await openVaultWithPassphrase(args, io);
    try {
      const identity = ledgerIdentity(db);
      if (!identity) throw new UserError('the vault has no ledger key: it has no checkpoints to prove anything about');
      const older = readCheckpoint(oldFile, identity.vkey, identity.origin);
      const ledger = new Ledger(db);
      const newer = newFile
        ? readCheckpoint(newFile, identity.vkey, identity.origin)
        : checkpointCovering(db, { path, passphrase }, ledger.size, 'consistency');
      const [oldSize, newSize] = [older.size, newer.size];
      if (oldSize > newSize) throw new UserError(`--old covers ${oldSize} records, more than --new (${newSize}): swap them`);
      if (newSize > ledger.size) {
        io.stdout.write(`NOT CONSISTENT: the checkpoint covers ${newSize} records but the vault's log has only ${ledger.size}: records were cut off\n`);
        return 1;
      }
      // The proof comes from the vault's own tree; it holds only if that tree still has both signed roots.
      let proof: Uint8Array[];
      try {
        proof = oldSize === 0 ? [] : consistencyProof(ledger.nodeStore, oldSize, newSize, nodeMerkleHasher);
      } catch (error) {
        io.stdout.write(`NOT CONSISTENT: the vault's log cannot be read up to ${newSize} records: ${(error as Error).message}\n`);
        return 1;
      }
      const text = formatConsistencyFile(older.note, newer.note, proof);
      const checked = verifyConsistencyFile(text, identity.vkey, nodeMerkleHasher);
      if (!checked.ok) {
        io.stdout.write(`NOT CONSISTENT: the vault's log is no longer the one these checkpoints signed (${checked.reason}); nothing written\n`);
        return 1;
      }
      fs.writeFileSync(out, text);
      io.stdout.write(`proof that the log of ${newSize} records extends the log of ${oldSize}, written to ${out}\n`);
      io.stdout.write(`check it with: auditdesk verify-consistency ${out} --key ${identity.vkey}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
