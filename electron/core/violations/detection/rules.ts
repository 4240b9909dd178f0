// The detection rules (issue 6). Each looks at one record and says whether, and why, it raises a
// violation; the explanation goes into the violation's details so a reviewer sees what tripped it
// and with which settings. POLICY_VIOLATION groups a user's out-of-hours records per local day.
import type { JsonObject } from '../../../../shared/canonical-json';
import { LocalClock, minutesOf } from './local-time';
import type { RuleName, RulesConfig, Severity } from './rules-config';
import type { ScanRow } from './scan-row';

export interface RecordHit {
  rule: RuleName;
  /** Deterministic: the same record always gives the same violation id. */
  id: string;
  severity: Severity;
  description: string;
  details: JsonObject;
}

export interface GroupHit {
  rule: 'POLICY_VIOLATION';
  /** Records sharing a key (tenant, user, local day) become one violation. */
  key: string;
  date: string;
  reason: string;
}

const DENIED_CODE = /AccessDenied|Unauthori[sz]ed|Forbidden|NotAuthorized/i;
const DENIED_OUTCOME = new Set(['denied', 'forbidden', 'unauthorized', 'unauthorised', 'access_denied']);

export class Rules {
  private readonly clock: LocalClock;
  private readonly start: number;
  private readonly end: number;
  private readonly days: Set<number>;
  private readonly levels: Set<string>;
  private readonly privilegeFields: Set<string>;
  private readonly privilegeResources: Set<string>;

  constructor(readonly config: RulesConfig) {
    const hours = config.POLICY_VIOLATION.business_hours;
    this.clock = new LocalClock(hours.time_zone);
    this.start = minutesOf(hours.start);
    this.end = minutesOf(hours.end);
    this.days = new Set(hours.days);
    this.levels = new Set(config.POLICY_VIOLATION.classifications);
    this.privilegeFields = new Set(config.PRIVILEGE_ESCALATION.fields);
    this.privilegeResources = new Set(config.PRIVILEGE_ESCALATION.resource_types);
  }

  recordHits(row: ScanRow): RecordHit[] {
    const hits: RecordHit[] = [];
    const c = this.config;
    const who = row.user ?? 'an unknown user';
    if (c.UNAUTHORIZED_ACCESS.enabled) {
      const why = this.denied(row);
      if (why) {
        hits.push({
          rule: 'UNAUTHORIZED_ACCESS',
          // The id the importers use for the denials they raise themselves: never raised twice.
          id: `unauthorized:${row.id}`,
          severity: c.UNAUTHORIZED_ACCESS.severity,
          description: `${who} was refused ${row.operation ?? 'access'} on ${target(row)} (${why})`,
          details: { rule: 'UNAUTHORIZED_ACCESS', explanation: `the record says access was denied: ${why}` },
        });
      }
    }
    if (c.DATA_LEAKAGE.enabled && row.kind === 'query' && (row.record_count ?? 0) >= c.DATA_LEAKAGE.threshold) {
      hits.push({
        rule: 'DATA_LEAKAGE',
        id: `detect:DATA_LEAKAGE:${row.id}`,
        severity: c.DATA_LEAKAGE.severity,
        description: `${who} read ${row.record_count} records in one query, over the threshold of ${c.DATA_LEAKAGE.threshold}`,
        details: {
          rule: 'DATA_LEAKAGE', threshold: c.DATA_LEAKAGE.threshold, record_count: row.record_count,
          explanation: `a query returned ${row.record_count} records; the rule raises at ${c.DATA_LEAKAGE.threshold} or more`,
        },
      });
    }
    if (c.UNAUTHORIZED_EXPORT.enabled && (row.kind === 'export' || row.operation === 'EXPORT') && (row.record_count ?? 0) >= c.UNAUTHORIZED_EXPORT.threshold) {
      hits.push({
        rule: 'UNAUTHORIZED_EXPORT',
        id: `detect:UNAUTHORIZED_EXPORT:${row.id}`,
        severity: c.UNAUTHORIZED_EXPORT.severity,
        description: `${who} exported ${row.record_count} records, over the threshold of ${c.UNAUTHORIZED_EXPORT.threshold}`,
        details: {
          rule: 'UNAUTHORIZED_EXPORT', threshold: c.UNAUTHORIZED_EXPORT.threshold, record_count: row.record_count,
          explanation: `an export of ${row.record_count} records; the rule raises at ${c.UNAUTHORIZED_EXPORT.threshold} or more`,
        },
      });
    }
    if (c.PRIVILEGE_ESCALATION.enabled && row.kind === 'log') {
      const why = this.privilegeChange(row);
      if (why) {
        hits.push({
          rule: 'PRIVILEGE_ESCALATION',
          id: `detect:PRIVILEGE_ESCALATION:${row.id}`,
          severity: c.PRIVILEGE_ESCALATION.severity,
          description: `${who} changed privileges: ${why} on ${target(row)}`,
          details: { rule: 'PRIVILEGE_ESCALATION', explanation: why, watched_fields: [...this.privilegeFields], watched_resource_types: [...this.privilegeResources] },
        });
      }
    }
    return hits;
  }

  groupHit(row: ScanRow): GroupHit | null {
    const c = this.config.POLICY_VIOLATION;
    if (!c.enabled || !row.ts_utc) return null;
    const level = row.data_classification !== null && this.levels.has(row.data_classification) ? row.data_classification : null;
    const sensitive = c.include_sensitive && row.is_sensitive === 1;
    if (!level && !sensitive) return null;
    const local = this.clock.at(Date.parse(row.ts_utc));
    const inside = this.days.has(local.weekday) && local.minutes >= this.start && local.minutes < this.end;
    if (inside) return null;
    return {
      rule: 'POLICY_VIOLATION',
      key: `${row.tenant}\u0000${row.user ?? ''}\u0000${local.date}`,
      date: local.date,
      reason: level ?? 'sensitive',
    };
  }

  private denied(row: ScanRow): string | null {
    if (row.error_code && DENIED_CODE.test(row.error_code)) return `error code ${row.error_code}`;
    if (row.response_code === 401 || row.response_code === 403) return `HTTP ${row.response_code}`;
    if (typeof row.outcome === 'string' && DENIED_OUTCOME.has(row.outcome.toLowerCase())) return `outcome ${row.outcome}`;
    return null;
  }

  private privilegeChange(row: ScanRow): string | null {
    if (row.changed_fields) {
      let fields: unknown;
      try {
        fields = JSON.parse(row.changed_fields);
      } catch {
        fields = [];
      }
      const hit = Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string' && this.privilegeFields.has(f)) : [];
      if (hit.length) return `changed ${hit.join(', ')}`;
    }
    const writes = row.operation === 'CREATE' || row.operation === 'UPDATE' || row.operation === 'DELETE';
    if (writes && row.resource_type && this.privilegeResources.has(row.resource_type)) {
      return `${row.operation} of a ${row.resource_type}`;
    }
    return null;
  }
}

function target(row: ScanRow): string {
  if (!row.resource_type) return `a ${row.kind} record`;
  return row.resource_id ? `${row.resource_type}/${row.resource_id}` : row.resource_type;
}
