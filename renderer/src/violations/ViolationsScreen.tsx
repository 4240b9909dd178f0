// Violations: the case queue with its filters and keyboard triage (j/k move, x selects, Enter opens,
// i investigate, r resolve, c close, a assign), bulk changes on the selected rows, and — at
// #/violations/ID — the case view.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CaseList, CaseRef, CaseRow } from '../../../shared/api/violations';
import { useApi } from '../api/use-api';
import { formatCount, formatTime } from '../common/format';
import { Empty, ErrorBox, Loading } from '../common/States';
import { navigate, type Route } from '../app/router';
import { CaseScreen } from './CaseScreen';
import { OutcomeNotice, TriagePrompt } from './TriagePrompt';
import { ACTION_LABEL, TRIAGE_KEYS, useTriage, type TriageAction } from './use-triage';
import { ViolationFilters } from './ViolationFilters';
import { caseHref, filterFromParams, type FilterKey } from './violations-url';
import './violations.css';

export function ViolationsScreen({ route }: { route: Route }) {
  const id = route.segments[1];
  if (id) return <CaseScreen id={id} tenant={route.params.get('tenant') ?? undefined} />;
  return <CaseQueue params={route.params} />;
}

const keyOf = (r: { id: string; tenant: string }) => `${r.tenant}\u0000${r.id}`;

function CaseQueue({ params }: { params: URLSearchParams }) {
  const filter = useMemo(() => filterFromParams(params), [params]);
  const list = useApi('violations.list', filter);
  const facets = useApi('violations.facets', {});
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const triage = useTriage(() => {
    setSelected(new Set());
    list.reload();
    facets.reload();
  });
  const table = useRef<HTMLTableElement>(null);
  // Keep showing the last answer while a change reloads the list, so the table (and its focus) stays.
  const [shown, setShown] = useState<CaseList | null>(null);
  const fresh = list.state === 'ok' ? list.value : null;
  useEffect(() => {
    if (fresh) setShown(fresh);
  }, [fresh]);
  const rows: CaseRow[] = shown?.results ?? [];

  // A new filter is a new list: start at its top with nothing selected.
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    setActive(0);
    setSelected(new Set());
  }, [filterKey]);
  useEffect(() => {
    if (active >= rows.length && rows.length > 0) setActive(rows.length - 1);
  }, [rows.length, active]);
  useEffect(() => {
    table.current?.querySelector('tr.active')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const onFilter = (changes: Partial<Record<FilterKey, string>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    navigate(['violations'], next, true);
  };

  /** The selected rows, or the active row when none is selected. */
  const targets = (): CaseRef[] => {
    const chosen = rows.filter((r) => selected.has(keyOf(r)));
    const list = chosen.length ? chosen : rows[active] ? [rows[active]] : [];
    return list.map((r) => ({ id: r.id, tenant: r.tenant }));
  };
  const toggle = (row: CaseRow) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(keyOf(row))) next.delete(keyOf(row));
      else next.add(keyOf(row));
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    const move = (to: number) => setActive(Math.max(0, Math.min(rows.length - 1, to)));
    const action: TriageAction | undefined = TRIAGE_KEYS[event.key];
    if (event.key === 'j' || event.key === 'ArrowDown') move(active + 1);
    else if (event.key === 'k' || event.key === 'ArrowUp') move(active - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(rows.length - 1);
    else if ((event.key === 'x' || event.key === ' ') && rows[active]) toggle(rows[active]);
    else if (event.key === 'Enter' && rows[active]) window.location.hash = caseHref(rows[active].id, rows[active].tenant);
    else if (action) triage.start(action, targets());
    else return;
    event.preventDefault();
  };

  const allSelected = rows.length > 0 && rows.every((r) => selected.has(keyOf(r)));
  const selectedCount = rows.filter((r) => selected.has(keyOf(r))).length;

  return (
    <section className="screen" aria-labelledby="violations-title">
      <div className="screen-head">
        <h1 id="violations-title">Violations</h1>
        {shown ? (
          <p className="count" role="status">
            {formatCount(shown.count)} case{shown.count === 1 ? '' : 's'}
            {shown.count > rows.length ? ` · showing the newest ${formatCount(rows.length)}` : ''}
            {list.state === 'loading' ? ' · updating…' : ''}
          </p>
        ) : null}
      </div>
      <ViolationFilters params={params} facets={facets.state === 'ok' ? facets.value : null} onChange={onFilter} />
      <p className="hint" id="triage-keys">
        In the table: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>x</kbd> select, <kbd>Enter</kbd> open, <kbd>i</kbd> investigate, <kbd>r</kbd> resolve,{' '}
        <kbd>c</kbd> close, <kbd>a</kbd> assign — on the selected cases, or the highlighted one.
      </p>
      <div className="bulk-bar" role="toolbar" aria-label="Change the selected cases">
        <span className="muted">{selectedCount ? `${selectedCount} selected` : 'No case selected'}</span>
        {(Object.keys(ACTION_LABEL) as TriageAction[]).map((action) => (
          <button key={action} type="button" disabled={selectedCount === 0 || triage.busy} onClick={() => triage.start(action, targets())}>
            {ACTION_LABEL[action]}
          </button>
        ))}
      </div>
      {triage.outcome ? <OutcomeNotice outcome={triage.outcome} onDismiss={triage.dismiss} /> : null}
      {triage.error && !triage.prompt ? <ErrorBox error={triage.error} /> : null}
      {list.state === 'loading' && !shown ? <Loading label="Loading the queue…" /> : null}
      {list.state === 'error' ? <ErrorBox error={list.error} onRetry={list.reload} /> : null}
      {shown && rows.length === 0 ? (
        <Empty title={Object.keys(filter).length ? 'No violation matches these filters.' : 'No violations in this vault.'}>
          {Object.keys(filter).length ? (
            <button type="button" onClick={() => navigate(['violations'], {}, true)}>
              Clear filters
            </button>
          ) : (
            'Detection raises them at import; imported violation records appear here too.'
          )}
        </Empty>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-scroller">
          <table
            ref={table}
            className="data cases"
            role="grid"
            aria-label="Violations"
            aria-multiselectable="true"
            aria-describedby="triage-keys"
            aria-activedescendant={rows[active] ? `case-row-${active}` : undefined}
            tabIndex={0}
            onKeyDown={onKeyDown}
          >
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="Select every case shown"
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map(keyOf)))}
                  />
                </th>
                <th scope="col">Violation</th>
                <th scope="col">Type</th>
                <th scope="col">Severity</th>
                <th scope="col">Status</th>
                <th scope="col">Assignee</th>
                <th scope="col">Tenant</th>
                <th scope="col">Raised</th>
                <th scope="col">Age</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr
                  key={keyOf(r)}
                  id={`case-row-${i}`}
                  className={i === active ? 'active' : undefined}
                  aria-selected={selected.has(keyOf(r))}
                  onClick={() => setActive(i)}
                >
                  <td>
                    <input type="checkbox" aria-label={`Select ${r.id}`} checked={selected.has(keyOf(r))} onChange={() => toggle(r)} />
                  </td>
                  <th scope="row">
                    <a href={caseHref(r.id, r.tenant)}>{r.id}</a>
                    {r.description ? <div className="muted case-desc">{r.description}</div> : null}
                  </th>
                  <td>{r.violation_type}</td>
                  <td>
                    <span className={`sev sev-${r.severity.toLowerCase()}`}>{r.severity}</span>
                  </td>
                  <td>
                    <span className={`status status-${r.status.toLowerCase()}`}>{r.status}</span>
                  </td>
                  <td>{r.assignee ?? <span className="muted">unassigned</span>}</td>
                  <td>{r.tenant}</td>
                  <td>{formatTime(r.timestamp)}</td>
                  <td>{r.age_days} d</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {triage.prompt ? (
        <TriagePrompt
          prompt={triage.prompt}
          busy={triage.busy}
          error={triage.error}
          assignees={facets.state === 'ok' ? facets.value.assignees : []}
          onAnswer={(text, notes) => void triage.answer(text, notes).then(() => table.current?.focus())}
          onCancel={() => {
            triage.cancel();
            table.current?.focus();
          }}
        />
      ) : null}
    </section>
  );
}
