import { UserError } from '../../errors';
import { checkpointCovering } from '../../ledger/covering-checkpoint';
import { ExportProofBundle } from '../../ledger/export-proof-bundle';
import { Ledger } from '../../ledger/ledger';
import { ledgerIdentity } from '../../ledger/signing-key';
import { exportRecords, type ExportFormat } from '../../vault/export-records';
import { recordFilterSchema } from '../../vault/record-filter';
import { PASSPHRASE_FILE, type Command } from '../command';
import { openVaultWithPassphrase } from '../open-from-cli';
import { progressOn } from '../progress';

const FORMATS: ExportFormat[] = ['ndjson', 'json', 'csv'];

export const exportCommand: Command = {
  name: 'export',
  usage:
    'auditdesk export VAULT --out FILE [--format ndjson|json|csv] [--tenant T] [--kind K] [--user U] [--operation OP] [--resource-type T] [--resource-id ID] [--from DATE] [--to DATE] [--proofs]',
  summary: 'write records with their chain fields (verify-file verifies them); --proofs: and FILE.proofs, an inclusion proof per record',
  options: {
    ...PASSPHRASE_FILE,
    out: { type: 'string' },
    proofs: { type: 'boolean' },
    format: { type: 'string' },
    tenant: { type: 'string' },
    kind: { type: 'string' },
    user: { type: 'string' },
    operation: { type: 'string' },
    'resource-type': { type: 'string' },
    'resource-id': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  },
  async run(args, io) {
    const v = args.values;
    const out = v.out as string | undefined;
    if (!out) throw new UserError('--out FILE is required');
    const format = ((v.format as string | undefined) ?? formatFromName(out)) as ExportFormat;
    if (!FORMATS.includes(format)) throw new UserError(`--format must be one of ${FORMATS.join(', ')}`);
    const filter = recordFilterSchema.safeParse({
      tenant: v.tenant, kind: v.kind, user: v.user, operation: v.operation, resource_type: v['resource-type'],
      resource_id: v['resource-id'], start_date: v.from, end_date: v.to,
    });
    if (!filter.success) throw new UserError(`bad filter: ${filter.error.issues.map((i) => `--${String(i.path[0])} ${i.message}`).join('; ')}`);
    const withProofs = v.proofs === true;
    if (withProofs && format !== 'ndjson') throw new UserError('--proofs needs --format ndjson: the proofs name each record by its line');
    // Read-only unless proofs are asked for: they may need a fresh checkpoint signed into the vault.
    const { db, path, passphrase } = await openVaultWithPassphrase(args, io, { readonly: !withProofs });
    const progress = progressOn(io);
    try {
      const onProgress = (n: number) => progress.update(`exported ${n.toLocaleString('en')} records`);
      if (!withProofs) {
        const count = await exportRecords(db, out, format, filter.data, { onProgress });
        progress.done();
        io.stdout.write(`exported ${count} records to ${out}\n`);
        return 0;
      }
      const checkpoint = checkpointCovering(db, { path, passphrase }, new Ledger(db).size, 'export');
      const bundle = `${out}.proofs`;
      const proofs = new ExportProofBundle(db, bundle, checkpoint);
      const count = await exportRecords(db, out, format, filter.data, { onProgress, proofs, upToPos: checkpoint.size });
      progress.done();
      io.stdout.write(`exported ${count} records to ${out}, and their proofs against the checkpoint of ${checkpoint.size} records to ${bundle}\n`);
      io.stdout.write(`check them with: auditdesk verify-proof ${out} --proofs ${bundle} --key ${ledgerIdentity(db)?.vkey}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};

function formatFromName(file: string): ExportFormat {
  if (file.endsWith('.csv')) return 'csv';
  if (file.endsWith('.json')) return 'json';
  return 'ndjson';
}
