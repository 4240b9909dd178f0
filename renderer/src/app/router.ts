// Hash routing: works from file:// in Electron and from `serve` alike, and keeps every view (filters
// included) in the address, so back/forward and bookmarks work.
import { useEffect, useState } from 'react';

export interface Route {
  /** Path segments after '#/', decoded: ['record', '42']. */
  segments: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?', 2) as [string?, string?];
  return {
    segments: path.split('/').filter(Boolean).map((s) => decodeURIComponent(s)),
    params: new URLSearchParams(query),
  };
}

export function hrefFor(segments: string[], params?: URLSearchParams | Record<string, string>): string {
  const query = params ? new URLSearchParams(params).toString() : '';
  return `#/${segments.map((s) => encodeURIComponent(s)).join('/')}${query ? `?${query}` : ''}`;
}

export function navigate(segments: string[], params?: URLSearchParams | Record<string, string>, replace = false): void {
  const href = hrefFor(segments, params);
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', update);
    window.addEventListener('popstate', update);
    return () => {
      window.removeEventListener('hashchange', update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}
