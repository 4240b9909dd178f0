// Turns a file into prepared records (parsed, validated, canonicalised) or errors naming the line:
// the CPU-heavy half of an import, kept free of the database so it can run on a worker thread.
import type { FieldError } from '../../../shared/records/record-schema';
import { checkRecord } from '../../../shared/records/record-schema';
import { prepareRecord, type PreparedRecord } from '../vault/prepared-record';
import type { ImportFormat } from './formats/import-format';
import type { LineSource } from './formats/gzip-lines';
import { applySensitivePolicy, type SensitivePolicy } from './sensitive';

export type PreparedItem = { line: number; record: PreparedRecord } | { line: number; errors: FieldError[] };

export async function* prepareItems(
  reader: LineSource,
  format: ImportFormat,
  formatOptions: Record<string, string>,
  sensitive: SensitivePolicy,
): AsyncGenerator<PreparedItem> {
  for await (const item of format.read(reader.lines(), { path: reader.path, options: formatOptions })) {
    if (item.errors) {
      yield { line: item.line, errors: item.errors };
      continue;
    }
    // Sensitive fields are marked (and, if configured, redacted) before validation and hashing.
    const checked = checkRecord(applySensitivePolicy(item.record, sensitive).record);
    yield checked.ok ? { line: item.line, record: prepareRecord(checked.record) } : { line: item.line, errors: checked.errors };
  }
}
