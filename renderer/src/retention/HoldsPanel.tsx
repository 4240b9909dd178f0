// Legal holds: the standing and released holds with what they cover, a form to add one, and a
// release with an optional reason. Both go through the engine, which records them in the chain.
import { useState, type FormEvent } from 'react';
import type { AddHold, Hold } from '../../../shared/api/retention';
import type { ApiError } from '../../../shared/api/result';
import { api } from '../api/transport';
import { formatCount, formatTime } from '../common/format';
import { Empty, ErrorBox } from '../common/States';

export function HoldsPanel({ holds, onChanged }: { holds: Hold[]; onChanged(): void }) {
  const standing = holds.filter((h) => !h.released_at);
  const released = holds.filter((h) => h.released_at);
  return (
    <section className="panel" aria-labelledby="holds-title">
      <h2 id="holds-title">Legal holds</h2>
      {standing.length === 0 ? (
        <Empty title="No legal hold stands.">Add one below to keep records from being archived or purged.</Empty>
      ) : (
        <HoldTable holds={standing} label="Standing holds" onChanged={onChanged} />
      )}
      {released.length ? (
        <details className="planned">
          <summary>Released holds ({released.length})</summary>
          <HoldTable holds={released} label="Released holds" onChanged={onChanged} />
        </details>
      ) : null}
      <AddHoldForm onAdded={onChanged} />
    </section>
  );
}

function covers(h: Hold): string {
  const parts = [
    h.tenant ? `tenant ${h.tenant}` : 'every tenant',
    h.resource_type ? `resource ${h.resource_type}${h.resource_id ? `/${h.resource_id}` : ''}` : null,
    h.user ? `user ${h.user}` : null,
    h.from_utc ? `from ${formatTime(h.from_utc)}` : null,
    h.to_utc ? `before ${formatTime(h.to_utc)}` : null,
  ];
  return parts.filter(Boolean).join(', ');
}

function HoldTable({ holds, label, onChanged }: { holds: Hold[]; label: string; onChanged(): void }) {
  return (
    <table className="data" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Hold</th>
          <th scope="col">Covers</th>
          <th scope="col">Records</th>
          <th scope="col">Reason</th>
          <th scope="col">Added</th>
          <th scope="col">{label === 'Released holds' ? 'Released' : 'Release'}</th>
        </tr>
      </thead>
      <tbody>
        {holds.map((h) => (
          <tr key={h.id}>
            <th scope="row">#{h.id}</th>
            <td>{covers(h)}</td>
            <td>{formatCount(h.records)}</td>
            <td>{h.reason}</td>
            <td>
              {formatTime(h.created_at)} <span className="muted">by {h.created_by}</span>
            </td>
            <td>{h.released_at ? <>{formatTime(h.released_at)} <span className="muted">by {h.released_by}</span></> : <ReleaseForm hold={h} onReleased={onChanged} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ReleaseForm({ hold, onReleased }: { hold: Hold; onReleased(): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await api.call('retention.releaseHold', { id: hold.id, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    setBusy(false);
    if (result.ok) onReleased();
    else setError(result.error);
  };
  return (
    <form className="row release-form" onSubmit={(e) => void submit(e)} aria-label={`Release hold ${hold.id}`}>
      <input aria-label={`Reason for releasing hold ${hold.id}`} placeholder="Reason (optional)" value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" disabled={busy}>
        Release
      </button>
      {error ? <ErrorBox error={error} /> : null}
    </form>
  );
}

const EMPTY: Required<{ [K in keyof AddHold]: string }> = { tenant: '', resource: '', user: '', from: '', to: '', reason: '' };

function AddHoldForm({ onAdded }: { onAdded(): void }) {
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await api.call('retention.addHold', form);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setForm(EMPTY);
    onAdded();
  };
  return (
    <form className="hold-form" aria-labelledby="add-hold-title" onSubmit={(e) => void submit(e)}>
      <h3 id="add-hold-title">Add a legal hold</h3>
      <p className="hint">A record every given criterion matches is kept. Give at least one criterion, and a reason.</p>
      <div className="filters">
        <label className="filter">
          Tenant
          <input value={form.tenant} onChange={set('tenant')} />
        </label>
        <label className="filter">
          Resource (TYPE or TYPE/ID)
          <input value={form.resource} onChange={set('resource')} />
        </label>
        <label className="filter">
          User
          <input value={form.user} onChange={set('user')} />
        </label>
        <label className="filter">
          From
          <input type="date" value={form.from} onChange={set('from')} />
        </label>
        <label className="filter">
          To (inclusive)
          <input type="date" value={form.to} onChange={set('to')} />
        </label>
        <label className="filter hold-reason">
          Reason
          <input required value={form.reason} onChange={set('reason')} />
        </label>
        <button type="submit" className="primary" disabled={busy || !form.reason.trim()}>
          Add hold
        </button>
      </div>
      {error ? <ErrorBox error={error} /> : null}
    </form>
  );
}
