// The Trail's view (filters, search, sort) as URL parameters and back: the address is the state, so
// back/forward, bookmarks and saved views all restore exactly the same list.
import { TRAIL_SORTS, type TrailFilter, type TrailSort } from '../../../shared/api/trail';

export interface TrailView extends TrailFilter {
  sort: TrailSort;
  dir: 'asc' | 'desc';
}

const TEXT_KEYS = [
  'tenant', 'user', 'operation', 'resource_type', 'resource_id', 'framework', 'classification', 'severity', 'status',
  'start_date', 'end_date', 'q',
] as const;
const KINDS = ['log', 'query', 'export', 'violation'] as const;

export function viewFromParams(params: URLSearchParams): TrailView {
  const view: TrailView = { sort: 'time', dir: 'desc' };
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) view[key] = value;
  }
  const kind = params.get('kind');
  if (kind && (KINDS as readonly string[]).includes(kind)) view.kind = kind as TrailView['kind'];
  const sensitive = params.get('sensitive');
  if (sensitive === 'yes' || sensitive === 'no') view.sensitive = sensitive === 'yes';
  const sort = params.get('sort');
  if (sort && (TRAIL_SORTS as readonly string[]).includes(sort)) view.sort = sort as TrailSort;
  if (params.get('dir') === 'asc') view.dir = 'asc';
  return view;
}

export function paramsFromView(view: TrailView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) {
    const value = view[key];
    if (value) params.set(key, value);
  }
  if (view.kind) params.set('kind', view.kind);
  if (view.sensitive !== undefined) params.set('sensitive', view.sensitive ? 'yes' : 'no');
  if (view.sort !== 'time') params.set('sort', view.sort);
  if (view.dir !== 'desc') params.set('dir', view.dir);
  return params;
}

/** The filter part of a view (what the backend counts and the dashboard links to). */
export function filterOf(view: TrailView): TrailFilter {
  const { sort: _s, dir: _d, ...filter } = view;
  return filter;
}

export function activeFilterCount(view: TrailView): number {
  return Object.keys(filterOf(view)).length;
}
