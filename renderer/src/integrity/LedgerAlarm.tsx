// The result of checking the ledger. A failure is an alarm that fills the width, in the danger colour,
// announced to screen readers, and names each problem: it must be impossible to miss.
import type { LedgerVerify } from '../../../shared/api/ledger';
import { formatCount, formatTime } from '../common/format';

const KIND_TEXT: Record<string, string> = {
  signature: 'a checkpoint signature does not verify',
  root_mismatch: 'records changed after a checkpoint was signed',
  truncated: 'records were cut off after a checkpoint',
  removed: 'records were removed',
  state_mismatch: 'the saved tree differs from the records',
  no_key: 'no key to check the checkpoints with',
};

export function LedgerAlarm({ check }: { check: LedgerVerify }) {
  if (check.ok) {
    return (
      <div className="notice ok" role="status" data-testid="ledger-verdict">
        ✓ The tree of {formatCount(check.size)} records is whole and all {formatCount(check.checkpoints)} signed checkpoints match it.{' '}
        <span className="muted">Checked {formatTime(check.finishedAt)}.</span>
      </div>
    );
  }
  return (
    <div className="alarm" role="alert" data-testid="ledger-verdict">
      <strong>✗ INTEGRITY FAILURE: the vault's history does not match what was signed.</strong>
      <ul>
        {check.problems.map((p, i) => (
          <li key={i}><strong>{KIND_TEXT[p.kind] ?? p.kind}</strong>: {p.detail}</li>
        ))}
      </ul>
      <span>Keep the vault file as it is and compare it with an earlier export or backup.</span>
    </div>
  );
}
