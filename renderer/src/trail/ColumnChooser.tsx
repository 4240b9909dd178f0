import type { VisibilityState } from '@tanstack/react-table';
import { TRAIL_COLUMNS } from './columns';

export function ColumnChooser({ visibility, onChange }: { visibility: VisibilityState; onChange(v: VisibilityState): void }) {
  return (
    <details className="menu">
      <summary>Columns</summary>
      <fieldset className="menu-body">
        <legend>Columns shown</legend>
        {TRAIL_COLUMNS.map((c) => (
          <label key={c.id} className="check">
            <input
              type="checkbox"
              checked={visibility[c.id] !== false}
              onChange={(e) => onChange({ ...visibility, [c.id]: e.target.checked })}
            />
            {String(c.header)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
