// The settings changes as the vault's chain records them, newest first, each linking to its record.
import type { SettingChange } from '../../../shared/api/settings';
import { hrefFor } from '../app/router';
import { formatTime } from '../common/format';
import { Empty } from '../common/States';

export function SettingsHistory({ changes }: { changes: SettingChange[] }) {
  return (
    <section className="panel" aria-labelledby="settings-history-title">
      <h2 id="settings-history-title">Changes recorded in the chain</h2>
      {changes.length === 0 ? (
        <Empty title="No setting has been changed here yet." />
      ) : (
        <table className="data" aria-label="Settings changes">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Setting</th>
              <th scope="col">Changed</th>
              <th scope="col">By</th>
              <th scope="col">Record</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.pos}>
                <td>{formatTime(c.timestamp)}</td>
                <th scope="row">
                  <code>{c.key}</code>
                </th>
                <td>{c.changed_fields.join(', ')}</td>
                <td>{c.user}</td>
                <td>
                  <a href={hrefFor(['record', String(c.pos)])}>record #{c.pos}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
