// How record members are written in CSV cells (docs/formats.md, "CSV"), both ways:
//  - strings are the cell text; an unquoted empty cell means the member is absent, a quoted empty cell
//    ("") is the empty string, and an unquoted `null` is JSON null;
//  - objects and arrays (old_data, new_data, changed_fields, …) are JSON text;
//  - integers and booleans are their JSON text (17, true);
//  - members outside CONTRACT §1 travel in one last column, `extra`, as a JSON object.
export const CSV_COLUMNS = [
  'id', 'kind', 'tenant', 'user', 'timestamp', 'operation', 'resource_type', 'resource_id', 'resource_name',
  'old_data', 'new_data', 'changed_fields', 'compliance_framework', 'data_classification', 'is_sensitive',
  'request_id', 'session_id', 'ip_address', 'user_agent', 'parent_audit_id', 'query_type', 'model_name',
  'filters_applied', 'fields_accessed', 'record_count', 'export_type', 'file_path', 'file_size',
  'violation_type', 'severity', 'description', 'details', 'status', 'seq', 'prev_hash', 'audit_hash',
] as const;

export const EXTRA_COLUMN = 'extra';

const JSON_TEXT = new Set(['old_data', 'new_data', 'changed_fields', 'filters_applied', 'fields_accessed', 'details']);
const NUMBERS = new Set(['seq', 'record_count', 'file_size']);
const BOOLEANS = new Set(['is_sensitive']);

export type CellValue = { absent: true } | { absent: false; value: unknown };

export class CellError extends Error {}

/** Decodes one cell of column `name`; `quoted` says whether the cell was written in quotes. */
export function decodeCell(name: string, text: string, quoted: boolean): CellValue {
  if (!quoted && text === '') return { absent: true };
  if (!quoted && text === 'null') return { absent: false, value: null };
  if (JSON_TEXT.has(name) || name === EXTRA_COLUMN) {
    try {
      return { absent: false, value: JSON.parse(text) };
    } catch {
      throw new CellError('must be JSON text (an object or array)');
    }
  }
  if (NUMBERS.has(name)) {
    if (!/^-?\d+$/.test(text.trim())) throw new CellError('must be a whole number');
    return { absent: false, value: Number(text) };
  }
  if (BOOLEANS.has(name)) {
    const t = text.trim().toLowerCase();
    if (t === 'true') return { absent: false, value: true };
    if (t === 'false') return { absent: false, value: false };
    throw new CellError('must be true or false');
  }
  return { absent: false, value: text };
}

/** The cell for a member: text, and whether to quote it (strings always are, so "" and "null" survive). */
export function encodeCell(name: string, value: unknown): { text: string; quote: boolean } {
  if (value === undefined) return { text: '', quote: false };
  if (value === null) return { text: 'null', quote: false };
  if (typeof value === 'string' && !JSON_TEXT.has(name) && name !== EXTRA_COLUMN) return { text: value, quote: true };
  return { text: JSON.stringify(value), quote: typeof value === 'object' };
}
