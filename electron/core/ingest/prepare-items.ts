// Turns a file into prepared records (parsed, validated, canonicalised) or errors naming the line:
// the CPU-heavy half of an import, kept free of the database so it can run on a worker thread.
import type { FieldError } from '../../../shared/records/record-schema';
import { checkRecord } from '../../../shared/records/record-schema';
import { prepareRecord, type PreparedRecord } from '../vault/prepared-record';
import type { ImportFormat } from './formats/import-format';
import type { LineSource } from './formats/gzip-lines';
import { Rules } from '../violations/detection/rules';
import type { RulesConfig } from '../violations/detection/rules-config';
import { scanRowOf } from '../violations/detection/scan-record';
import type { ScanRow } from '../violations/detection/scan-row';
import { applySensitivePolicy, type SensitivePolicy } from './sensitive';
import { ChainAhead, type ChainGuess, type ChainHead } from './chain-ahead';

/** What the vault's settings say about preparing records: read once in the main thread, plain data. */
export interface IngestPolicy {
  sensitive: SensitivePolicy;
  /** The detection rules, when they run at ingest (issue 6); null when they do not. */
  detection: RulesConfig | null;
  /** Each tenant's chain head when the import began: records are chained and hashed ahead (chain-ahead.ts). */
  heads: Record<string, ChainHead>;
}

export type PreparedItem =
  | {
      line: number;
      record: PreparedRecord;
      ahead: ChainGuess;
      /** Set when a detection rule matches the record: what the rules need of it, minus its position. */
      scan?: ScanRow;
    }
  | { line: number; errors: FieldError[] };

export async function* prepareItems(
  reader: LineSource,
  format: ImportFormat,
  formatOptions: Record<string, string>,
  policy: IngestPolicy,
): AsyncGenerator<PreparedItem> {
  // The rules are evaluated here, on the worker thread, so that only records they match travel on.
  const rules = policy.detection ? new Rules(policy.detection) : null;
  const chain = new ChainAhead(policy.heads);
  for await (const item of format.read(reader.lines(), { path: reader.path, options: formatOptions })) {
    if (item.errors) {
      yield { line: item.line, errors: item.errors };
      continue;
    }
    // Sensitive fields are marked (and, if configured, redacted) before validation and hashing.
    const checked = checkRecord(applySensitivePolicy(item.record, policy.sensitive).record);
    if (!checked.ok) {
      yield { line: item.line, errors: checked.errors };
      continue;
    }
    const record = prepareRecord(checked.record);
    const ahead = chain.place(record);
    if (!rules) {
      yield { line: item.line, record, ahead };
      continue;
    }
    const scan = scanRowOf(checked.record, policy.detection!);
    const hit = scan && (rules.recordHits(scan).length > 0 || rules.groupHit(scan) !== null);
    yield hit ? { line: item.line, record, ahead, scan: scan! } : { line: item.line, record, ahead };
  }
}
