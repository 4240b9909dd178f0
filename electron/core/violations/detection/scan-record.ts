// The detection rules' view of a record (ScanRow) built from the record itself while an import
// prepares it, so that detection at ingest needs no second read of the vault. The conditions mirror
// the prefilter of detection on demand (scan-row.ts): a record that could not match any enabled rule gives null.
import { canonicalJson, type JsonObject } from '../../../../shared/canonical-json';
import type { RulesConfig } from './rules-config';
import type { ScanRow } from './scan-row';

/** Records the vault writes about its own cases, holds and retention are never raised on (scan-row.ts). */
const OWN_RESOURCES = new Set(['audit_violation', 'legal_hold', 'retention']);

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
/** As SQLite's json_extract(canonical, '$.changed_fields') gives it: a string as is, an array as its JSON text. */
function changedFieldsText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  return v !== null && typeof v === 'object' ? canonicalJson(v) : null;
}
/** As SQLite's json_extract(…) IS NOT NULL: the member is there and not JSON null. */
const present = (v: unknown): boolean => v !== undefined && v !== null;

export function scanRowOf(record: JsonObject, config: RulesConfig): ScanRow | null {
  const kind = record.kind as string;
  const resourceType = str(record.resource_type);
  if (kind === 'violation' || record.tenant === 'auditdesk:system' || OWN_RESOURCES.has(resourceType ?? '')) return null;
  const recordCount = num(record.record_count);
  const isSensitive = record.is_sensitive === true ? 1 : record.is_sensitive === false ? 0 : null;
  const classification = str(record.data_classification);
  const operation = str(record.operation);
  let candidate = false;
  if (config.UNAUTHORIZED_ACCESS.enabled) {
    candidate ||= present(record.error_code) || record.response_code === 401 || record.response_code === 403 || present(record.outcome);
  }
  if (config.DATA_LEAKAGE.enabled) candidate ||= kind === 'query' && recordCount !== null && recordCount >= config.DATA_LEAKAGE.threshold;
  if (config.UNAUTHORIZED_EXPORT.enabled) {
    candidate ||= (kind === 'export' || operation === 'EXPORT') && recordCount !== null && recordCount >= config.UNAUTHORIZED_EXPORT.threshold;
  }
  if (config.POLICY_VIOLATION.enabled) {
    const p = config.POLICY_VIOLATION;
    candidate ||= (classification !== null && p.classifications.includes(classification)) || (p.include_sensitive && isSensitive === 1);
  }
  const changedFields = changedFieldsText(record.changed_fields);
  if (config.PRIVILEGE_ESCALATION.enabled && kind === 'log') {
    const p = config.PRIVILEGE_ESCALATION;
    candidate ||= (resourceType !== null && p.resource_types.includes(resourceType))
      || (changedFields !== null && p.fields.some((f) => changedFields.includes(JSON.stringify(f))));
  }
  if (!candidate) return null;
  const timestamp = record.timestamp as string;
  const ms = Date.parse(timestamp);
  return {
    pos: 0, // set once the vault has admitted the record
    id: record.id as string,
    tenant: record.tenant as string,
    kind,
    user: str(record.user),
    timestamp,
    ts_utc: Number.isNaN(ms) ? null : new Date(ms).toISOString(),
    operation,
    resource_type: resourceType,
    resource_id: str(record.resource_id),
    data_classification: classification,
    is_sensitive: isSensitive,
    record_count: recordCount,
    error_code: str(record.error_code),
    response_code: num(record.response_code),
    outcome: str(record.outcome),
    changed_fields: Array.isArray(record.changed_fields) ? JSON.stringify(record.changed_fields) : null,
  };
}
