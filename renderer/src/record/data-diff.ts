// old_data / new_data side by side: one row per field of either, flagged when the record lists it in
// changed_fields and when the values actually differ (the two can disagree, which an auditor wants
// to see).
export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  /** Named in changed_fields. */
  listed: boolean;
  /** The values differ (or the field exists on one side only). */
  differs: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function diffRows(oldData: unknown, newData: unknown, changedFields: unknown): DiffRow[] {
  const before = isObject(oldData) ? oldData : {};
  const after = isObject(newData) ? newData : {};
  const listed = new Set(Array.isArray(changedFields) ? changedFields.map(String) : []);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after), ...listed])];
  return fields.map((field) => ({
    field,
    before: before[field],
    after: after[field],
    listed: listed.has(field),
    differs: JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  }));
}

/** Members shown in the diff or the chain panel rather than in the plain field list. */
export const SHOWN_ELSEWHERE = new Set(['old_data', 'new_data', 'changed_fields', 'seq', 'prev_hash', 'audit_hash']);
