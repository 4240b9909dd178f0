// The Trail: filters and search in the URL, the virtualised table, keyboard first.
import type { VisibilityState } from '@tanstack/react-table';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TrailSort } from '../../../shared/api/trail';
import { navigate, type Route } from '../app/router';
import { formatCount } from '../common/format';
import { Empty, ErrorBox } from '../common/States';
import { ColumnChooser } from './ColumnChooser';
import { DEFAULT_HIDDEN } from './columns';
import { SavedViews } from './SavedViews';
import { TrailFilters } from './TrailFilters';
import { TrailTable } from './TrailTable';
import { activeFilterCount, paramsFromView, viewFromParams, type TrailView } from './trail-url';
import { useTrailPages } from './use-trail-pages';

const VISIBILITY_KEY = 'auditdesk.trail.columns';

export function TrailScreen({ route, vault }: { route: Route; vault: string }) {
  const view = useMemo(() => viewFromParams(route.params), [route.params.toString()]);
  const pages = useTrailPages(view);
  const [active, setActive] = useState(0);
  const [visibility, setVisibility] = useState<VisibilityState>(() => {
    try {
      return { ...DEFAULT_HIDDEN, ...(JSON.parse(localStorage.getItem(VISIBILITY_KEY) ?? '{}') as VisibilityState) };
    } catch {
      return DEFAULT_HIDDEN;
    }
  });
  const searchRef = useRef<HTMLInputElement>(null);
  const gridKey = JSON.stringify(view);
  useEffect(() => setActive(0), [gridKey]);

  const change = (next: TrailView) => navigate(['trail'], paramsFromView(next));
  const sortBy = (sort: TrailSort) => change({ ...view, sort, dir: view.sort === sort && view.dir === 'desc' ? 'asc' : 'desc' });

  // '/' searches from anywhere on the Trail (unless typing); Esc clears the search.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement;
      if (e.key === '/' && !typing) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (e.key === 'Escape' && !typing && view.q) {
        const next = { ...view };
        delete next.q;
        change(next);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [view]);

  const filters = activeFilterCount(view);
  const count = pages.count;
  return (
    <section className="screen trail-screen" aria-labelledby="trail-title">
      <div className="screen-head">
        <h1 id="trail-title">Trail</h1>
        <p className="count" role="status" aria-live="polite" data-testid="trail-count">
          {count === null
            ? 'Counting…'
            : count.exact
              ? count.count === 0
                ? 'No records'
                : `${formatCount(count.count)} record${count.count === 1 ? '' : 's'}`
              : `at least ${formatCount(count.count)} records (counting, ${Math.round(count.progress * 100)}%)`}
          {pages.search && pages.search.indexed < pages.search.total
            ? ` · search covers ${formatCount(pages.search.indexed)} of ${formatCount(pages.search.total)} records while indexing`
            : ''}
        </p>
        <div className="toolbar">
          {filters > 0 ? (
            <button type="button" onClick={() => navigate(['trail'])}>
              Clear {filters} filter{filters === 1 ? '' : 's'}
            </button>
          ) : null}
          <SavedViews vault={vault} params={paramsFromView(view)} />
          <ColumnChooser
            visibility={visibility}
            onChange={(v) => {
              setVisibility(v);
              localStorage.setItem(VISIBILITY_KEY, JSON.stringify(v));
            }}
          />
        </div>
      </div>
      <TrailFilters view={view} onChange={change} searchRef={searchRef} />
      {pages.error ? (
        <ErrorBox error={pages.error} onRetry={pages.retry} />
      ) : !pages.loading && pages.rows.length === 0 ? (
        <Empty title={filters ? 'No records match these filters.' : 'This vault holds no records yet.'}>
          {filters ? (
            <button type="button" onClick={() => navigate(['trail'])}>
              Clear the filters
            </button>
          ) : (
            <a href="#/import">Import audit logs</a>
          )}
        </Empty>
      ) : (
        <TrailTable
          key={gridKey}
          rows={pages.rows}
          total={count?.exact ? count.count : null}
          hasMore={pages.hasMore}
          loading={pages.loading}
          sort={view.sort}
          dir={view.dir}
          visibility={visibility}
          active={active}
          onActiveChange={setActive}
          onSort={sortBy}
          onOpen={(row) => navigate(['record', String(row.pos)])}
          onNeedMore={pages.loadMore}
        />
      )}
      <p className="hint">
        <kbd>j</kbd>/<kbd>k</kbd> or arrows move · <kbd>Enter</kbd> opens · <kbd>/</kbd> searches · <kbd>Esc</kbd> clears the search
      </p>
    </section>
  );
}
