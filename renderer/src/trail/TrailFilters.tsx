// The Trail's filter bar. Every control is labelled; changes go to the URL (see trail-url.ts).
import { useEffect, useState, type RefObject } from 'react';
import { useApi } from '../api/use-api';
import type { TrailView } from './trail-url';

interface Props {
  view: TrailView;
  onChange(view: TrailView): void;
  searchRef: RefObject<HTMLInputElement | null>;
}

type TextKey = 'tenant' | 'user' | 'operation' | 'resource_type' | 'framework' | 'classification' | 'start_date' | 'end_date';

export function TrailFilters({ view, onChange, searchRef }: Props) {
  const facets = useApi('facets.get', {});
  const options = facets.state === 'ok' ? facets.value : null;
  const [search, setSearch] = useState(view.q ?? '');
  const [user, setUser] = useState(view.user ?? '');
  useEffect(() => setSearch(view.q ?? ''), [view.q]);
  useEffect(() => setUser(view.user ?? ''), [view.user]);

  const set = (key: TextKey, value: string) => {
    const next = { ...view };
    if (value) next[key] = value;
    else delete next[key];
    onChange(next);
  };
  const select = (key: TextKey, label: string, values: string[] | undefined) => (
    <label className="filter">
      <span>{label}</span>
      <select value={view[key] ?? ''} onChange={(e) => set(key, e.target.value)} aria-label={label}>
        <option value="">Any</option>
        {(values ?? []).map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
        {view[key] && !(values ?? []).includes(view[key]!) ? <option value={view[key]}>{view[key]}</option> : null}
      </select>
    </label>
  );

  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter the trail"
      onSubmit={(e) => {
        e.preventDefault();
        const next = { ...view };
        if (search.trim()) next.q = search.trim();
        else delete next.q;
        if (user.trim()) next.user = user.trim();
        else delete next.user;
        onChange(next);
      }}
    >
      <label className="filter filter-search">
        <span>Search</span>
        <input
          ref={searchRef}
          type="search"
          value={search}
          placeholder="Names, ids, data…  ( / )"
          aria-label="Search the trail"
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              setSearch('');
              const next = { ...view };
              delete next.q;
              onChange(next);
            }
          }}
        />
      </label>
      {select('tenant', 'Tenant', options?.tenants)}
      <label className="filter">
        <span>User</span>
        <input type="text" value={user} aria-label="User" placeholder="exact user" onChange={(e) => setUser(e.target.value)} onBlur={() => user !== (view.user ?? '') && set('user', user.trim())} />
      </label>
      {select('operation', 'Operation', options?.operations)}
      {select('resource_type', 'Resource type', options?.resourceTypes)}
      {select('framework', 'Framework', options?.frameworks)}
      {select('classification', 'Classification', options?.classifications)}
      <label className="filter">
        <span>Kind</span>
        <select
          aria-label="Kind"
          value={view.kind ?? ''}
          onChange={(e) => {
            const next = { ...view };
            if (e.target.value) next.kind = e.target.value as TrailView['kind'];
            else delete next.kind;
            onChange(next);
          }}
        >
          <option value="">Any</option>
          <option value="log">log</option>
          <option value="query">query</option>
          <option value="export">export</option>
          <option value="violation">violation</option>
        </select>
      </label>
      <label className="filter">
        <span>Sensitive</span>
        <select
          aria-label="Sensitive"
          value={view.sensitive === undefined ? '' : view.sensitive ? 'yes' : 'no'}
          onChange={(e) => {
            const next = { ...view };
            if (e.target.value) next.sensitive = e.target.value === 'yes';
            else delete next.sensitive;
            onChange(next);
          }}
        >
          <option value="">Any</option>
          <option value="yes">Sensitive only</option>
          <option value="no">Not sensitive</option>
        </select>
      </label>
      <label className="filter">
        <span>From</span>
        <input type="date" aria-label="From date" value={view.start_date?.slice(0, 10) ?? ''} onChange={(e) => set('start_date', e.target.value)} />
      </label>
      <label className="filter">
        <span>To</span>
        <input type="date" aria-label="To date" value={view.end_date?.slice(0, 10) ?? ''} onChange={(e) => set('end_date', e.target.value)} />
      </label>
      <button type="submit" className="primary">
        Apply
      </button>
    </form>
  );
}
