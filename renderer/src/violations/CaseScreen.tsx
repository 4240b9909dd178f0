// One violation's case: its fields and the rule's explanation, the records it is about (each linking
// to the record view), the history of its transitions as recorded in the chain, and the actions the
// workflow allows now (also on the keys i, r, c, a).
import { useEffect, type ReactNode } from 'react';
import type { CaseStatus, ViolationCase } from '../../../shared/api/violations';
import { useApi } from '../api/use-api';
import { formatTime, shortHash, valueText } from '../common/format';
import { Empty, ErrorBox, Loading } from '../common/States';
import { OutcomeNotice, TriagePrompt } from './TriagePrompt';
import { TRIAGE_KEYS, useTriage, type TriageAction } from './use-triage';

const MOVE_LABEL: Record<CaseStatus, string> = { OPEN: 'Reopen', INVESTIGATING: 'Investigate', RESOLVED: 'Resolve…', CLOSED: 'Close' };
const MOVE_ACTION: Partial<Record<CaseStatus, TriageAction>> = { INVESTIGATING: 'investigate', RESOLVED: 'resolve', CLOSED: 'close' };

export function CaseScreen({ id, tenant }: { id: string; tenant?: string }) {
  const loaded = useApi('violations.get', tenant ? { id, tenant } : { id });
  const triage = useTriage(() => loaded.reload());
  const found = loaded.state === 'ok' ? loaded.value : null;

  // The triage keys work here too, for the case on screen (not while typing in a field).
  useEffect(() => {
    if (!found) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (triage.prompt || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target && /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName)) return;
      const action = TRIAGE_KEYS[event.key];
      if (!action) return;
      event.preventDefault();
      triage.start(action, [{ id: found.violation.id as string, tenant: found.violation.tenant as string }]);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [found, triage]);

  if (loaded.state === 'loading' && !found) return <Loading label="Loading the case…" />;
  if (loaded.state === 'error') {
    return (
      <section className="screen">
        <p className="crumbs"><a href="#/violations">← Violations</a></p>
        <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      </section>
    );
  }
  if (!found) return null;
  const v = found.violation;
  const ref = { id: String(v.id), tenant: String(v.tenant) };
  const details = v.details && typeof v.details === 'object' ? (v.details as Record<string, unknown>) : {};

  return (
    <section className="screen" aria-labelledby="case-title">
      <p className="crumbs"><a href="#/violations">← Violations</a></p>
      <div className="screen-head">
        <h1 id="case-title">Violation {ref.id}</h1>
        <span className={`sev sev-${String(v.severity).toLowerCase()}`}>{String(v.severity)}</span>
        <span className={`status status-${found.status.toLowerCase()}`} data-testid="case-status">{found.status}</span>
        <div className="toolbar" role="toolbar" aria-label="Case actions">
          {found.allowed_next.map((to) => {
            const action = MOVE_ACTION[to];
            return action ? (
              <button key={to} type="button" className={to === 'INVESTIGATING' && found.status === 'OPEN' ? 'primary' : undefined} disabled={triage.busy} onClick={() => triage.start(action, [ref])}>
                {found.status !== 'OPEN' && to === 'INVESTIGATING' ? 'Reopen' : MOVE_LABEL[to]}
              </button>
            ) : null;
          })}
          <button type="button" disabled={triage.busy} onClick={() => triage.start('assign', [ref])}>
            Assign…
          </button>
        </div>
      </div>
      {triage.outcome ? <OutcomeNotice outcome={triage.outcome} onDismiss={triage.dismiss} /> : null}
      {triage.error && !triage.prompt ? <ErrorBox error={triage.error} /> : null}
      <div className="record-grid">
        <section className="panel" aria-labelledby="case-fields">
          <h2 id="case-fields">The violation</h2>
          <dl className="fields">
            <Field name="type">{String(v.violation_type)}</Field>
            <Field name="description">{valueText(v.description) || '—'}</Field>
            <Field name="tenant">{ref.tenant}</Field>
            <Field name="user">{v.user ? <a href={`#/user/${encodeURIComponent(String(v.user))}`}>{String(v.user)}</a> : '—'}</Field>
            <Field name="raised">{formatTime(String(v.timestamp))}</Field>
            <Field name="assignee">{found.assignee ?? <span className="muted">unassigned</span>}</Field>
            <Field name="resolution">{found.resolution ?? '—'}</Field>
            <Field name="record">
              <a href={`#/record/${found.pos}`}>seq {String(v.seq ?? '')}</a> · <code title={found.audit_hash}>{shortHash(found.audit_hash)}</code>
            </Field>
          </dl>
        </section>
        <section className="panel" aria-labelledby="case-details">
          <h2 id="case-details">Details</h2>
          {Object.keys(details).length === 0 ? (
            <p className="muted">The violation carries no details.</p>
          ) : (
            <dl className="fields">
              {Object.entries(details)
                .filter(([k]) => k !== 'record_ids')
                .map(([k, value]) => (
                  <Field key={k} name={k}>
                    {typeof value === 'object' && value !== null ? <code className="json">{JSON.stringify(value, null, 2)}</code> : valueText(value)}
                  </Field>
                ))}
            </dl>
          )}
        </section>
      </div>
      <LinkedRecords found={found} />
      <History found={found} />
      {triage.prompt ? (
        <TriagePrompt prompt={triage.prompt} busy={triage.busy} error={triage.error} assignees={found.assignee ? [found.assignee] : []} onAnswer={(t, n) => void triage.answer(t, n)} onCancel={triage.cancel} />
      ) : null}
    </section>
  );
}

function Field({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="field">
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function LinkedRecords({ found }: { found: ViolationCase }) {
  return (
    <section className="panel" aria-labelledby="case-linked">
      <h2 id="case-linked">Linked records</h2>
      {found.linked_records.length === 0 ? (
        <Empty title="The violation names no records.">It was imported or raised without a link to the records it is about.</Empty>
      ) : (
        <table className="data" aria-label="Linked records">
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">Operation</th>
              <th scope="col">Resource</th>
              <th scope="col">User</th>
              <th scope="col">Time</th>
            </tr>
          </thead>
          <tbody>
            {found.linked_records.map((r) => (
              <tr key={`${r.tenant}/${r.id}`}>
                <th scope="row">{r.pos !== null ? <a href={`#/record/${r.pos}`}>{r.id}</a> : <span>{r.id} <span className="muted">(not in this vault)</span></span>}</th>
                <td>{r.operation ?? '—'}</td>
                <td>{r.resource ?? '—'}</td>
                <td>{r.user ?? '—'}</td>
                <td>{formatTime(r.timestamp)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function History({ found }: { found: ViolationCase }) {
  return (
    <section className="panel" aria-labelledby="case-history">
      <h2 id="case-history">History</h2>
      <p className="hint">Each change is a record in tenant {String(found.violation.tenant)}'s chain.</p>
      {found.history.length === 0 ? (
        <Empty title="No change yet.">The case is as the violation was raised: {found.status}.</Empty>
      ) : (
        <table className="data" aria-label="Case history">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">By</th>
              <th scope="col">Change</th>
              <th scope="col">Assignee</th>
              <th scope="col">Notes and resolution</th>
              <th scope="col">Record</th>
            </tr>
          </thead>
          <tbody>
            {found.history.map((e) => (
              <tr key={e.id}>
                <td>{formatTime(e.at)}</td>
                <td>{e.by ?? '—'}</td>
                <td>{e.from && e.from !== e.to ? `${e.from} → ${e.to}` : e.to}</td>
                <td>{e.assignee ? e.assignee : <span className="muted">—</span>}</td>
                <td>
                  {e.resolution ? <div><strong>Resolution:</strong> {e.resolution}</div> : null}
                  {e.notes ? <div>{e.notes}</div> : null}
                </td>
                <td>{e.pos !== null ? <a href={`#/record/${e.pos}`}>seq {e.seq}</a> : `seq ${e.seq}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
