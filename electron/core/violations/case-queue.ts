// The violations queue: violations with their current case state, filtered as the triage screen and
// `auditdesk violations list` ask (type, severity, status, tenant, assignee, age). Type, severity,
// tenant and age are filtered in SQL; status and assignee come from each case's history.
import type Database from 'better-sqlite3';
import type { JsonObject } from '../../../shared/canonical-json';
import { caseHistory, stateOf } from './case-history';
import type { CaseStatus } from './workflow';

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
  const clauses = ["kind = 'violation'"];
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
  const wantUnassigned = filter.assignee === '' || filter.assignee === 'none';
  const all: CaseRow[] = [];
  for (const text of rows) {
    const v = JSON.parse(text) as JsonObject;
    const history = caseHistory(db, v.tenant as string, v.id as string);
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
