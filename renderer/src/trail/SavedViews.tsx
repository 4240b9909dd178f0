import { useState } from 'react';
import { hrefFor } from '../app/router';
import { deleteView, loadViews, saveView, type SavedView } from './saved-views';

export function SavedViews({ vault, params }: { vault: string; params: URLSearchParams }) {
  const [views, setViews] = useState<SavedView[]>(() => loadViews(vault));
  const [name, setName] = useState('');
  return (
    <details className="menu">
      <summary>Views</summary>
      <div className="menu-body">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) setViews(saveView(vault, { name: name.trim(), params: params.toString() }));
            setName('');
          }}
        >
          <label className="filter">
            <span>Save this view as</span>
            <input value={name} onChange={(e) => setName(e.target.value)} aria-label="View name" placeholder="e.g. SOX deletes" />
          </label>
          <button type="submit">Save</button>
        </form>
        {views.length === 0 ? <p className="muted">No saved views yet.</p> : null}
        <ul className="plain">
          {views.map((v) => (
            <li key={v.name}>
              <a href={hrefFor(['trail'], new URLSearchParams(v.params))}>{v.name}</a>{' '}
              <button type="button" className="link" aria-label={`Delete view ${v.name}`} onClick={() => setViews(deleteView(vault, v.name))}>
                delete
              </button>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
