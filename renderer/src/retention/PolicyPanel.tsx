// The policies as the settings say them: purge after N days per framework, archive after N days.
import type { RetentionPolicy } from '../../../shared/api/retention';
import { formatCount } from '../common/format';

export function PolicyPanel({ policy, error }: { policy: RetentionPolicy | null; error: string | null }) {
  const frameworks = policy ? Object.entries(policy.retention_days).sort(([a], [b]) => (a === 'DEFAULT' ? 1 : b === 'DEFAULT' ? -1 : a.localeCompare(b))) : [];
  return (
    <section className="panel" aria-labelledby="policy-title">
      <h2 id="policy-title">Policies</h2>
      {error ? (
        <div className="state state-error" role="alert">
          <strong>{error}</strong>
          <div>
            Correct <code>retention_days</code> or <code>archive_after_days</code> in the vault's settings; until then no preview or run is possible.
          </div>
        </div>
      ) : null}
      {policy ? (
        <>
          <p>
            Archive after:{' '}
            <strong data-testid="archive-after">{policy.archive_after_days === null ? 'never' : `${formatCount(policy.archive_after_days)} days`}</strong>
          </p>
          {frameworks.length === 0 ? (
            <p className="muted">No retention_days are set: no record is ever purged.</p>
          ) : (
            <table className="data" aria-label="Retention by framework">
              <thead>
                <tr>
                  <th scope="col">Framework</th>
                  <th scope="col">Purge after</th>
                </tr>
              </thead>
              <tbody>
                {frameworks.map(([framework, days]) => (
                  <tr key={framework}>
                    <th scope="row">{framework === 'DEFAULT' ? 'Any other (DEFAULT)' : framework}</th>
                    <td>{formatCount(days)} days</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {frameworks.length > 0 && policy.retention_days.DEFAULT === undefined ? (
            <p className="hint">Records without a listed framework are never purged (no DEFAULT is set).</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
