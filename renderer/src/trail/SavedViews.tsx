// The Trail's "Views" menu: save the current filters under a name, open or delete a saved view. The
// views live in the vault (views.* routes); see saved-views.ts for the one-time import from localStorage.
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/result';
import { viewNameSchema, type SavedView } from '../../../shared/api/views';
import { reportLocked } from '../api/session-events';
import { api } from '../api/transport';
import { hrefFor } from '../app/router';
import { ErrorBox } from '../common/States';
import { importLegacyViews } from './saved-views';

export function SavedViews({ vault, params }: { vault: string; params: URLSearchParams }) {
  const [views, setViews] = useState<SavedView[] | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);

  /** Shows the list an answer carries, or why there is none. */
  const show = (result: { ok: true; value: SavedView[] } | { ok: false; error: ApiError }) => {
    if (!result.ok && result.error.code === 'locked') reportLocked();
    if (result.ok) setViews(result.value);
    setFailure(result.ok ? null : result.error);
  };

  const load = async () => {
    await importLegacyViews(vault);
    show(await api.call('views.list', {}));
  };
  useEffect(() => {
    void load();
  }, [vault]);

  const save = async () => {
    const parsed = viewNameSchema.safeParse(name);
    if (!parsed.success) return setNameError(parsed.error.issues[0]?.message ?? 'check the name');
    const taken = views?.some((v) => v.name === parsed.data) ?? false;
    if (taken && !window.confirm(`Replace the saved view “${parsed.data}” with the current filters?`)) return;
    const result = await api.call('views.save', { name: parsed.data, query: params.toString(), replace: taken });
    // Another window may have taken the name since the list was loaded: say so beside the field.
    if (!result.ok && result.error.code === 'failed') return setNameError(result.error.message);
    show(result);
    if (result.ok) {
      setName('');
      setNameError(null);
    }
  };

  return (
    <details className="menu">
      <summary>Views</summary>
      <div className="menu-body">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="filter">
            <span>Save this view as</span>
            <input
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setNameError(null);
              }}
              aria-label="View name"
              placeholder="e.g. SOX deletes"
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? 'view-name-error' : undefined}
            />
          </label>
          {nameError ? (
            <span className="field-error" id="view-name-error" role="alert">
              {nameError}
            </span>
          ) : null}
          <button type="submit">Save</button>
        </form>
        {failure ? <ErrorBox error={failure} onRetry={() => void load()} /> : null}
        {views === null ? (failure ? null : <p className="muted">Loading views…</p>) : views.length === 0 ? <p className="muted">No saved views yet.</p> : null}
        <ul className="plain">
          {(views ?? []).map((v) => (
            <li key={v.id}>
              <a href={hrefFor(['trail'], new URLSearchParams(v.query))}>{v.name}</a>{' '}
              <button type="button" className="link" aria-label={`Delete view ${v.name}`} onClick={() => void api.call('views.delete', { id: v.id }).then(show)}>
                delete
              </button>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
