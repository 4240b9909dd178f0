// The collector of the desktop app. `serve` mounts the collector on the server that also serves the UI;
// the desktop app has no HTTP server (its UI talks over IPC), so it runs this one, on loopback, for as
// long as the app runs. It writes to whatever vault the window has unlocked and answers 503 with
// Retry-After while none is (CONTRACT §4).
import type { AddressInfo } from 'node:net';
import type Database from 'better-sqlite3';
import Fastify from 'fastify';
import { COLLECTOR_SERVER_OPTIONS } from './collector-options';
import { markSensitive } from './mark-sensitive';
import { registerCollectorApi } from './register-collector-api';

/** The desktop collector's port unless AUDITDESK_COLLECTOR_PORT names another (0: any free port). */
export const DESKTOP_COLLECTOR_PORT = 9280;

export interface DesktopCollector {
  /** `http://127.0.0.1:PORT`, for the settings screen and the docs' shipper configurations. */
  url: string;
  close(): Promise<void>;
}

export async function startDesktopCollector(vault: () => Database.Database | null, port = DESKTOP_COLLECTOR_PORT): Promise<DesktopCollector> {
  const app = Fastify({ ...COLLECTOR_SERVER_OPTIONS, logger: false });
  await registerCollectorApi(app, {
    vault,
    // Locked meanwhile: nothing to mark, and the request is answered 503 before anything is admitted.
    prepareRecords: (records) => {
      const db = vault();
      return db ? markSensitive(db, records) : records;
    },
  });
  await app.listen({ host: '127.0.0.1', port });
  const { port: bound } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${bound}`, close: () => app.close() };
}
