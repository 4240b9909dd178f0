// The checks every collector request passes before its handler runs, in order: the vault must be
// unlocked (503 + Retry-After), the request must carry a valid, unrevoked API key (401) or come from the
// UI's session when reading, and the key must be within its rate (429 + Retry-After).
import type Database from 'better-sqlite3';
import type { FastifyRequest } from 'fastify';
import { authenticateApiKey, touchApiKey } from '../../keys/api-keys';
import { DEFAULT_LIMITS, type CollectorDeps, type CollectorLimits } from '../collector-options';
import { GroupCommit } from '../group-commit';
import { ApiError, unauthorized } from './api-error';
import { presentedKey } from './credentials';
import { RateLimiter } from './rate-limiter';

export interface Caller {
  db: Database.Database;
  /** The key that sent the request; null for the UI session. */
  apiKeyId: number | null;
  /** Who is asking, for records the collector itself writes (a violation's resolution). */
  who: string;
}

/** last_used_at is a hint for the key list, not an audit record: written at most once a minute a key. */
const TOUCH_EVERY_MS = 60_000;

export class RequestGate {
  readonly limits: CollectorLimits;
  /** Writes go through here: requests arriving together share one transaction. */
  readonly commits = new GroupCommit();
  private readonly limiter: RateLimiter;
  private readonly touched = new Map<number, number>();

  constructor(readonly deps: CollectorDeps) {
    this.limits = { ...DEFAULT_LIMITS, ...deps.limits };
    this.limiter = new RateLimiter(this.limits.ratePerSecond, this.limits.rateBurst, deps.now);
  }

  get retryAfter(): string {
    return String(this.deps.retryAfterSeconds ?? 5);
  }

  vault(): Database.Database {
    const db = this.deps.vault();
    if (!db) {
      throw new ApiError(503, 'the vault is locked: unlock it in AuditDesk, then send again', {}, { 'retry-after': this.retryAfter });
    }
    return db;
  }

  /** Vault, key and rate checks; `reading` lets the UI's own session through without a key. */
  admit(request: FastifyRequest, { reading = false } = {}): Caller {
    const db = this.vault();
    const key = presentedKey(request.headers.authorization);
    if (key === null) {
      if (reading && this.deps.isUiSession?.(request.raw)) return { db, apiKeyId: null, who: 'auditdesk-ui' };
      throw unauthorized('an API key is required: Authorization: Bearer KEY (create one with `auditdesk keys create`)');
    }
    const found = authenticateApiKey(db, key);
    if (!found) throw unauthorized('this API key is not valid or has been revoked');
    const wait = this.limiter.take(found.id);
    if (wait > 0) {
      throw new ApiError(429, `too many requests for key ${found.name}; retry in ${wait} s`, {}, { 'retry-after': String(wait) });
    }
    const now = Date.now();
    if (now - (this.touched.get(found.id) ?? 0) > TOUCH_EVERY_MS) {
      this.touched.set(found.id, now);
      touchWithoutWaiting(db, found.id);
    }
    return { db, apiKeyId: found.id, who: `api-key:${found.name}` };
  }
}

/**
 * Writes the key's last use only if the vault is free this instant. While an import in another
 * process holds the write lock, waiting for it (busy_timeout, 5 s) would hold up a read that needs no
 * lock at all; the hint is written on a later request instead.
 */
function touchWithoutWaiting(db: Database.Database, keyId: number): void {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    touchApiKey(db, keyId);
  } catch {
    // Busy: a hint, not a record; never a reason to fail or delay the request.
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
