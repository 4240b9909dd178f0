// The violations queue: violations with their current case state, filtered as the triage screen and
// `auditdesk violations list` ask (type, severity, status, tenant, assignee, age). Type, severity,
// tenant and age are filtered in SQL; status and assignee come from each case's history.
import type Database from 'better-sqlite3';
import type { JsonObject } from '../../../shared/canonical-json';
import { allCaseHistories, caseKey, stateOf } from './case-history';
import type { CaseStatus } from './workflow';
import { kindIs } from '../vault/kind-sql';

export interface CaseFilter {
  tenant?: string;
  violation_type?: string;
  severity?: string;
  status?: CaseStatus;
  /** '' (or 'none'): unassigned cases only. */
  assignee?: string;
  /** Only violations raised at least this many days before `now`. */
  min_age_days?: number;
  /** Only violations raised at most this many days before `now`. */
  max_age_days?: number;
  now?: Date;
  limit?: number;
  offset?: number;
}

export interface CaseRow {
  id: string;
  tenant: string;
  violation_type: string;
  severity: string;
  description: string | null;
  user: string | null;
  timestamp: string;
  status: CaseStatus;
  assignee: string | null;
  events: number;
  age_days: number;
}

const DAY_MS = 86_400_000;

export function listCases(db: Database.Database, filter: CaseFilter = {}): { results: CaseRow[]; count: number } {
  const now = filter.now ?? new Date();
  const clauses = [kindIs('violation')];
  const params: unknown[] = [];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    clauses.push(`${column} = ?`);
    params.push(value);
  };
  equal('tenant', filter.tenant);
  equal('violation_type', filter.violation_type);
  equal('severity', filter.severity);
  if (filter.min_age_days !== undefined) {
    clauses.push('ts_utc <= ?');
    params.push(new Date(now.getTime() - filter.min_age_days * DAY_MS).toISOString());
  }
  if (filter.max_age_days !== undefined) {
    clauses.push('ts_utc >= ?');
    params.push(new Date(now.getTime() - filter.max_age_days * DAY_MS).toISOString());
  }
  const rows = db
    .prepare(`SELECT canonical FROM records WHERE ${clauses.join(' AND ')} AND purged_at IS NULL ORDER BY ts_utc DESC, pos DESC`)
    .pluck()
    .all(...params) as string[];
  const histories = rows.length > 0 ? allCaseHistories(db) : new Map();
  const wantUnassigned = filter.assignee === '' || filter.assignee === 'none';
  const all: CaseRow[] = [];
  for (const text of rows) {
    const v = JSON.parse(text) as JsonObject;
    const history = histories.get(caseKey(v.tenant as string, v.id as string)) ?? [];
    const state = stateOf(v, history);
    if (filter.status && state.status !== filter.status) continue;
    if (filter.assignee !== undefined && (wantUnassigned ? state.assignee !== null : state.assignee !== filter.assignee)) continue;
    const at = Date.parse(v.timestamp as string);
    all.push({
      id: v.id as string,
      tenant: v.tenant as string,
      violation_type: String(v.violation_type),
      severity: String(v.severity),
      description: typeof v.description === 'string' ? v.description : null,
      user: typeof v.user === 'string' ? v.user : null,
      timestamp: v.timestamp as string,
      status: state.status,
      assignee: state.assignee,
      events: history.length,
      age_days: Number.isNaN(at) ? 0 : Math.floor((now.getTime() - at) / DAY_MS),
    });
  }
  const offset = filter.offset ?? 0;
  return { results: all.slice(offset, filter.limit === undefined ? undefined : offset + filter.limit), count: all.length };
}

/** What the queue's filter menus offer: the tenants, types and severities of violations, and assignees. */
export function queueFacets(db: Database.Database): { tenants: string[]; types: string[]; severities: string[]; assignees: string[] } {
  // One walk of the violations (a few percent of the vault, through their partial index) for all three.
  const combos = db
    .prepare(`SELECT DISTINCT tenant, violation_type, severity FROM records WHERE ${kindIs('violation')}`)
    .all() as Array<Record<'tenant' | 'violation_type' | 'severity', string | null>>;
  const distinct = (column: 'tenant' | 'violation_type' | 'severity') =>
    [...new Set(combos.map((c) => c[column]).filter((v): v is string => v !== null))].sort();
  const assignees = db
    .prepare(`SELECT DISTINCT json_extract(canonical, '$.new_data.assignee') FROM records
              WHERE kind = 'log' AND resource_type = 'audit_violation' AND purged_at IS NULL ORDER BY 1`)
    .pluck()
    .all()
    .filter((a): a is string => typeof a === 'string' && a !== '');
  return { tenants: distinct('tenant'), types: distinct('violation_type'), severities: distinct('severity'), assignees };
}
