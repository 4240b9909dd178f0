// The collector (CONTRACT §4) as a fastify plugin, mounted by `serve` and the desktop app:
//   await registerCollectorApi(app, { vault: () => currentVaultOrNull })
// Everything here lives in its own encapsulated scope, so its body parsing (size limits, gzip, slow
// clients), Host check and error shapes touch no other route of the server.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CollectorDeps } from './collector-options';
import { registerEsRoutes } from './es/es-routes';
import { esError } from './es/es-info';
import { ApiError } from './http/api-error';
import { isAllowedHost } from './http/host-guard';
import { readBody } from './http/read-body';
import { RequestGate } from './http/request-gate';
import { registerReadRoutes } from './routes/read-routes';
import { registerWriteRoutes } from './routes/write-routes';

export const COLLECTOR_PREFIX = '/api/audit';

export async function registerCollectorApi(app: FastifyInstance, deps: CollectorDeps): Promise<void> {
  const gate = new RequestGate(deps);
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (request, payload, done) => {
      readBody(request.headers, payload, gate.limits).then(
        (body) => done(null, body),
        (error: Error) => done(error as FastifyError, undefined),
      );
    });
    scope.addHook('onRequest', async (request) => {
      deps.onRequest?.();
      if (!isAllowedHost(request.headers.host, deps.allowedHosts)) {
        throw new ApiError(403, `requests naming host ${JSON.stringify(request.headers.host ?? '')} are refused: use 127.0.0.1`);
      }
    });
    scope.setErrorHandler((error: FastifyError, request, reply) => answerError(error, request, reply));

    registerEsRoutes(scope, gate, { root: deps.elasticsearchRoot ?? true });
    await scope.register(async (es) => registerEsRoutes(es, gate, { root: true }), { prefix: '/es' });
    await scope.register(
      async (api) => {
        registerWriteRoutes(api, gate);
        registerReadRoutes(api, gate);
        api.setNotFoundHandler((request, reply) => {
          reply.code(404).send({ error: `no such collector path: ${request.method} ${request.url}` });
        });
      },
      { prefix: COLLECTOR_PREFIX },
    );
  });
}

function answerError(error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply): void {
  const api = error instanceof ApiError;
  const status = api ? error.statusCode : error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status >= 500 && !api) request.log.error(error);
  const message = status === 500 && !api ? 'internal error: the records of this request were not stored' : error.message;
  if (api) reply.headers(error.headers);
  // After a refused or cut-off body the rest of it is still on the wire: close rather than read it.
  if (status === 408 || status === 413) reply.header('connection', 'close');
  const es = (request.routeOptions.config as { es?: boolean } | undefined)?.es === true;
  if (es) {
    const type = status === 401 ? 'security_exception' : status === 413 ? 'content_too_long_exception' : status === 429 ? 'es_rejected_execution_exception' : 'illegal_argument_exception';
    reply.code(status).send({ ...esError(status, type, message), ...(api ? error.extra : {}) });
  } else {
    reply.code(status).send({ error: message, ...(api ? error.extra : {}) });
  }
}
