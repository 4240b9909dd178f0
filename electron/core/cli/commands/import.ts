import { UserError } from '../../errors';
import { importFile, type ImportResult } from '../../ingest/import-file';
import { JSON_FLAG, PASSPHRASE_FILE, type Command } from '../command';
import { loadSigner } from '../../ledger/signing-key';
import { openVaultWithPassphrase } from '../open-from-cli';
import { percent, progressOn } from '../progress';

export const importCommand: Command = {
  name: 'import',
  usage: 'auditdesk import VAULT FILE… [--format auto|auditdesk|seed|cloudtrail|k8s|csv] [--map FILE] [--json]',
  summary: 'import exported logs; each file is all-or-nothing',
  options: { ...PASSPHRASE_FILE, ...JSON_FLAG, format: { type: 'string' }, map: { type: 'string' } },
  async run(args, io) {
    const files = args.positionals.slice(1);
    if (files.length === 0) throw new UserError('name at least one file to import');
    const { db, path, passphrase } = await openVaultWithPassphrase(args, io);
    // Half the usual page cache: this connection only writes, and 32 MiB kept a million-record import
    // as fast (its pages are appended; the indexes' hot pages fit) with ~35 MB less peak memory.
    db.pragma('cache_size = -32768');
    const signer = loadSigner(path, passphrase);
    const progress = progressOn(io);
    const results: ImportResult[] = [];
    try {
      for (const file of files) {
        try {
          results.push(
            await importFile(db, file, {
              format: args.values.format as string | undefined,
              signer,
              rollbackJournalIfAlone: true,
              formatOptions: args.values.map ? { map: args.values.map as string } : {},
              onProgress: ({ bytes, totalBytes, records }) =>
                progress.update(`${file}: ${records.toLocaleString('en')} records ${percent(bytes, totalBytes)}`),
            }),
          );
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          results.push(failedResult(file, error.message));
        }
        progress.done();
      }
    } finally {
      db.close();
    }
    if (args.values.json) io.stdout.write(`${JSON.stringify(results.map(publicResult), null, 2)}\n`);
    else for (const r of results) io.stdout.write(describe(r));
    if (results.some((r) => !r.ok)) return 2;
    if (results.some((r) => r.breaks.length > 0)) return 1;
    return 0;
  },
};

function failedResult(file: string, message: string): ImportResult {
  return {
    file, format: null, ok: false, records: 0, imported: 0, duplicates: 0, conflicts: 0,
    rejected: [{ line: 0, field: '(file)', message }], rejectedCount: 1, breaks: [], size: 0, sha256: null,
  };
}

function publicResult(r: ImportResult) {
  return {
    file: r.file, format: r.format, ok: r.ok, imported: r.imported, duplicates: r.duplicates, conflicts: r.conflicts,
    rejected: r.rejectedCount, errors: r.rejected, breaks: r.breaks, sha256: r.sha256, size: r.size,
  };
}

function describe(r: ImportResult): string {
  if (!r.ok) {
    const lines = r.rejected.map((e) =>
      e.line ? `  ${r.file} line ${e.line}: ${e.field.startsWith('(') ? '' : `field ${e.field}: `}${e.message}\n` : `  ${e.message}\n`);
    const more = r.rejectedCount > r.rejected.length ? `  … and more\n` : '';
    return `${r.file}: NOT imported (nothing from this file was stored): ${r.rejectedCount} rejected record(s)\n${lines.join('')}${more}`;
  }
  let text = `${r.file}: ${r.imported} imported, ${r.duplicates} duplicates skipped, ${r.conflicts} conflicts kept aside (${r.format ?? 'empty file'})\n`;
  for (const b of r.breaks) {
    text += `  INTEGRITY: the chain of tenant ${b.tenant} breaks at seq ${b.seq} (${b.kind}): ${b.detail}\n`;
  }
  return text;
}
