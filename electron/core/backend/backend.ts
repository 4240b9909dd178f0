// The one backend behind both doors: Electron's IPC (electron/main/ipc.ts) and `auditdesk serve`'s
// HTTP (electron/core/server). A door hands over {route, body} exactly as the renderer sent them; the
// backend parses the body against the route's schema and answers an error value, never a throw.
import os from 'node:os';
import { fail, type Result } from '../../../shared/api/result';
import { isRouteName, ROUTES, type RouteName } from '../../../shared/api/routes';
import { indexNextBatch } from '../queries/review-indexer';
import type { BackendContext, BackendOptions, Handler, HandlerMap } from './context';
import { jobHandlers } from './handlers/job-handlers';
import { ledgerHandlers } from './handlers/ledger-handlers';
import { reportsHandlers } from './handlers/reports-handlers';
import { retentionHandlers } from './handlers/retention-handlers';
import { reviewHandlers } from './handlers/review-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { viewsHandlers } from './handlers/views-handlers';
import { violationsHandlers } from './handlers/violations-handlers';
import { JobRegistry } from './jobs';
import { VaultSession } from './vault-session';

export interface Backend {
  handle(route: string, body: unknown): Promise<Result<unknown>>;
  /** Adds handlers (the desktop shell answers the dialog.* routes itself). */
  extend(handlers: HandlerMap): void;
  readonly context: BackendContext;
  /** Holds background indexing back for `ms` (the collector calls it on each request it serves). */
  pauseIndexing(ms: number): void;
  close(): void;
}

const HANDLERS: HandlerMap = { ...sessionHandlers, ...reviewHandlers, ...jobHandlers, ...violationsHandlers, ...retentionHandlers, ...reportsHandlers, ...ledgerHandlers, ...settingsHandlers, ...viewsHandlers };

/** Background indexing slices: their target duration, and the bounds of their size in records. */
const SLICE_MS = 5;
const MIN_INDEX_BATCH = 16;
const MAX_INDEX_BATCH = 1000;

export function createBackend(options: BackendOptions): Backend {
  const handlers: HandlerMap = { ...HANDLERS };
  const session = new VaultSession(options.vaultPath ?? null, options.nativeBinding, options.signerSource);
  session.configureConnection = options.configureConnection ?? null;
  let indexing: NodeJS.Immediate | null = null;
  const context: BackendContext = {
    options,
    session,
    jobs: new JobRegistry(),
    writing: { busy: false },
    reviewer: options.reviewer ?? reviewerName(),
    vaultChanged: () => scheduleIndexing(),
  };

  // The search index and summary cube catch up a batch at a time between requests; an import's open
  // transaction, a lock or a closed backend pauses it.
  let indexBatch = MIN_INDEX_BATCH;
  // While the collector is busy, indexing waits: a record acknowledged quickly matters more than one
  // searchable a moment sooner (the Trail says how much of the vault the search covers).
  let pausedUntil = 0;
  let resume: NodeJS.Timeout | null = null;
  function scheduleIndexing(): void {
    if (options.backgroundIndexing === false || indexing || resume) return;
    indexing = setImmediate(() => {
      indexing = null;
      const wait = pausedUntil - performance.now();
      if (wait > 0) {
        resume = setTimeout(() => {
          resume = null;
          scheduleIndexing();
        }, wait);
        return;
      }
      const db = session.connection;
      if (!db || context.writing.busy || db.inTransaction) return;
      // Slices of about 5 ms: a request that arrives meanwhile (a Trail page, a collector POST) waits
      // for the slice to finish, so the slice is sized by the time it took, not by a fixed count.
      const started = performance.now();
      const coverage = indexNextBatch(db, indexBatch);
      const took = performance.now() - started;
      if (took < SLICE_MS / 2) indexBatch = Math.min(indexBatch * 2, MAX_INDEX_BATCH);
      else if (took > SLICE_MS * 2) indexBatch = Math.max(Math.floor(indexBatch / 2), MIN_INDEX_BATCH);
      if (coverage.indexed < coverage.total) scheduleIndexing();
    });
  }

  if (options.vaultPath && options.passphrase) {
    session.unlock(options.passphrase);
    scheduleIndexing();
  }

  return {
    context,
    extend(more) {
      Object.assign(handlers, more);
    },
    async handle(route, body) {
      if (!isRouteName(route)) return fail('not_found', `unknown route ${JSON.stringify(String(route)).slice(0, 80)}`);
      const parsed = ROUTES[route].request.safeParse(body ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        return fail('bad_request', `${where}${issue?.message ?? 'invalid request'}`);
      }
      const handler = handlers[route] as Handler<RouteName> | undefined;
      if (!handler) return fail('not_supported', `${route} is not available here`);
      try {
        return await handler(context, parsed.data as never);
      } catch (error) {
        // A bug, not a user error: say so plainly, without a stack across the boundary.
        return fail('internal', `unexpected error in ${route}: ${(error as Error).message}`);
      }
    },
    pauseIndexing(ms) {
      pausedUntil = Math.max(pausedUntil, performance.now() + ms);
    },
    close() {
      if (indexing) clearImmediate(indexing);
      if (resume) clearTimeout(resume);
      indexing = null;
      resume = null;
      session.lock();
    },
  };
}

function reviewerName(): string {
  try {
    return `${os.userInfo().username}@${os.hostname()}`;
  } catch {
    return 'reviewer';
  }
}
