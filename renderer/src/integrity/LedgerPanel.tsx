// The integrity ledger (issue 4) on the Integrity screen: the log's state, the check of the tree and
// every signed checkpoint, the checkpoint history, producers' checkpoints witnessed, and a record's
// inclusion proof to download. A failed check is shown as an alarm at the top of the panel.
import { useState } from 'react';
import type { LedgerVerify } from '../../../shared/api/ledger';
import type { ApiError } from '../../../shared/api/result';
import { api } from '../api/transport';
import { useApi } from '../api/use-api';
import { CopyButton } from '../common/CopyButton';
import { formatCount, formatTime, shortHash } from '../common/format';
import { ErrorBox, Loading } from '../common/States';
import { saveDownload } from '../reports/save-download';
import { LedgerAlarm } from './LedgerAlarm';

const WITNESS_TEXT = { match: '✓ matches the vault', mismatch: '✗ records differ from what the producer signed', incomplete: 'not enough records to check' };

export function LedgerPanel() {
  const status = useApi('ledger.status', {});
  const [check, setCheck] = useState<LedgerVerify | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const runCheck = async () => {
    setChecking(true);
    setError(null);
    const r = await api.call('ledger.verify', {});
    setChecking(false);
    if (r.ok) setCheck(r.value);
    else setError(r.error);
    status.reload();
  };

  if (status.state === 'loading') return <Loading label="Reading the ledger…" />;
  if (status.state === 'error') return <ErrorBox error={status.error} onRetry={status.reload} />;
  const s = status.value;
  const mismatched = s.witnessed.filter((w) => w.status === 'mismatch');

  return (
    <section className="ledger" aria-labelledby="ledger-title">
      <div className="screen-head">
        <h2 id="ledger-title">Ledger</h2>
        <button type="button" onClick={() => void runCheck()} disabled={checking}>
          {checking ? 'Checking…' : 'Check the tree and every checkpoint'}
        </button>
      </div>
      {check ? <LedgerAlarm check={check} /> : null}
      {mismatched.length > 0 ? (
        <div className="alarm" role="alert" data-testid="witness-alarm">
          <strong>A producer's records do not match its signed checkpoint.</strong>
          <ul>{mismatched.map((w) => <li key={`${w.tenant}-${w.size}-${w.root}`}>tenant {w.tenant}: {w.origin} signed {formatCount(w.size)} records</li>)}</ul>
        </div>
      ) : null}
      {error ? <ErrorBox error={error} /> : null}
      {s.origin === null ? (
        <p className="muted">This vault was created without a signing key: it has no ledger.</p>
      ) : (
        <dl className="fields panel" aria-label="Ledger status">
          <div className="field"><dt>origin</dt><dd><code>{s.origin}</code></dd></div>
          <div className="field"><dt>records in the log</dt><dd data-testid="ledger-size">{formatCount(s.size)}</dd></div>
          <div className="field"><dt>current root</dt><dd><code>{s.root ?? '—'}</code></dd></div>
          <div className="field">
            <dt>signed</dt>
            <dd>{s.checkpoints.length === 0 ? 'no checkpoint yet' : s.uncovered === 0 ? 'every record is covered by the latest checkpoint' : `${formatCount(s.uncovered)} records since the latest checkpoint are not signed yet`}</dd>
          </div>
          <div className="field"><dt>public key</dt><dd><code>{s.vkey}</code> {s.vkey ? <CopyButton value={s.vkey} label="the public key" /> : null}</dd></div>
        </dl>
      )}
      <ProofForm />
      <h3>Checkpoint history</h3>
      {s.checkpoints.length === 0 ? <p className="muted">No checkpoint has been signed yet.</p> : (
        <table className="data" aria-label="Checkpoints">
          <thead><tr><th scope="col" className="num">Size</th><th scope="col">Root</th><th scope="col">When</th><th scope="col">Why</th></tr></thead>
          <tbody>
            {s.checkpoints.map((c) => (
              <tr key={`${c.size}-${c.createdAt}`}>
                <td className="num">{formatCount(c.size)}</td>
                <td><code title={c.root}>{shortHash(c.root)}</code></td>
                <td>{formatTime(c.createdAt)}</td>
                <td>{c.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {s.witnessed.length > 0 ? (
        <>
          <h3>Producers' checkpoints witnessed</h3>
          <table className="data" aria-label="Witnessed checkpoints">
            <thead><tr><th scope="col">Tenant</th><th scope="col">Origin</th><th scope="col" className="num">Size</th><th scope="col">Root</th><th scope="col">Result</th><th scope="col">When</th></tr></thead>
            <tbody>
              {s.witnessed.map((w) => (
                <tr key={`${w.tenant}-${w.origin}-${w.size}-${w.root}`} className={w.status === 'mismatch' ? 'broken' : undefined}>
                  <th scope="row">{w.tenant}</th>
                  <td><code>{w.origin}</code></td>
                  <td className="num">{formatCount(w.size)}</td>
                  <td><code title={w.root}>{shortHash(w.root)}</code></td>
                  <td className={w.status === 'match' ? 'ok-text' : w.status === 'mismatch' ? 'bad-text' : 'muted'}>{WITNESS_TEXT[w.status]}</td>
                  <td>{formatTime(w.witnessedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

/** A record's inclusion proof (c2sp.org/tlog-proof), for anyone to check with the public key alone. */
function ProofForm() {
  const [tenant, setTenant] = useState('');
  const [id, setId] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async () => {
    setMessage(null);
    const ref = /^\d+$/.test(id.trim()) && !tenant.trim() ? { pos: Number(id.trim()) } : { tenant: tenant.trim(), id: id.trim() };
    const r = await api.call('ledger.proof', ref);
    if (!r.ok) return setMessage({ ok: false, text: r.error.message });
    saveDownload(r.value);
    setMessage({ ok: true, text: `Saved ${r.value.fileName}: check it with \`auditdesk verify-proof FILE --key PUBLIC_KEY\`.` });
  };
  return (
    <form className="panel proof-form" aria-label="Download a record's proof" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <strong>A record's proof</strong>
      <label>Tenant <input value={tenant} onChange={(e) => setTenant(e.target.value)} placeholder="acme" /></label>
      <label>Record id <input value={id} onChange={(e) => setId(e.target.value)} required placeholder="id or position" /></label>
      <button type="submit">Download proof</button>
      {message ? <span className={message.ok ? 'ok-text' : 'bad-text'} role={message.ok ? 'status' : 'alert'}>{message.text}</span> : null}
    </form>
  );
}
