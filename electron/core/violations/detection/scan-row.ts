// What detection reads of each record: the indexed projections plus a few members the rules look at.
// The WHERE clause keeps only records some enabled rule could match, so the rules see a fraction of
// a large vault; it is a prefilter (cheap substring tests), the rules decide exactly.
import type { RulesConfig } from './rules-config';

export interface ScanRow {
  pos: number;
  id: string;
  tenant: string;
  kind: string;
  user: string | null;
  timestamp: string;
  ts_utc: string | null;
  operation: string | null;
  resource_type: string | null;
  resource_id: string | null;
  data_classification: string | null;
  is_sensitive: number | null;
  record_count: number | null;
  error_code: string | null;
  response_code: number | null;
  outcome: string | null;
  changed_fields: string | null;
}

/** Records the vault writes about its own cases, holds and retention are never raised on. */
const OWN_RESOURCES = "('audit_violation', 'legal_hold', 'retention')";

export function scanSql(config: RulesConfig, range: 'pos' | 'period'): { sql: string; params: unknown[] } {
  const ors: string[] = [];
  const params: unknown[] = [];
  if (config.UNAUTHORIZED_ACCESS.enabled) {
    ors.push(`instr(canonical, '"error_code"') > 0 OR instr(canonical, '"response_code":40') > 0 OR instr(canonical, '"outcome"') > 0`);
  }
  if (config.DATA_LEAKAGE.enabled) {
    ors.push(`(kind = 'query' AND record_count >= ?)`);
    params.push(config.DATA_LEAKAGE.threshold);
  }
  if (config.UNAUTHORIZED_EXPORT.enabled) {
    ors.push(`((kind = 'export' OR operation = 'EXPORT') AND record_count >= ?)`);
    params.push(config.UNAUTHORIZED_EXPORT.threshold);
  }
  if (config.POLICY_VIOLATION.enabled) {
    const levels = config.POLICY_VIOLATION.classifications;
    const parts: string[] = [];
    if (levels.length) {
      parts.push(`data_classification IN (${levels.map(() => '?').join(', ')})`);
      params.push(...levels);
    }
    if (config.POLICY_VIOLATION.include_sensitive) parts.push('is_sensitive = 1');
    if (parts.length) ors.push(`(${parts.join(' OR ')})`);
  }
  if (config.PRIVILEGE_ESCALATION.enabled) {
    const p = config.PRIVILEGE_ESCALATION;
    const parts: string[] = [];
    if (p.resource_types.length) {
      parts.push(`resource_type IN (${p.resource_types.map(() => '?').join(', ')})`);
      params.push(...p.resource_types);
    }
    for (const field of p.fields) {
      parts.push(`instr(canonical, ?) > 0`);
      params.push(JSON.stringify(field));
    }
    if (parts.length) ors.push(`(kind = 'log' AND (${parts.join(' OR ')}))`);
  }
  const where = range === 'pos' ? 'pos > ?' : `ts_utc >= ? AND ts_utc < ?`;
  const condition = ors.length ? ors.join(' OR ') : '0';
  const sql = `SELECT pos, id, tenant, kind, user, timestamp, ts_utc, operation, resource_type, resource_id, data_classification,
      is_sensitive, record_count,
      json_extract(canonical, '$.error_code') AS error_code, json_extract(canonical, '$.response_code') AS response_code,
      json_extract(canonical, '$.outcome') AS outcome, json_extract(canonical, '$.changed_fields') AS changed_fields
    FROM records
    WHERE ${where} AND purged_at IS NULL AND kind <> 'violation' AND tenant <> 'auditdesk:system'
      AND ifnull(resource_type, '') NOT IN ${OWN_RESOURCES} AND (${condition})
    ORDER BY pos`;
  return { sql, params };
}
