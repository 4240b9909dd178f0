import { MASK } from '../../../shared/api/record';
import { valueText } from '../common/format';
import { diffRows } from './data-diff';

function Value({ value }: { value: unknown }) {
  if (value === undefined) return <span className="muted">absent</span>;
  if (value === MASK) return <span className="masked" aria-label="hidden sensitive value">{MASK}</span>;
  return <code>{valueText(value)}</code>;
}

export function DataDiff({ oldData, newData, changed }: { oldData: unknown; newData: unknown; changed: unknown }) {
  const rows = diffRows(oldData, newData, changed);
  if (rows.length === 0) return <p className="muted">This record carries no old or new data.</p>;
  return (
    <table className="diff" aria-label="Old and new data">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} className={row.listed ? 'changed' : row.differs ? 'differs' : undefined} data-field={row.field}>
            <th scope="row">
              {row.field}
              {row.listed ? <span className="badge">changed</span> : null}
              {row.differs && !row.listed ? <span className="badge warn" title="differs but not listed in changed_fields">differs</span> : null}
            </th>
            <td className="before">
              <Value value={row.before} />
            </td>
            <td className="after">
              <Value value={row.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
