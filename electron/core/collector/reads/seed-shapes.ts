// The seed API's answer shapes (backend audit_api views), built from a stored record. Members the seed
// has and AuditDesk does not (retention_until, is_archived) are given as the seed would for a fresh
// record; `tenant` is added, since one vault holds many tenants.
import type { JsonObject, JsonValue } from '../../../../shared/canonical-json';

export interface StoredRecord {
  record: JsonObject;
  audit_hash: string;
}

const pick = (r: JsonObject, name: string): JsonValue => (r[name] === undefined ? null : r[name]!);

export function logListRow({ record: r }: StoredRecord) {
  return {
    id: r.id, tenant: r.tenant, operation: pick(r, 'operation'), resource_type: pick(r, 'resource_type'),
    resource_id: pick(r, 'resource_id'), resource_name: pick(r, 'resource_name'), user: pick(r, 'user'),
    timestamp: r.timestamp, compliance_framework: pick(r, 'compliance_framework'),
    data_classification: pick(r, 'data_classification'), is_sensitive: r.is_sensitive === true,
    ip_address: pick(r, 'ip_address'), user_agent: pick(r, 'user_agent'), changed_fields: r.changed_fields ?? [],
  };
}

export function logDetails(stored: StoredRecord) {
  const r = stored.record;
  return {
    ...logListRow(stored),
    kind: r.kind, request_id: pick(r, 'request_id'), session_id: pick(r, 'session_id'),
    old_data: pick(r, 'old_data'), new_data: pick(r, 'new_data'), audit_hash: stored.audit_hash,
    seq: pick(r, 'seq'), prev_hash: pick(r, 'prev_hash'), parent_audit_id: pick(r, 'parent_audit_id'),
    retention_until: null, is_archived: false,
  };
}

export function relatedRow({ record: r }: StoredRecord) {
  return {
    id: r.id, operation: pick(r, 'operation'), resource_type: pick(r, 'resource_type'),
    resource_id: pick(r, 'resource_id'), timestamp: r.timestamp, user: pick(r, 'user'),
  };
}

export function activityRow({ record: r }: StoredRecord) {
  return {
    id: r.id, tenant: r.tenant, operation: pick(r, 'operation'), resource_type: pick(r, 'resource_type'),
    resource_id: pick(r, 'resource_id'), timestamp: r.timestamp, compliance_framework: pick(r, 'compliance_framework'),
    data_classification: pick(r, 'data_classification'), is_sensitive: r.is_sensitive === true,
  };
}

export function resourceTrailRow({ record: r }: StoredRecord) {
  return {
    id: r.id, tenant: r.tenant, operation: pick(r, 'operation'), user: pick(r, 'user'), timestamp: r.timestamp,
    old_data: pick(r, 'old_data'), new_data: pick(r, 'new_data'), changed_fields: r.changed_fields ?? [],
    compliance_framework: pick(r, 'compliance_framework'), data_classification: pick(r, 'data_classification'),
    is_sensitive: r.is_sensitive === true,
  };
}

export function violationRow({ record: r }: StoredRecord, resolution: JsonObject | null) {
  const newData = (resolution?.new_data ?? {}) as JsonObject;
  return {
    id: r.id, tenant: r.tenant, violation_type: r.violation_type, severity: r.severity,
    status: (newData.status as string | undefined) ?? pick(r, 'status') ?? 'OPEN',
    description: pick(r, 'description'), user: pick(r, 'user'), timestamp: r.timestamp,
    resolved_by: resolution ? pick(resolution, 'user') : null,
    resolved_at: resolution ? resolution.timestamp! : null,
  };
}
