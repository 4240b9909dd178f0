// The HTTP door of `auditdesk serve` (CONTRACT §3): the review UI and its API on loopback.
//
// buildServeApp() returns a Fastify instance that is configured but NOT yet listening, so that other
// parts of `serve` can add their routes to the same server before it starts, e.g. the collector API:
//
//   const served = await buildServeApp({ backend, host: '127.0.0.1', port: 0 });
//   await served.app.register(collectorRoutes, { prefix: '/api/audit' });   // the collector (issue 3)
//   const url = await served.listen();                                       // prints nothing itself
//
// Every request, collector included, passes the Host/Origin guard (DNS rebinding). The UI's API
// (`POST /api/ui/:route`) also needs this run's session token; collector routes do their own API-key
// auth and may accept the UI session for reads with `served.hasUiSession(request)`. No CORS.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../backend/backend';
import { COLLECTOR_SERVER_OPTIONS } from '../collector/collector-options';
import { allowedHosts, hostGuard } from './host-guard';
import { securityHeaders } from './security-headers';
import { hasUiSession, newSessionToken, sameToken, sessionCookie } from './session-token';
import { findRendererDir, registerStaticRenderer } from './static-renderer';

export interface ServeAppOptions {
  backend: Backend;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** 0: any free port. */
  port?: number;
  /** Default: a fresh random token per run. */
  token?: string;
  /** Default: the built UI next to the CLI (out/renderer). */
  rendererDir?: string | null;
  /** Largest request body (an imported file travels in one): default 256 MiB. */
  bodyLimit?: number;
}

export interface ServeApp {
  app: FastifyInstance;
  token: string;
  /** Starts listening; resolves to the URL to open (it carries the session token). */
  listen(): Promise<string>;
  hasUiSession(request: FastifyRequest): boolean;
  close(): Promise<void>;
}

export async function buildServeApp(options: ServeAppOptions): Promise<ServeApp> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newSessionToken();
  // The collector's timeouts apply to the whole server: slow clients are cut off on every route.
  const app = Fastify({ ...COLLECTOR_SERVER_OPTIONS, logger: false, bodyLimit: options.bodyLimit ?? 256 * 1024 * 1024 });
  let hosts = new Set<string>();
  const boundPort = () => (app.server.address() as AddressInfo | null)?.port ?? options.port ?? 0;

  app.addHook('onRequest', hostGuard(() => (hosts.size ? hosts : (hosts = allowedHosts(host, boundPort())))));
  app.addHook('onSend', securityHeaders);

  app.post<{ Params: { route: string } }>('/api/ui/:route', async (request, reply) => {
    if (!hasUiSession(request, token)) {
      return reply.code(401).send({
        ok: false,
        error: { code: 'forbidden', message: 'no session: open the address `auditdesk serve` printed' },
      });
    }
    return options.backend.handle(request.params.route, request.body ?? {});
  });

  registerStaticRenderer(app, options.rendererDir === undefined ? findRendererDir() : options.rendererDir, (request, reply) => {
    const url = new URL(request.url, 'http://x');
    const given = url.searchParams.get('token');
    if (url.pathname !== '/' || given === null) return false;
    // Trade the printed token for the cookie, then show a clean address. A wrong token still lands on
    // the page, which then says there is no session.
    if (sameToken(given, token)) reply.header('Set-Cookie', sessionCookie(token));
    void reply.redirect('/', 302);
    return true;
  });

  return {
    app,
    token,
    hasUiSession: (request) => hasUiSession(request, token),
    async listen() {
      await app.listen({ host, port: options.port ?? 0 });
      hosts = allowedHosts(host, boundPort());
      const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
      return `http://${shown}:${boundPort()}/?token=${token}`;
    },
    async close() {
      await app.close();
      options.backend.close();
    },
  };
}
