// Integrity: verify every tenant's chain with progress; each chain's status; a break links to the
// record where the chain stops being valid. Below, the ledger (LedgerPanel): checkpoints and proofs.
import { useEffect, useState } from 'react';
import type { Job, VerifyResult } from '../../../shared/api/jobs';
import type { ApiError } from '../../../shared/api/result';
import { followJob } from '../api/poll-job';
import { api } from '../api/transport';
import { formatCount, formatTime, shortHash } from '../common/format';
import { Progress } from '../common/Progress';
import { ErrorBox } from '../common/States';
import { LedgerPanel } from './LedgerPanel';
import './integrity.css';

const BREAK_TEXT: Record<string, string> = {
  hash_mismatch: 'content does not match its hash',
  link_mismatch: 'does not link to the previous record',
  gap: 'a record is missing',
  duplicate: 'two records share a seq',
  truncated: 'the chain ends before its recorded head',
};

export function IntegrityScreen() {
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    void api.call('verify.last', {}).then((r) => r.ok && r.value && setResult(r.value));
  }, []);

  const run = async () => {
    setError(null);
    const started = await api.call('verify.start', {});
    if (!started.ok) return setError(started.error);
    const end = await followJob(started.value.jobId, setJob);
    if (end?.verify) setResult(end.verify);
    if (end?.state === 'failed') setError({ code: 'failed', message: end.error ?? 'verification failed' });
    setJob(null);
  };

  return (
    <section className="screen" aria-labelledby="integrity-title">
      <div className="screen-head">
        <h1 id="integrity-title">Integrity</h1>
        <button type="button" className="primary" onClick={() => void run()} disabled={job !== null}>
          {job ? 'Verifying…' : 'Verify every chain'}
        </button>
      </div>
      <p className="muted">
        Re-hashes every record's stored bytes and checks each tenant's chain link by link, against the head the vault recorded.
      </p>
      {job ? <Progress label="Verification progress" done={job.done} total={job.total} /> : null}
      {error ? <ErrorBox error={error} /> : null}
      {result && !job ? (
        <>
          <div className={result.ok ? 'notice ok' : 'alarm'} role={result.ok ? 'status' : 'alert'} data-testid="verify-verdict">
            {result.ok
              ? `All ${result.chains.length} chains verified: ${formatCount(result.records)} records intact.`
              : <strong>✗ INTEGRITY FAILURE: {result.chains.filter((c) => !c.ok).length} of {result.chains.length} chains are broken.</strong>}{' '}
            <span className="muted">Checked {formatTime(result.finishedAt)}.</span>
          </div>
          <table className="data" aria-label="Chains">
            <thead>
              <tr>
                <th scope="col">Tenant</th>
                <th scope="col">Records</th>
                <th scope="col">Head</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {result.chains.map((c) => (
                <tr key={c.tenant} className={c.ok ? undefined : 'broken'}>
                  <th scope="row">
                    <a href={`#/trail?tenant=${encodeURIComponent(c.tenant)}`}>{c.tenant}</a>
                  </th>
                  <td>{formatCount(c.records)}</td>
                  <td>{c.head ? <code title={c.head.hash}>seq {c.head.seq} · {shortHash(c.head.hash)}</code> : '—'}</td>
                  <td>
                    {c.ok ? (
                      <span className="ok-text">✓ intact</span>
                    ) : (
                      <span className="bad-text">
                        ✗ broken at seq {c.break?.seq}: {BREAK_TEXT[c.break?.kind ?? ''] ?? c.break?.kind}{' '}
                        {c.breakPos ? <a href={`#/record/${c.breakPos}`}>open the record</a> : null}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : job ? null : (
        <p className="muted">Not verified in this session yet.</p>
      )}
      <LedgerPanel />
    </section>
  );
}
