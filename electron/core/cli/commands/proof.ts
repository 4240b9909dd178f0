import fs from 'node:fs';
import { buildProofFile } from '../../../../shared/ledger';
import { UserError } from '../../errors';
import { checkpointCovering } from '../../ledger/covering-checkpoint';
import { Ledger } from '../../ledger/ledger';
import { nodeMerkleHasher } from '../../ledger/node-hasher';
import { PASSPHRASE_FILE, type Command } from '../command';
import { openVaultWithPassphrase } from '../open-from-cli';

export const proofCommand: Command = {
  name: 'proof',
  usage: 'auditdesk proof VAULT RECORD_ID --out FILE [--tenant T]',
  summary: 'write an offline proof (c2sp.org/tlog-proof) that one record is in the vault\'s log',
  options: { ...PASSPHRASE_FILE, out: { type: 'string' }, tenant: { type: 'string' } },
  async run(args, io) {
    const recordId = args.positionals[1];
    const out = args.values.out as string | undefined;
    if (!recordId) throw new UserError('name the record id');
    if (!out) throw new UserError('--out FILE is required');
    const { db, path, passphrase } = await openVaultWithPassphrase(args, io);
    try {
      const tenant = args.values.tenant as string | undefined;
      const matches = db
        .prepare(`SELECT pos, tenant, canonical FROM records WHERE id = ?${tenant ? ' AND tenant = ?' : ''}`)
        .all(...(tenant ? [recordId, tenant] : [recordId])) as Array<{ pos: number; tenant: string; canonical: string }>;
      if (matches.length === 0) throw new UserError(`no record with id ${recordId}${tenant ? ` in tenant ${tenant}` : ''}`);
      if (matches.length > 1) {
        throw new UserError(`record id ${recordId} exists in tenants ${matches.map((m) => m.tenant).join(', ')}: name one with --tenant`);
      }
      const record = matches[0]!;
      const checkpoint = checkpointCovering(db, { path, passphrase }, record.pos, 'proof');
      const ledger = new Ledger(db);
      const text = buildProofFile({
        store: ledger.nodeStore,
        index: record.pos - 1,
        signedCheckpoint: checkpoint.note,
        extra: Buffer.from(record.canonical, 'utf8'),
        hasher: nodeMerkleHasher,
      });
      fs.writeFileSync(out, text);
      io.stdout.write(`proof that record ${recordId} is leaf ${record.pos - 1} of ${checkpoint.size}, written to ${out}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
