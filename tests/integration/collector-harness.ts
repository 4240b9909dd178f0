// A tiny server with the collector mounted, on a fresh encrypted vault, for the collector tests.
import path from 'node:path';
import type Database from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { COLLECTOR_SERVER_OPTIONS, type CollectorDeps } from '../../electron/core/collector/collector-options';
import { registerCollectorApi } from '../../electron/core/collector/register-collector-api';
import { createApiKey } from '../../electron/core/keys/api-keys';
import { SYSTEM_TENANT } from '../../electron/core/vault/integrity-violation';
import { openVault } from '../../electron/core/vault/open-vault';
import { PASSPHRASE } from '../support/cli';
import { tempDir } from '../support/temp';

export interface Harness {
  app: FastifyInstance;
  db: Database.Database;
  key: string;
  vaultPath: string;
  /** Lock or unlock the vault as the desktop app would. */
  setLocked(locked: boolean): void;
  auth: { authorization: string };
  close(): Promise<void>;
}

export async function startCollector(options: Partial<CollectorDeps> = {}): Promise<Harness> {
  const vaultPath = path.join(tempDir(), 'collector.vault');
  const db = openVault(vaultPath, PASSPHRASE, { create: true });
  const key = createApiKey(db, 'test-app', 'tester').key;
  let locked = false;
  const app = Fastify({ ...COLLECTOR_SERVER_OPTIONS, logger: false });
  await registerCollectorApi(app, { vault: () => (locked ? null : db), ...options });
  await app.ready();
  return {
    app,
    db,
    key,
    vaultPath,
    setLocked: (value) => (locked = value),
    auth: { authorization: `Bearer ${key}` },
    async close() {
      await app.close();
      db.close();
    },
  };
}

/**
 * Records the collector stored from requests: the vault's own notes in auditdesk:system (the test
 * key's creation, which is itself recorded) are left out.
 */
const SENT = `NOT (tenant = '${SYSTEM_TENANT}' AND resource_type IS 'api_key')`;

export function recordCount(db: Database.Database, where = '1'): number {
  return (db.prepare(`SELECT count(*) AS n FROM records WHERE ${SENT} AND (${where})`).get() as { n: number }).n;
}

export function storedRecords(db: Database.Database, where = '1'): Array<Record<string, unknown>> {
  return (db.prepare(`SELECT canonical FROM records WHERE ${SENT} AND (${where}) ORDER BY pos`).all() as Array<{ canonical: string }>).map(
    (r) => JSON.parse(r.canonical) as Record<string, unknown>,
  );
}
