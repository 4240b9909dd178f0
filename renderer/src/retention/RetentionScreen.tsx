// Retention: the policies from the vault's settings, a preview (a dry run) of what a retention run
// would archive and purge, the legal holds that keep records out of it, and the history of retention
// actions and hold changes as the chain records them. Running retention itself stays with the CLI
// (`auditdesk retention`), which holds the signing key.
import { useApi } from '../api/use-api';
import { ErrorBox, Loading } from '../common/States';
import { ActionHistory } from './ActionHistory';
import { HoldsPanel } from './HoldsPanel';
import { PolicyPanel } from './PolicyPanel';
import { PreviewPanel } from './PreviewPanel';
import '../violations/violations.css';
import './retention.css';

export function RetentionScreen() {
  const overview = useApi('retention.overview', {});
  return (
    <section className="screen retention-screen" aria-labelledby="retention-title">
      <div className="screen-head">
        <h1 id="retention-title">Retention</h1>
      </div>
      <p className="muted">
        Old records are archived to encrypted, self-verifying files, then purged to tombstones that keep every chain verifiable. Records under a legal hold are
        never archived or purged. To run retention, use <code>auditdesk retention VAULT</code>.
      </p>
      {overview.state === 'loading' ? <Loading label="Loading the policies and holds…" /> : null}
      {overview.state === 'error' ? <ErrorBox error={overview.error} onRetry={overview.reload} /> : null}
      {overview.state === 'ok' ? (
        <>
          <div className="retention-top">
            <PolicyPanel policy={overview.value.policy} error={overview.value.policy_error} />
            <PreviewPanel canPreview={overview.value.policy !== null} holdsKey={overview.value.holds.map((h) => `${h.id}:${h.released_at ?? ''}`).join()} />
          </div>
          <HoldsPanel holds={overview.value.holds} onChanged={overview.reload} />
          <ActionHistory actions={overview.value.actions} />
        </>
      ) : null}
    </section>
  );
}
