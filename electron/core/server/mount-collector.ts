// Mounts the collector API (/api/audit/…, /_bulk and the Elasticsearch handshake) on serve's server.
// It writes through serve's own connection, but only while the UI's session is unlocked: locking the
// vault in the UI makes the collector answer 503 with Retry-After, as the contract asks.
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { ServeContext } from '../cli/commands/serve';
import { registerCollectorApi } from '../collector/register-collector-api';
import { markSensitive } from '../collector/mark-sensitive';

export async function mountCollector({ served, backend, db }: ServeContext): Promise<void> {
  await registerCollectorApi(served.app, {
    vault: () => (backend.context.session.connection ? db : null),
    isUiSession: (request: IncomingMessage) => served.hasUiSession({ headers: request.headers } as FastifyRequest),
    // The UI is at `/`: shippers that ask `GET /` first use the /es prefix (docs/collector.md).
    elasticsearchRoot: false,
    prepareRecords: (records) => markSensitive(db, records),
    // Search indexing yields to the collector: it resumes 100 ms after the last request.
    onRequest: () => backend.pauseIndexing(100),
  });
}
