// Validation of AuditDesk record v1 (CONTRACT §1). Unknown members pass through untouched: they are
// hashed and kept, never dropped. zod gives us field paths for the "line N, field F" messages.
import { z } from 'zod';
import {
  CLASSIFICATIONS, EXPORT_TYPES, FRAMEWORKS, KINDS, QUERY_TYPES, SEVERITIES, VIOLATION_STATUSES,
} from './enums';
import type { JsonObject } from '../canonical-json';

// RFC 3339 date-time (the 'T' may be lower case or a space, as RFC 3339 §5.6 allows).
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const HEX64 = /^[0-9a-f]{64}$/;
const UPPER_WORD = /^[A-Z][A-Z0-9_]*$/;

const jsonObject = z.record(z.string(), z.unknown());
const optionalString = z.string().optional();
const stringList = z.array(z.string());

const common = {
  id: z.string().min(1, 'must not be empty'),
  tenant: z.string().min(1, 'must not be empty'),
  user: z.string().nullable().optional(),
  timestamp: z.string().regex(RFC3339, 'must be an RFC 3339 date-time such as 2024-05-01T12:00:00Z'),
  seq: z.number().int().positive().optional(),
  prev_hash: z.string().regex(HEX64, 'must be 64 lowercase hex digits').optional(),
  audit_hash: z.string().regex(HEX64, 'must be 64 lowercase hex digits').optional(),
};

const logFields = {
  operation: z.string().regex(UPPER_WORD, 'must be an upper-case word such as CREATE'),
  resource_type: z.string(),
  resource_id: z.string().optional(),
  resource_name: optionalString,
  old_data: jsonObject.nullable().optional(),
  new_data: jsonObject.nullable().optional(),
  changed_fields: stringList.optional(),
  compliance_framework: z.union([z.enum(FRAMEWORKS), z.literal('')]).optional(),
  data_classification: z.enum(CLASSIFICATIONS).optional(),
  is_sensitive: z.boolean().optional(),
  request_id: optionalString,
  session_id: optionalString,
  ip_address: z.string().nullable().optional(),
  user_agent: optionalString,
  parent_audit_id: z.string().nullable().optional(),
};

const queryFields = {
  query_type: z.enum(QUERY_TYPES),
  model_name: optionalString,
  filters_applied: jsonObject.optional(),
  fields_accessed: stringList.optional(),
  record_count: z.number().int().nonnegative().optional(),
  data_classification: z.enum(CLASSIFICATIONS).optional(),
  is_sensitive: z.boolean().optional(),
};

const exportFields = {
  export_type: z.enum(EXPORT_TYPES),
  model_name: optionalString,
  filters_applied: jsonObject.optional(),
  record_count: z.number().int().nonnegative().optional(),
  file_path: optionalString,
  file_size: z.number().int().nonnegative().optional(),
};

const violationFields = {
  violation_type: z.string().regex(UPPER_WORD, 'must be an upper-case word such as DATA_BREACH'),
  severity: z.enum(SEVERITIES),
  description: optionalString,
  details: jsonObject.optional(),
  status: z.enum(VIOLATION_STATUSES).optional(),
};

const kindSchemas = {
  log: z.looseObject({ kind: z.literal('log'), ...common, ...logFields }),
  query: z.looseObject({ kind: z.literal('query'), ...common, ...queryFields }),
  export: z.looseObject({ kind: z.literal('export'), ...common, ...exportFields }),
  violation: z.looseObject({ kind: z.literal('violation'), ...common, ...violationFields }),
};

export interface FieldError {
  field: string;
  message: string;
}

export type RecordCheck =
  | { ok: true; record: AuditRecord }
  | { ok: false; errors: FieldError[] };

/** A validated record: the object exactly as received (every member kept). */
export type AuditRecord = JsonObject & {
  id: string;
  kind: (typeof KINDS)[number];
  tenant: string;
  timestamp: string;
  seq?: number;
  prev_hash?: string;
  audit_hash?: string;
};

/** Checks one record against CONTRACT §1 and §2's field types. Never modifies the input. */
export function checkRecord(value: unknown): RecordCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: [{ field: '(record)', message: 'must be a JSON object' }] };
  }
  const kind = (value as Record<string, unknown>).kind;
  if (kind === undefined) return { ok: false, errors: [{ field: 'kind', message: 'is required' }] };
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    return {
      ok: false,
      errors: [{ field: 'kind', message: `unknown kind ${JSON.stringify(kind)} (expected one of ${KINDS.join(', ')})` }],
    };
  }
  const parsed = kindSchemas[kind as keyof typeof kindSchemas].safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        field: issue.path.length ? issue.path.map(String).join('.') : '(record)',
        message: valueAt(value, issue.path) === undefined ? 'is required' : issue.message,
      })),
    };
  }
  const chainCount = ['seq', 'prev_hash', 'audit_hash'].filter((f) => f in value).length;
  if (chainCount !== 0 && chainCount !== 3) {
    const missing = ['seq', 'prev_hash', 'audit_hash'].filter((f) => !(f in value));
    return {
      ok: false,
      errors: missing.map((field) => ({ field, message: 'is required when any chain field is present (CONTRACT §2)' })),
    };
  }
  // The input itself, not zod's copy: zod may reorder or coerce, and we hash what we were given.
  return { ok: true, record: value as AuditRecord };
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let at: unknown = value;
  for (const key of path) at = at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

export function hasChainFields(record: AuditRecord): boolean {
  return record.audit_hash !== undefined;
}
