// The retention policies (issue 6): purge after N days per compliance framework (DEFAULT for any other)
// and archive after N days. Running retention stays on the Retention screen and the CLI.
import { useState, type FormEvent } from 'react';
import type { RetentionPolicy } from '../../../shared/api/retention';
import { FieldErrorText, invalidProps, OtherErrors, toNumber } from './field-errors';
import { SaveBar, useSave } from './save';

interface Row {
  framework: string;
  days: string;
}

export function RetentionForm({ policy, onSaved }: { policy: RetentionPolicy; onSaved(): void }) {
  const [rows, setRows] = useState<Row[]>(() => Object.entries(policy.retention_days).map(([framework, days]) => ({ framework, days: String(days) })));
  const [archive, setArchive] = useState(policy.archive_after_days === null ? '' : String(policy.archive_after_days));
  const save = useSave('settings.saveRetention', onSaved);
  const errors = save.errors;
  const setRow = (i: number, patch: Partial<Row>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const retention_days = Object.fromEntries(rows.filter((r) => r.framework.trim()).map((r) => [r.framework.trim(), toNumber(r.days)]));
    void save.run({ retention: { retention_days, archive_after_days: archive.trim() === '' ? null : toNumber(archive) } });
  };
  const shown = new Set(rows.map((r) => `retention_days.${r.framework.trim()}`).concat('archive_after_days'));

  return (
    <section className="panel" aria-labelledby="retention-policy-title">
      <h2 id="retention-policy-title">Retention policies</h2>
      <form onSubmit={submit} aria-labelledby="retention-policy-title" noValidate>
        <p className="hint">Records are purged to tombstones after their framework's days; a framework not listed follows DEFAULT, and without DEFAULT is never purged.</p>
        <table className="data" aria-label="Purge after, by framework">
          <thead>
            <tr>
              <th scope="col">Framework</th>
              <th scope="col">Purge after (days)</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const field = `retention_days.${row.framework.trim()}`;
              return (
                <tr key={i}>
                  <td>
                    <input aria-label={`Framework ${i + 1}`} value={row.framework} onChange={(e) => setRow(i, { framework: e.target.value })} />
                  </td>
                  <td>
                    <input aria-label={`Days for ${row.framework || `framework ${i + 1}`}`} inputMode="numeric" value={row.days} onChange={(e) => setRow(i, { days: e.target.value })} {...invalidProps(errors, field)} />
                    <FieldErrorText errors={errors} field={field} />
                  </td>
                  <td>
                    <button type="button" onClick={() => setRows((all) => all.filter((_, j) => j !== i))} aria-label={`Remove ${row.framework || `framework ${i + 1}`}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="row form-row">
          <button type="button" onClick={() => setRows((all) => [...all, { framework: '', days: '' }])}>
            Add a framework
          </button>
        </div>
        <label className="filter">
          Archive after (days; empty: never)
          <input inputMode="numeric" value={archive} onChange={(e) => setArchive(e.target.value)} {...invalidProps(errors, 'archive_after_days')} />
          <FieldErrorText errors={errors} field="archive_after_days" />
        </label>
        <OtherErrors errors={errors} fields={(f) => shown.has(f)} />
        <SaveBar save={save} label="Save retention policies" />
      </form>
    </section>
  );
}
