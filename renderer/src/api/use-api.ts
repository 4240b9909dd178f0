// Loads a route's answer for a component, with loading and error states, and drops answers that
// arrive after the inputs changed (a slow filter must not overwrite a newer one).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/result';
import type { RouteName, RouteRequest, RouteResponse } from '../../../shared/api/routes';
import { api } from './transport';
import { reportLocked } from './session-events';

export type Loaded<T> = { state: 'loading' } | { state: 'ok'; value: T } | { state: 'error'; error: ApiError };

/**
 * `reload()` asks again, showing the loading state; `refresh()` asks again while the last answer stays
 * on screen (for figures that fill in, such as a summary while the indexer catches up).
 */
export function useApi<R extends RouteName>(route: R, body: RouteRequest<R>, enabled = true): Loaded<RouteResponse<R>> & { reload(): void; refresh(): void } {
  const [loaded, setLoaded] = useState<Loaded<RouteResponse<R>>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(body);
  const latest = useRef(0);
  const quiet = useRef(false);
  useEffect(() => {
    if (!enabled) return;
    const mine = ++latest.current;
    if (!quiet.current) setLoaded({ state: 'loading' });
    quiet.current = false;
    void api.call(route, JSON.parse(key) as RouteRequest<R>).then((result) => {
      if (mine !== latest.current) return;
      if (!result.ok && result.error.code === 'locked') reportLocked();
      setLoaded(result.ok ? { state: 'ok', value: result.value } : { state: 'error', error: result.error });
    });
  }, [route, key, tick, enabled]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const refresh = useCallback(() => {
    quiet.current = true;
    setTick((t) => t + 1);
  }, []);
  return { ...loaded, reload, refresh };
}
