// The history of retention actions and hold changes, newest first, read from the chain records the
// engine writes for each (so it is exactly what an auditor can verify).
import type { RetentionAction } from '../../../shared/api/retention';
import { formatTime, valueText } from '../common/format';
import { Empty } from '../common/States';

const WHAT: Record<string, string> = {
  'legal_hold/CREATE': 'Hold added',
  'legal_hold/UPDATE': 'Hold released',
  'retention/ARCHIVE': 'Archived',
  'retention/PURGE': 'Purged',
  'retention/RESTORE': 'Restored',
};

function summary(a: RetentionAction): string {
  const d = a.details ?? {};
  if (a.resource_type === 'legal_hold') {
    const reason = d.release_reason ?? d.reason;
    return `hold #${a.resource_id ?? '?'}${reason ? ` — ${valueText(reason)}` : ''}`;
  }
  const parts = [d.records !== undefined ? `${valueText(d.records)} records` : null, d.first_seq !== undefined ? `seq ${valueText(d.first_seq)}–${valueText(d.last_seq)}` : null, d.archive ? valueText(d.archive) : null];
  return parts.filter(Boolean).join(', ');
}

export function ActionHistory({ actions }: { actions: RetentionAction[] }) {
  return (
    <section className="panel" aria-labelledby="actions-title">
      <h2 id="actions-title">History of retention actions</h2>
      {actions.length === 0 ? (
        <Empty title="No retention action yet.">Archives, purges and hold changes will be listed here, as the chain records them.</Empty>
      ) : (
        <table className="data" aria-label="Retention actions">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">What</th>
              <th scope="col">Tenant</th>
              <th scope="col">By</th>
              <th scope="col">Record</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.pos}>
                <td>{formatTime(a.timestamp)}</td>
                <td>{WHAT[`${a.resource_type}/${a.operation}`] ?? `${a.resource_type} ${a.operation}`}</td>
                <td>{summary(a)}</td>
                <td>{a.tenant}</td>
                <td>{a.user ?? '—'}</td>
                <td>
                  <a href={`#/record/${a.pos}`}>{a.id.slice(0, 24)}…</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
