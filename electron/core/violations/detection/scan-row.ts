// What detection reads of each record: the indexed projections plus a few members the rules look at.
// The WHERE clause keeps only records some enabled rule could match, so the rules see a fraction of
// a large vault; it is a prefilter, the rules decide exactly. It tests only the members the rules
// read (top-level error_code, response_code, outcome, changed_fields), never substrings of the whole
// record text: a dozen instr() calls over each record's full text cost more than the rest of a
// million-record scan.
import type Database from 'better-sqlite3';
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

/**
 * Records whose ts_utc is in [from, to); `whole` when no bound was asked for (from '0000', to '9999').
 * The statement's last two parameters are a range of positions, first and last.
 */
export interface ScanPeriod {
  from: string;
  to: string;
  whole: boolean;
}

/**
 * The SQL functions the scan's statement calls; register them on the connection that runs it.
 * adk_watched_field(text): whether a record's changed_fields (as JSON text) names a watched privilege
 * field. One call instead of an instr() per field, each of which would extract the member again.
 */
export function registerScanFunctions(db: Database.Database, config: RulesConfig): void {
  const quoted = config.PRIVILEGE_ESCALATION.fields.map((f) => JSON.stringify(f));
  db.function('adk_watched_field', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' && quoted.some((q) => text.includes(q)) ? 1 : 0);
}

export function scanSql(config: RulesConfig, period: ScanPeriod): { sql: string; params: unknown[] } {
  // Terms in the order SQLite should try them: the one most records pass first (OR stops there).
  const terms: Array<{ sql: string; params: unknown[] }> = [];
  if (config.POLICY_VIOLATION.enabled) {
    const levels = config.POLICY_VIOLATION.classifications;
    const parts: string[] = [];
    if (levels.length) parts.push(`data_classification IN (${levels.map(() => '?').join(', ')})`);
    if (config.POLICY_VIOLATION.include_sensitive) parts.push('is_sensitive = 1');
    if (parts.length) terms.push({ sql: `(${parts.join(' OR ')})`, params: levels });
  }
  if (config.DATA_LEAKAGE.enabled) {
    terms.push({ sql: `(kind = 'query' AND record_count >= ?)`, params: [config.DATA_LEAKAGE.threshold] });
  }
  if (config.UNAUTHORIZED_EXPORT.enabled) {
    terms.push({ sql: `((kind = 'export' OR operation = 'EXPORT') AND record_count >= ?)`, params: [config.UNAUTHORIZED_EXPORT.threshold] });
  }
  if (config.PRIVILEGE_ESCALATION.enabled) {
    const p = config.PRIVILEGE_ESCALATION;
    const parts: string[] = [];
    if (p.resource_types.length) parts.push(`resource_type IN (${p.resource_types.map(() => '?').join(', ')})`);
    if (p.fields.length) parts.push(`adk_watched_field(json_extract(canonical, '$.changed_fields'))`);
    if (parts.length) terms.push({ sql: `(kind = 'log' AND (${parts.join(' OR ')}))`, params: p.resource_types });
  }
  if (config.UNAUTHORIZED_ACCESS.enabled) {
    terms.push({
      sql: `json_extract(canonical, '$.error_code') IS NOT NULL OR json_extract(canonical, '$.response_code') IN (401, 403)
      OR json_extract(canonical, '$.outcome') IS NOT NULL`,
      params: [],
    });
  }
  const ors = terms.map((t) => t.sql);
  const params = terms.flatMap((t) => t.params);
  const condition = ors.length ? ors.join(' OR ') : '0';
  // Over the whole vault (no bounds given) the time test keeps off the time index (every record is in
  // range: the index only adds look-ups and a sort) and comes last, so ts_utc is computed only for the
  // records the prefilter keeps. The test itself stays, so exactly the same records pass.
  const time = period.whole ? '+ts_utc >= ? AND +ts_utc < ?' : 'ts_utc >= ? AND ts_utc < ?';
  const sql = `SELECT pos, id, tenant, kind, user, timestamp, ts_utc, operation, resource_type, resource_id, data_classification,
      is_sensitive, record_count,
      json_extract(canonical, '$.error_code') AS error_code, json_extract(canonical, '$.response_code') AS response_code,
      json_extract(canonical, '$.outcome') AS outcome, json_extract(canonical, '$.changed_fields') AS changed_fields
    FROM records
    WHERE ${period.whole ? '' : `${time} AND `}purged_at IS NULL AND kind <> 'violation' AND tenant <> 'auditdesk:system'
      AND ifnull(resource_type, '') NOT IN ${OWN_RESOURCES} AND (${condition})${period.whole ? ` AND ${time}` : ''}
      AND pos BETWEEN ? AND ?
    ORDER BY pos`;
  return { sql, params: period.whole ? [...params, period.from, period.to] : [period.from, period.to, ...params] };
}
