// Reports (issue 5): choose framework, period, tenants and the signing identity; preview the numbers;
// save a signed PDF, or the same report as CSV or JSON. Every saved report is recorded in the vault's
// chain as an export record by the engine.
import { useState } from 'react';
import type { ReportIdentity, ReportScope, SavedReport } from '../../../shared/api/reports';
import type { ApiError } from '../../../shared/api/result';
import type { ComplianceReport } from '../../../shared/reports/report-model';
import { useApi } from '../api/use-api';
import { api } from '../api/transport';
import { ErrorBox, Loading } from '../common/States';
import { ReportPreview } from './ReportPreview';
import { saveDownload } from './save-download';
import './reports.css';

const today = () => new Date().toISOString().slice(0, 10);
const monthAgo = () => new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

export function ReportsScreen() {
  const options = useApi('reports.options', {});
  const [scope, setScope] = useState<ReportScope>({ framework: 'SOX', from: monthAgo(), to: today(), tenants: [] });
  const [identityKind, setIdentityKind] = useState<'file' | 'create'>('create');
  const [idFile, setIdFile] = useState({ path: '', passphrase: '' });
  const [idNew, setIdNew] = useState({ name: '', email: '', organisation: '', passphrase: '' });
  const [format, setFormat] = useState<'pdf' | 'csv' | 'json'>('pdf');
  const [preview, setPreview] = useState<ComplianceReport | null>(null);
  const [saved, setSaved] = useState<SavedReport | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  if (options.state === 'loading') return <Loading />;
  if (options.state === 'error') return <ErrorBox error={options.error} onRetry={options.reload} />;

  const change = (patch: Partial<ReportScope>) => {
    setScope((s) => ({ ...s, ...patch }));
    setPreview(null);
  };
  const identity: ReportIdentity = identityKind === 'file' ? { kind: 'file', ...idFile } : { kind: 'create', ...idNew };

  const runPreview = async () => {
    setBusy('preview');
    setError(null);
    const r = await api.call('reports.preview', scope);
    setBusy(null);
    if (r.ok) setPreview(r.value);
    else setError(r.error);
  };
  const runSave = async () => {
    setBusy('save');
    setError(null);
    setSaved(null);
    const r = await api.call('reports.save', { ...scope, format, identity });
    setBusy(null);
    if (!r.ok) return setError(r.error);
    setSaved(r.value);
    saveDownload(r.value.file);
  };

  return (
    <section className="screen" aria-labelledby="reports-title">
      <div className="screen-head">
        <h1 id="reports-title">Reports</h1>
      </div>
      <p className="muted">A compliance report states facts and counts from the vault, signed by you. Preview the numbers before you sign.</p>
      <form className="panel report-form" onSubmit={(e) => { e.preventDefault(); void runPreview(); }}>
        <fieldset>
          <legend>What to report on</legend>
          <label>Framework
            <select value={scope.framework} onChange={(e) => change({ framework: e.target.value as ReportScope['framework'] })}>
              {options.value.frameworks.map((f) => <option key={f} value={f}>{f.replace('_', ' ')}</option>)}
            </select>
          </label>
          <label>From <input type="date" value={scope.from} required onChange={(e) => change({ from: e.target.value })} /></label>
          <label>To (included) <input type="date" value={scope.to} required onChange={(e) => change({ to: e.target.value })} /></label>
          <div className="tenant-choice" role="group" aria-label="Tenants">
            <span>Tenants <span className="muted">(none ticked: all)</span></span>
            {options.value.tenants.map((t) => (
              <label key={t} className="check">
                <input
                  type="checkbox"
                  checked={scope.tenants.includes(t)}
                  onChange={(e) => change({ tenants: e.target.checked ? [...scope.tenants, t] : scope.tenants.filter((x) => x !== t) })}
                />
                {t}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Signed by</legend>
          <div className="identity-kind" role="radiogroup" aria-label="Identity">
            <label className="check"><input type="radio" name="idkind" checked={identityKind === 'create'} onChange={() => setIdentityKind('create')} /> Create a new identity</label>
            <label className="check"><input type="radio" name="idkind" checked={identityKind === 'file'} onChange={() => setIdentityKind('file')} /> Use my .p12 file</label>
          </div>
          {identityKind === 'create' ? (
            <>
              <label>Name <input value={idNew.name} onChange={(e) => setIdNew({ ...idNew, name: e.target.value })} autoComplete="name" /></label>
              <label>Email <input type="email" value={idNew.email} onChange={(e) => setIdNew({ ...idNew, email: e.target.value })} autoComplete="email" /></label>
              <label>Organisation <input value={idNew.organisation} onChange={(e) => setIdNew({ ...idNew, organisation: e.target.value })} autoComplete="organization" /></label>
              <label>Identity passphrase <input type="password" value={idNew.passphrase} onChange={(e) => setIdNew({ ...idNew, passphrase: e.target.value })} autoComplete="new-password" /></label>
            </>
          ) : (
            <>
              <label>.p12 file path <input value={idFile.path} placeholder="/home/me/auditor.p12" onChange={(e) => setIdFile({ ...idFile, path: e.target.value })} /></label>
              <label>Identity passphrase <input type="password" value={idFile.passphrase} onChange={(e) => setIdFile({ ...idFile, passphrase: e.target.value })} autoComplete="current-password" /></label>
            </>
          )}
        </fieldset>
        <div className="report-actions">
          <button type="submit" disabled={busy !== null}>{busy === 'preview' ? 'Computing…' : 'Preview'}</button>
          <label>Format
            <select value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
              <option value="pdf">PDF (signed)</option>
              <option value="csv">CSV</option>
              <option value="json">JSON (RFC 8785)</option>
            </select>
          </label>
          <button type="button" className="primary" disabled={busy !== null} onClick={() => void runSave()}>
            {busy === 'save' ? 'Signing…' : `Save ${format.toUpperCase()}`}
          </button>
        </div>
      </form>
      {error ? <ErrorBox error={error} /> : null}
      {saved ? (
        <div className="notice ok" role="status" data-testid="report-saved">
          Saved {saved.file.fileName} ({saved.file.bytes.toLocaleString('en')} bytes), signed by {saved.signer.name} &lt;{saved.signer.email}&gt;;
          recorded as export <a href={`#/record/${saved.record.pos}`}>{saved.record.id}</a>.
          {saved.identity ? (
            <> Keep your new identity to sign the next report: <button type="button" className="link" onClick={() => saveDownload(saved.identity!)}>download {saved.identity.fileName}</button>.</>
          ) : null}
        </div>
      ) : null}
      {preview ? <ReportPreview report={preview} /> : null}
    </section>
  );
}
