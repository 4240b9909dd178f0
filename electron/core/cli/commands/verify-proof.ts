import fs from 'node:fs';
import { verifyProofFile } from '../../../../shared/ledger';
import { UserError } from '../../errors';
import { checkExportProofs, type ExportProofsReport } from '../../ledger/check-export-proofs';
import { JSON_FLAG, type Command } from '../command';
import type { CliIo } from '../io';
import { vaultKeyArg } from '../key-arg';

export const verifyProofCommand: Command = {
  name: 'verify-proof',
  usage: 'auditdesk verify-proof FILE --key VKEY|KEYFILE [--json]  |  auditdesk verify-proof EXPORT.ndjson --proofs BUNDLE --key VKEY|KEYFILE [--json]',
  summary: "check a record's proof, or every record of an export with its proof bundle, offline, with only the vault's public key",
  options: { ...JSON_FLAG, key: { type: 'string' }, proofs: { type: 'string' } },
  async run(args, io) {
    const file = args.positionals[0];
    if (!file) throw new UserError('name the proof file, or the export file with --proofs');
    const vkey = vaultKeyArg(args.values.key);
    const bundle = args.values.proofs as string | undefined;
    if (bundle) return reportExport(await checkExportProofs(file, bundle, vkey), io, args.values.json === true);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new UserError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`);
    }
    const result = verifyProofFile(text, vkey);
    if (args.values.json) {
      io.stdout.write(`${JSON.stringify(result.ok
        ? { ok: true, index: result.index, size: result.checkpoint.size, origin: result.checkpoint.origin, record: result.extra ? JSON.parse(Buffer.from(result.extra).toString('utf8')) : null }
        : result)}\n`);
    } else if (result.ok) {
      io.stdout.write(`ok: leaf ${result.index} is in the log ${result.checkpoint.origin} of ${result.checkpoint.size} records, signed by the key given\n`);
    } else {
      io.stdout.write(`FAILED (${result.stage}): ${result.reason}\n`);
    }
    return result.ok ? 0 : 1;
  },
};

function reportExport(report: ExportProofsReport, io: CliIo, json: boolean): number {
  if (json) {
    io.stdout.write(`${JSON.stringify(report)}\n`);
    return report.ok ? 0 : 1;
  }
  for (const failure of report.failures) io.stdout.write(`${failure.file}:${failure.line}: FAILED: ${failure.reason}\n`);
  const { origin, size } = report.checkpoint;
  io.stdout.write(report.ok
    ? `ok: all ${report.verified} records are in the log ${origin} of ${size} records, signed by the key given\n`
    : `FAILED: ${report.failures.length} of ${report.records} records are not proven; the other ${report.verified} are in the log ${origin} of ${size} records\n`);
  if (report.purged) io.stdout.write(`note: ${report.purged} of them were purged under retention: only their place in the log is proven\n`);
  if (report.unused.length) io.stdout.write(`note: ${report.unused.length} proofs in the bundle have no record in the export (records removed from it?)\n`);
  return report.ok ? 0 : 1;
}
