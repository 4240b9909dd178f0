// Turns a request body into validated records, or a 400 that names the field and, in a batch, which
// record (`index`, from 0, and for NDJSON also `line`, from 1). A batch is all or nothing, like a file
// import: one bad record and none of the batch is stored, so a client can fix and re-send it whole.
import { checkRecord, type AuditRecord, type FieldError } from '../../../shared/records/record-schema';
import type { Kind } from '../../../shared/records/enums';
import { ApiError } from './http/api-error';

export interface BatchError extends FieldError {
  index?: number;
  line?: number;
}

/** How many errors one answer lists; the count goes on. */
const MAX_LISTED = 100;

/** A JSON body: one record or an array of them; `kind` is filled in from the path when absent (null:
 *  any kinds, as given). */
export function recordsFromJson(body: Buffer, kind: Kind | null): AuditRecord[] {
  const value = parseJson(body.toString('utf8'));
  const single = !Array.isArray(value);
  const items = single ? [value] : (value as unknown[]);
  if (items.length === 0) throw new ApiError(400, 'the array holds no records', { field: '(body)' });
  const errors: BatchError[] = [];
  const records: AuditRecord[] = [];
  items.forEach((item, index) => {
    const where = single ? {} : { index };
    if (kind !== null && item && typeof item === 'object' && !Array.isArray(item)) {
      const given = (item as Record<string, unknown>).kind;
      if (given !== undefined && given !== kind) {
        errors.push({ ...where, field: 'kind', message: `must be ${JSON.stringify(kind)} at this path (got ${JSON.stringify(given)})` });
        return;
      }
      if (given === undefined) item = { kind, ...item };
    }
    collect(item, where, records, errors);
  });
  return verdict(records, errors);
}

/** An NDJSON body (`POST ingest`): one record of any kind a line; blank lines are ignored. */
export function recordsFromNdjson(body: Buffer): AuditRecord[] {
  const errors: BatchError[] = [];
  const records: AuditRecord[] = [];
  const lines = body.toString('utf8').split('\n');
  let index = 0;
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    const where = { index: index++, line: i + 1 };
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch (error) {
      errors.push({ ...where, field: '(record)', message: `not JSON: ${(error as Error).message}` });
      return;
    }
    collect(item, where, records, errors);
  });
  if (index === 0) throw new ApiError(400, 'the body holds no records (NDJSON: one JSON record a line)', { field: '(body)' });
  return verdict(records, errors);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, `the body is not JSON: ${(error as Error).message}`, { field: '(body)' });
  }
}

function collect(item: unknown, where: { index?: number; line?: number }, records: AuditRecord[], errors: BatchError[]): void {
  const checked = checkRecord(item);
  if (checked.ok) records.push(checked.record);
  else for (const e of checked.errors) errors.push({ ...where, ...e });
}

function verdict(records: AuditRecord[], errors: BatchError[]): AuditRecord[] {
  if (errors.length === 0) return records;
  const first = errors[0]!;
  const at = first.line !== undefined ? `line ${first.line}: ` : first.index !== undefined ? `record ${first.index}: ` : '';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''}; nothing was stored)` : ' (nothing was stored)';
  throw new ApiError(400, `${at}${first.field} ${first.message}${more}`, {
    field: first.field,
    ...(first.index !== undefined ? { index: first.index } : {}),
    ...(first.line !== undefined ? { line: first.line } : {}),
    errors: errors.slice(0, MAX_LISTED),
  });
}
