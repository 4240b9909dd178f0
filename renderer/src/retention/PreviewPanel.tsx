// The preview: a dry run of retention as of now. It changes nothing, and lists (up to a limit) the
// records a run would archive and purge, with the complete counts and what the holds keep back.
import { useEffect, useState } from 'react';
import type { PlannedRecord, RetentionPreview } from '../../../shared/api/retention';
import type { ApiError } from '../../../shared/api/result';
import { api } from '../api/transport';
import { formatCount, formatTime } from '../common/format';
import { ErrorBox } from '../common/States';

export function PreviewPanel({ canPreview, holdsKey }: { canPreview: boolean; holdsKey: string }) {
  const [preview, setPreview] = useState<RetentionPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // A hold added or released changes what a run would do: an old preview would mislead.
  useEffect(() => setPreview(null), [holdsKey]);

  const run = async () => {
    setBusy(true);
    setError(null);
    const result = await api.call('retention.preview', {});
    setBusy(false);
    if (result.ok) setPreview(result.value);
    else setError(result.error);
  };

  return (
    <section className="panel" aria-labelledby="preview-title">
      <div className="screen-head">
        <h2 id="preview-title">Preview</h2>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => void run()} disabled={busy || !canPreview}>
            {busy ? 'Previewing…' : preview ? 'Preview again' : 'Preview (dry run)'}
          </button>
        </div>
      </div>
      <p className="hint">Lists what a retention run would do now. Nothing is changed.</p>
      {error ? <ErrorBox error={error} onRetry={() => void run()} /> : null}
      {preview ? (
        <div className="column" data-testid="retention-preview">
          <div className="cards">
            <Card label="Would be archived" value={preview.archive.count} note={preview.archive.skipped ?? `${formatCount(preview.archive.held)} kept by holds`} />
            <Card label="Would be purged" value={preview.purge.count} note={`${formatCount(preview.purge.held)} kept by holds`} />
          </div>
          {Object.keys(preview.purge.by_tenant).length ? (
            <p className="muted">
              Purge by tenant: {Object.entries(preview.purge.by_tenant).map(([t, n]) => `${t} ${formatCount(n)}`).join(' · ')}
            </p>
          ) : null}
          <Planned title="To archive" records={preview.archive.records} total={preview.archive.count} />
          <Planned title="To purge" records={preview.purge.records} total={preview.purge.count} />
          <p className="hint">As of {formatTime(preview.as_of)}.</p>
        </div>
      ) : !error ? (
        <p className="muted">{canPreview ? 'Run a preview to see what would be archived and purged.' : 'Fix the policy first.'}</p>
      ) : null}
    </section>
  );
}

function Card({ label, value, note }: { label: string; value: number; note: string }) {
  return (
    <div className="card panel">
      <span className="card-label">{label}</span>
      <span className="card-value">{formatCount(value)}</span>
      <span className="card-note">{note}</span>
    </div>
  );
}

function Planned({ title, records, total }: { title: string; records: PlannedRecord[]; total: number }) {
  if (total === 0) return null;
  return (
    <details className="planned">
      <summary>
        {title}: {formatCount(total)} record{total === 1 ? '' : 's'}
        {records.length < total ? ` (the first ${formatCount(records.length)} listed)` : ''}
      </summary>
      <table className="data" aria-label={title}>
        <thead>
          <tr>
            <th scope="col">Record</th>
            <th scope="col">Tenant</th>
            <th scope="col">Kind</th>
            <th scope="col">Framework</th>
            <th scope="col">Time</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.pos}>
              <th scope="row"><a href={`#/record/${r.pos}`}>{r.id}</a></th>
              <td>{r.tenant}</td>
              <td>{r.kind}</td>
              <td>{r.framework || '—'}</td>
              <td>{formatTime(r.timestamp)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
