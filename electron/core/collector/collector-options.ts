// What the collector needs from whoever mounts it (the `serve` server, the desktop app, tests), and its
// limits. The vault is asked for on every request: the app may lock it at any time.
import type Database from 'better-sqlite3';
import type { IncomingMessage } from 'node:http';
import type { AuditRecord } from '../../../shared/records/record-schema';

export interface CollectorLimits {
  /** Largest request body as sent (compressed or not). Default 10 MB. */
  bodyBytes: number;
  /** Largest body after gzip/deflate decoding: a gzip bomb is refused with 413. Default 64 MB. */
  decodedBytes: number;
  /** A body must arrive within this many ms of the request's start, else 408. Default 30 s. */
  bodyTimeoutMs: number;
  /** Requests per second per API key, sustained; 429 with Retry-After beyond. Default 500. */
  ratePerSecond: number;
  /** Requests a key may make in a burst above the sustained rate. Default 1000. */
  rateBurst: number;
}

export const DEFAULT_LIMITS: CollectorLimits = {
  bodyBytes: 10 * 1024 * 1024,
  decodedBytes: 64 * 1024 * 1024,
  bodyTimeoutMs: 30_000,
  ratePerSecond: 500,
  rateBurst: 1000,
};

export interface CollectorDeps {
  /** The unlocked vault, or null while it is locked (the collector then answers 503 with Retry-After). */
  vault(): Database.Database | null;
  /** Host names (without port) that requests may name besides 127.0.0.1, localhost and ::1. */
  allowedHosts?: string[];
  /** Tenant of shipped documents whose index names none (see docs/collector.md). Default 'default'. */
  defaultTenant?: string;
  limits?: Partial<CollectorLimits>;
  /** Whether a request comes from the review UI's own session: it may then read without an API key. */
  isUiSession?: (request: IncomingMessage) => boolean;
  /** Answer `GET /` and `HEAD /` as Elasticsearch does (Filebeat and Logstash ask it first). Default true;
   *  a server that shows its UI at `/` passes false and shippers use the `/es` prefix instead. */
  elasticsearchRoot?: boolean;
  /** Seconds a client should wait when the vault is locked or busy. Default 5. */
  retryAfterSeconds?: number;
  /** Called with each batch's valid records before they are admitted (e.g. sensitive-data marking). */
  prepareRecords?: (records: AuditRecord[]) => AuditRecord[];
  /** Called as each collector request arrives (serve holds its background indexing back meanwhile). */
  onRequest?: () => void;
  /** The clock, for the rate limiter; tests pass their own. */
  now?: () => number;
}

/**
 * Server-level settings the collector relies on, for the server that mounts it:
 * `Fastify({ ...COLLECTOR_SERVER_OPTIONS, … })`. Slow clients: headers must arrive within 10 s and the
 * whole request within 60 s; idle keep-alive connections are closed after 5 s.
 */
export const COLLECTOR_SERVER_OPTIONS = {
  bodyLimit: DEFAULT_LIMITS.bodyBytes,
  requestTimeout: 60_000,
  connectionTimeout: 60_000,
  keepAliveTimeout: 5_000,
  http: { headersTimeout: 10_000 },
} as const;
