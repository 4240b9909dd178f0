import { UserError } from '../../errors';
import { exportRecords, type ExportFormat } from '../../vault/export-records';
import { recordFilterSchema } from '../../vault/record-filter';
import { PASSPHRASE_FILE, type Command } from '../command';
import { openVaultFromArgs } from '../open-from-cli';
import { progressOn } from '../progress';

const FORMATS: ExportFormat[] = ['ndjson', 'json', 'csv'];

export const exportCommand: Command = {
  name: 'export',
  usage:
    'auditdesk export VAULT --out FILE [--format ndjson|json|csv] [--tenant T] [--kind K] [--user U] [--operation OP] [--resource-type T] [--resource-id ID] [--from DATE] [--to DATE]',
  summary: 'write records with their chain fields (verify-file verifies them)',
  options: {
    ...PASSPHRASE_FILE,
    out: { type: 'string' },
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
    const db = await openVaultFromArgs(args, io, { readonly: true });
    const progress = progressOn(io);
    try {
      const count = await exportRecords(db, out, format, filter.data, (n) => progress.update(`exported ${n.toLocaleString('en')} records`));
      progress.done();
      io.stdout.write(`exported ${count} records to ${out}\n`);
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
