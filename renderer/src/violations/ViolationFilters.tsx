// The queue's filters: type, severity, status, tenant, assignee, age. Each is a labelled select whose
// choices come from the vault (violations.facets), and each change is written to the address.
import { CASE_STATUSES, type ViolationFacets } from '../../../shared/api/violations';
import { AGE_CHOICES, FILTER_KEYS, type FilterKey } from './violations-url';

const LABEL: Record<FilterKey, string> = { type: 'Type', severity: 'Severity', status: 'Status', tenant: 'Tenant', assignee: 'Assignee', age: 'Age' };

export function ViolationFilters({ params, facets, onChange }: {
  params: URLSearchParams;
  facets: ViolationFacets | null;
  onChange(changes: Partial<Record<FilterKey, string>>): void;
}) {
  const choices: Record<FilterKey, Array<[string, string]>> = {
    type: (facets?.types ?? []).map((t) => [t, t]),
    severity: (facets?.severities ?? []).map((s) => [s, s]),
    status: CASE_STATUSES.map((s) => [s, s]),
    tenant: (facets?.tenants ?? []).map((t) => [t, t]),
    assignee: [['none', 'Unassigned'], ...(facets?.assignees ?? []).map((a): [string, string] => [a, a])],
    age: AGE_CHOICES.map((d) => [String(d), `older than ${d} day${d === 1 ? '' : 's'}`]),
  };
  const any = FILTER_KEYS.some((k) => params.get(k));
  return (
    <div className="filters" role="group" aria-label="Filter violations">
      {FILTER_KEYS.map((key) => {
        const value = params.get(key) ?? '';
        const options = choices[key];
        // Keep a value from the address selectable even when the vault no longer offers it.
        if (value && !options.some(([v]) => v === value)) options.unshift([value, value]);
        return (
          <div key={key} className="filter">
            <label htmlFor={`violation-filter-${key}`}>{LABEL[key]}</label>
            <select id={`violation-filter-${key}`} value={value} onChange={(e) => onChange({ [key]: e.target.value })}>
              <option value="">{key === 'age' ? 'any age' : 'all'}</option>
              {options.map(([v, text]) => (
                <option key={v} value={v}>
                  {text}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      {any ? (
        <button type="button" onClick={() => onChange(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])))}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
