// What detection reads of each stored record, and which records it hands to the rules. Each record's
// canonical text is parsed once, in JS: the fields the rules look at (kind, tenant, ts_utc, …) are
// generated columns, each a json_extract over the whole text, and asking SQL for a dozen of them was
// most of the cost of a million-record scan (docs/retention.md, "Figures"). The prefilter keeps only
// records some enabled rule could match, so the rules see a fraction of a large vault; it is a
// prefilter, the rules decide exactly. Its tests are those the SQL WHERE clause made, on the values
// SQLite gives (sqlite-values.ts): exactly the same records pass.
import type Database from 'better-sqlite3';
import { UserError } from '../../errors';
import type { RulesConfig } from './rules-config';
import { atLeast, extracted, utcTimeOf, type SqlValue } from './sqlite-values';

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

/**
 * Records whose ts_utc is in [from, to); `whole` when no bound was asked for (from '0000', to '9999').
 */
export interface ScanPeriod {
  from: string;
  to: string;
  whole: boolean;
}

/** A parsed record's top-level members. */
type Members = { readonly [member: string]: unknown };

/** Records the vault writes about its own cases, holds and retention are never raised on. */
const OWN_RESOURCES = new Set(['audit_violation', 'legal_hold', 'retention']);
const SYSTEM_TENANT = 'auditdesk:system';

/** The records at positions [fromPos, toPos] (in order) that some enabled rule could match. */
export function* scanRows(db: Database.Database, config: RulesConfig, period: ScanPeriod, fromPos: number, toPos: number): Generator<ScanRow> {
  const candidate = prefilter(config);
  const utcTime = utcTimeOf(db);
  // Over the whole vault every live record is read in admission order; over a period the time index
  // finds them (the test is made again below, on the same value).
  const { sql, params } = period.whole
    ? { sql: 'SELECT pos, canonical FROM records WHERE purged_at IS NULL AND pos BETWEEN ? AND ? ORDER BY pos', params: [fromPos, toPos] }
    : {
      sql: 'SELECT pos, canonical FROM records WHERE ts_utc >= ? AND ts_utc < ? AND purged_at IS NULL AND pos BETWEEN ? AND ? ORDER BY pos',
      params: [period.from, period.to, fromPos, toPos],
    };
  for (const [pos, canonical] of db.prepare(sql).raw().iterate(...params) as Iterable<[number, string]>) {
    const record = parsed(pos, canonical);
    const kind = extracted(record.kind);
    const tenant = extracted(record.tenant);
    const resourceType = extracted(record.resource_type);
    // As SQL's `kind <> 'violation' AND tenant <> '…'`: a NULL on either side keeps the record out.
    if (kind === null || kind === 'violation' || tenant === null || tenant === SYSTEM_TENANT) continue;
    if (typeof resourceType === 'string' && OWN_RESOURCES.has(resourceType)) continue;
    if (!candidate(record, kind, resourceType)) continue;
    const timestamp = extracted(record.timestamp);
    const tsUtc = utcTime(timestamp);
    if (tsUtc === null || tsUtc < period.from || tsUtc >= period.to) continue;
    yield {
      pos,
      id: extracted(record.id),
      tenant,
      kind,
      user: extracted(record.user),
      timestamp,
      ts_utc: tsUtc,
      operation: extracted(record.operation),
      resource_type: resourceType,
      resource_id: extracted(record.resource_id),
      data_classification: extracted(record.data_classification),
      is_sensitive: extracted(record.is_sensitive),
      record_count: extracted(record.record_count),
      error_code: extracted(record.error_code),
      response_code: extracted(record.response_code),
      outcome: extracted(record.outcome),
      changed_fields: extracted(record.changed_fields),
    } as ScanRow;
  }
}

function parsed(pos: number, canonical: string): Members {
  let value: unknown;
  try {
    value = JSON.parse(canonical);
  } catch {
    throw new UserError(`the record at vault position ${pos} is not JSON: the vault was altered outside AuditDesk`);
  }
  // json_extract of a member of anything but an object is NULL.
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Members) : {};
}

/**
 * Whether some enabled rule could match the record: one term per rule, as the SQL prefilter had them.
 * Tested in the order most records pass first (the classification term), so most stop at one test.
 */
function prefilter(config: RulesConfig): (record: Members, kind: SqlValue, resourceType: SqlValue) => boolean {
  const terms: Array<(record: Members, kind: SqlValue, resourceType: SqlValue) => boolean> = [];
  const policy = config.POLICY_VIOLATION;
  if (policy.enabled && (policy.classifications.length || policy.include_sensitive)) {
    const levels = new Set<SqlValue>(policy.classifications);
    terms.push((r) => levels.has(extracted(r.data_classification)) || (policy.include_sensitive && extracted(r.is_sensitive) === 1));
  }
  if (config.DATA_LEAKAGE.enabled) {
    const threshold = config.DATA_LEAKAGE.threshold;
    terms.push((r, kind) => kind === 'query' && atLeast(extracted(r.record_count), threshold));
  }
  if (config.UNAUTHORIZED_EXPORT.enabled) {
    const threshold = config.UNAUTHORIZED_EXPORT.threshold;
    terms.push((r, kind) => (kind === 'export' || extracted(r.operation) === 'EXPORT') && atLeast(extracted(r.record_count), threshold));
  }
  const privilege = config.PRIVILEGE_ESCALATION;
  if (privilege.enabled && (privilege.resource_types.length || privilege.fields.length)) {
    const types = new Set<SqlValue>(privilege.resource_types);
    // changed_fields names a watched field: the field's JSON string appears in the member's text.
    const quoted = privilege.fields.map((f) => JSON.stringify(f));
    const watched = (text: SqlValue) => typeof text === 'string' && quoted.some((q) => text.includes(q));
    terms.push((r, kind, resourceType) => kind === 'log' && (types.has(resourceType) || watched(extracted(r.changed_fields))));
  }
  if (config.UNAUTHORIZED_ACCESS.enabled) {
    terms.push((r) => {
      const response = extracted(r.response_code);
      return extracted(r.error_code) !== null || response === 401 || response === 403 || extracted(r.outcome) !== null;
    });
  }
  return (record, kind, resourceType) => terms.some((term) => term(record, kind, resourceType));
}
