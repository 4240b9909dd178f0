// The renderer's port to the backend: one call function, typed by the route contract. The IPC and the
// HTTP implementations (renderer/src/api) differ only in how {route, body} travels.
import type { Result } from './result';
import type { RouteName, RouteRequest, RouteResponse } from './routes';

export interface Transport {
  request(route: string, body: unknown): Promise<unknown>;
}

export interface ApiClient {
  call<R extends RouteName>(route: R, body: RouteRequest<R>): Promise<Result<RouteResponse<R>>>;
}

export function apiClient(transport: Transport): ApiClient {
  return {
    async call(route, body) {
      try {
        const answer = (await transport.request(route, body)) as Result<never>;
        if (answer && typeof answer === 'object' && 'ok' in answer) return answer;
        return { ok: false, error: { code: 'internal', message: 'the backend gave a malformed answer' } };
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: `cannot reach the backend: ${(error as Error).message}` } };
      }
    },
  };
}
