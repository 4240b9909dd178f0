// The NDJSON part of verify-file: one byte range of a file, line by line, into an EntryBatch. Runs in
// this thread for small files and on two worker threads for large ones (verify-file-worker.ts).
import { EntryBatchBuilder, type EntryBatch } from '../../shared/chain/unordered-chain-verifier';
import type { JsonObject } from '../../shared/canonical-json';
import { recomputeAuditHash } from './chain-hash-fast';
import { UserError } from './errors';
import { parseJsonItem } from './ingest/formats/json-values';
import { LineReader } from './ingest/line-reader';

const HEX64 = /^[0-9a-f]{64}$/;

export interface RangeResult {
  batch: EntryBatch;
  /** Lines read, so the next range's line numbers can be made absolute. */
  lines: number;
}

/** Line numbers in errors and results are relative to the range's first line (1). */
export class RangeLineError extends UserError {
  constructor(
    readonly relativeLine: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

export async function verifyNdjsonRange(
  file: string,
  range: { start: number; end: number } | null,
  onProgress?: (bytes: number, records: number) => void,
): Promise<RangeResult> {
  const reader = new LineReader(file, undefined, range);
  const builder = new EntryBatchBuilder(file);
  let lines = 0;
  let records = 0;
  for await (const { number, text } of reader.lines()) {
    lines = number;
    if (text.trim() === '') continue;
    const item = parseJsonItem(text, number);
    if (item.errors) throw new RangeLineError(number, item.errors[0]!.message);
    const problem = chainFieldProblem(item.record);
    if (problem) throw new RangeLineError(number, problem);
    const r = item.record as JsonObject;
    builder.add(r.tenant as string, r.seq as number, r.audit_hash as string, r.prev_hash as string, recomputeAuditHash(text, r), number);
    if (++records % 10000 === 0) onProgress?.(reader.bytesRead, records);
  }
  return { batch: builder.finish(), lines };
}

export function chainFieldProblem(record: unknown): string | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'a record must be a JSON object';
  const r = record as Record<string, unknown>;
  if (typeof r.tenant !== 'string' || r.tenant === '') return 'field tenant must be a non-empty string';
  if (r.seq === undefined) return 'field seq is required: the record carries no chain fields';
  if (typeof r.seq !== 'number' || !Number.isInteger(r.seq) || r.seq < 1) return 'field seq must be a positive integer';
  for (const field of ['prev_hash', 'audit_hash']) {
    if (typeof r[field] !== 'string' || !HEX64.test(r[field] as string)) {
      return `field ${field} must be 64 lowercase hex digits`;
    }
  }
  return null;
}
