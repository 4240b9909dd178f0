// The queue's filters live in the address (#/violations?status=OPEN&severity=HIGH…), so back/forward
// and bookmarks keep a triage view. A case is #/violations/ID?tenant=T.
import type { CaseFilter } from '../../../shared/api/violations';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/api/violations';

export const FILTER_KEYS = ['type', 'severity', 'status', 'tenant', 'assignee', 'age'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** "Older than" choices for the age filter, in days. */
export const AGE_CHOICES = [1, 7, 30, 90, 365] as const;

export function filterFromParams(params: URLSearchParams): CaseFilter {
  const filter: CaseFilter = {};
  const text = (key: string) => params.get(key)?.trim() || undefined;
  filter.violation_type = text('type');
  filter.severity = text('severity');
  filter.tenant = text('tenant');
  filter.assignee = text('assignee');
  const status = text('status');
  if (status && (CASE_STATUSES as readonly string[]).includes(status)) filter.status = status as CaseStatus;
  const age = Number(params.get('age'));
  if (Number.isInteger(age) && age > 0) filter.min_age_days = age;
  for (const key of Object.keys(filter) as Array<keyof CaseFilter>) if (filter[key] === undefined) delete filter[key];
  return filter;
}

export function caseHref(id: string, tenant: string): string {
  return `#/violations/${encodeURIComponent(id)}?tenant=${encodeURIComponent(tenant)}`;
}
