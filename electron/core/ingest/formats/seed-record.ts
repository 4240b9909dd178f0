// Maps one seed object onto an AuditDesk record (CONTRACT §1): a Django `dumpdata` object
// ({"model": "backend.auditlog", "pk": 7, "fields": {…}}) or an object of the seed API's answers. The
// seed's field names are already §1's; what changes is where tenant, user and id live, and the seed's
// own chain fields, which are kept under seed_* names because the vault chains the record itself.
import type { JsonObject, JsonValue } from '../../../../shared/canonical-json';
import type { Kind } from '../../../../shared/records/enums';
import { isLosslessObject, JsonNumberText, type LosslessObject, type LosslessValue } from './lossless-json';
import { raisedViolation } from './raised-violation';
import { checkSeedHash, type SeedHashCheck } from './seed-hash';

export const SEED_MODELS: Record<string, Kind> = {
  'backend.auditlog': 'log',
  'backend.auditquery': 'query',
  'backend.auditexport': 'export',
  'backend.auditviolation': 'violation',
};

/** Where a record without a tenant goes (tenant is required by §1). */
export const NO_TENANT = 'no-tenant';

/** Optional §1 members whose schema has no null: a null from the seed means "not set". */
const DROP_WHEN_NULL = new Set([
  'resource_id', 'resource_name', 'changed_fields', 'compliance_framework', 'data_classification', 'is_sensitive',
  'request_id', 'session_id', 'user_agent', 'model_name', 'filters_applied', 'fields_accessed', 'record_count',
  'file_path', 'file_size', 'description', 'details', 'status', 'query_type', 'export_type',
]);
/** Members renamed because they are the seed's chain, not ours (CONTRACT §2 fields must not clash). */
const RENAMED: Record<string, string> = {
  audit_hash: 'seed_audit_hash',
  prev_hash: 'seed_prev_hash',
  previous_hash: 'seed_previous_hash',
  seq: 'seed_seq',
};
const TIMESTAMP_FALLBACKS = ['timestamp', 'created_at', 'detected_at', 'exported_at', 'executed_at'];

export function toPlain(value: LosslessValue): JsonValue {
  if (value instanceof JsonNumberText) return Number(value.text);
  if (Array.isArray(value)) return value.map(toPlain);
  if (isLosslessObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

function idText(value: LosslessValue | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof JsonNumberText) return value.text;
  if (typeof value === 'string') return value;
  if (isLosslessObject(value)) return idText(value.id ?? value.pk ?? value.slug ?? value.email ?? value.username);
  return JSON.stringify(toPlain(value));
}

/** Django numbers each table from 1: only log ids stay bare, so an AuditQuery 7 and an AuditLog 7 differ. */
export function seedRecordId(kind: Kind, pk: string): string {
  return kind === 'log' ? pk : `${kind}-${pk}`;
}

function inferKind(fields: LosslessObject): Kind {
  const declared = fields.kind;
  if (typeof declared === 'string' && ['log', 'query', 'export', 'violation'].includes(declared)) return declared as Kind;
  if ('violation_type' in fields) return 'violation';
  if ('export_type' in fields) return 'export';
  if ('query_type' in fields) return 'query';
  return 'log';
}

/** Naive Django timestamps (USE_TZ=False) are UTC by Django's default TIME_ZONE: §1 needs an offset. */
function rfc3339(text: string): string {
  return /([Zz]|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text.replace(' ', 'T')}Z`;
}

export interface SeedItem {
  /** A dumpdata object, or null for an API answer's object. */
  model: string | null;
  pk: LosslessValue | undefined;
  fields: LosslessObject;
  original: LosslessObject;
}

/** Splits a parsed JSON object into a seed item, or says why it is not one (null: not an audit model). */
export function seedItemOf(value: LosslessObject): SeedItem | null {
  if (typeof value.model === 'string' && isLosslessObject(value.fields)) {
    if (!(value.model.toLowerCase() in SEED_MODELS)) return null;
    return { model: value.model.toLowerCase(), pk: value.pk, fields: value.fields, original: value };
  }
  return { model: null, pk: value.id ?? value.pk, fields: value, original: value };
}

/** The record and, when the seed's own hash no longer matches, the integrity violation it raises. */
export function seedRecords(item: SeedItem): JsonObject[] {
  const { fields } = item;
  const kind = item.model ? SEED_MODELS[item.model]! : inferKind(fields);
  const pk = idText(item.pk);
  const record: JsonObject = { kind };
  if (pk !== null) record.id = seedRecordId(kind, pk);
  record.tenant = idText(fields.tenant_id ?? fields.tenant) ?? NO_TENANT;
  record.user = idText(fields.user_id ?? fields.user);
  for (const [name, value] of Object.entries(fields)) {
    if (['id', 'pk', 'kind', 'tenant', 'tenant_id', 'user', 'user_id'].includes(name)) continue;
    if (value === null && DROP_WHEN_NULL.has(name)) continue;
    const plain = toPlain(value);
    if (name === 'parent_audit' || name === 'parent_audit_id') {
      if (value !== null) record.parent_audit_id = idText(value);
    } else if (name === 'resource_id') record.resource_id = idText(value);
    else record[RENAMED[name] ?? name] = plain;
  }
  const ts = TIMESTAMP_FALLBACKS.map((f) => fields[f]).find((v) => typeof v === 'string');
  if (typeof ts === 'string') record.timestamp = rfc3339(ts);

  const check: SeedHashCheck = kind === 'log'
    ? checkSeedHash(fields)
    : { status: 'unverifiable', reason: `the seed's hash formula is known for audit logs only, not for ${kind} records` };
  record.seed_hash_check = { status: check.status, reason: check.reason };
  record.original = toPlain(item.original);
  const out = [record];
  if (check.status === 'mismatch' && typeof record.id === 'string' && typeof record.timestamp === 'string') {
    out.push(raisedViolation({
      id: `seed-hash-mismatch:${record.id}`,
      tenant: record.tenant as string,
      user: null,
      timestamp: record.timestamp,
      violation_type: 'INTEGRITY_FAILURE',
      severity: 'CRITICAL',
      description: `Seed record ${record.id} does not match the audit_hash the seed system stored for it`,
      details: { record_id: record.id, record_kind: kind, seed_audit_hash: fields.audit_hash as string, reason: check.reason },
    }));
  }
  return out;
}
