// The columns of one Trail row: indexed projections only, never the record's data (which may hold
// sensitive values and is shown masked in the Record view).
import type { TrailRow } from '../../../shared/api/trail';

export const TRAIL_ROW_COLUMNS = `pos, id, kind, tenant, seq, user, timestamp, operation, resource_type, resource_id,
  resource_name, compliance_framework, data_classification, is_sensitive, severity, status, violation_type,
  CASE kind
    WHEN 'query' THEN query_type || ' ' || ifnull(model_name, '') || ' (' || ifnull(record_count, 0) || ' rows)'
    WHEN 'export' THEN export_type || ' ' || ifnull(model_name, '') || ' (' || ifnull(record_count, 0) || ' rows)'
    WHEN 'violation' THEN violation_type || ifnull(': ' || description, '')
    ELSE NULL END AS summary`;

export interface RawTrailRow extends Omit<TrailRow, 'is_sensitive'> {
  is_sensitive: number | null;
}

export function toTrailRow(raw: RawTrailRow): TrailRow {
  return {
    ...raw,
    // Projections of JSON values come back as numbers or text whatever the producer sent: coerce.
    id: String(raw.id),
    tenant: String(raw.tenant),
    resource_id: raw.resource_id === null ? null : String(raw.resource_id),
    resource_name: raw.resource_name === null ? null : String(raw.resource_name),
    is_sensitive: raw.is_sensitive === 1,
  };
}
