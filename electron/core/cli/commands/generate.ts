import fs from 'node:fs';
import { UserError } from '../../errors';
import { generateRecords } from '../../demo/generate-records';
import type { Command } from '../command';

export const generateCommand: Command = {
  name: 'generate',
  usage: 'auditdesk generate FILE --records N [--tenants K] [--seed S]',
  summary: 'write N deterministic, seed-shaped demo records as NDJSON (for demos and benchmarks)',
  options: { records: { type: 'string' }, tenants: { type: 'string' }, seed: { type: 'string' } },
  async run(args, io) {
    const file = args.positionals[0];
    const count = Number(args.values.records);
    if (!file) throw new UserError('name the file to write');
    if (!Number.isInteger(count) || count < 0) throw new UserError('--records must be a whole number');
    const out = fs.createWriteStream(file);
    const records = generateRecords({
      count,
      tenants: args.values.tenants ? Number(args.values.tenants) : undefined,
      seed: args.values.seed ? Number(args.values.seed) : undefined,
    });
    for (const record of records) {
      if (!out.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    io.stdout.write(`wrote ${count} records to ${file}\n`);
    return 0;
  },
};
