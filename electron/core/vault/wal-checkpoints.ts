// Background WAL checkpoints for a long-lived writer (the collector under `serve`). SQLite normally
// copies the write-ahead log back into the vault file inside whichever commit pushes the log past 1,000
// pages; with encryption that copy decrypts and re-encrypts ~4 MB, and the single-record POST that
// happened to trigger it waited 10-25 ms for it. Here the writer's connection stops checkpointing and a
// worker thread with its own connection does it, on the other core, every 25 ms: that often, the log
// is usually copied in full between two commits, so the next commit starts it again from the beginning
// instead of letting it grow (at 500 ms it grew to 200 MB under steady load).
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { builtWorker } from '../built-worker';
import type { WalCheckpointWorkerInput } from './wal-checkpoint-worker';

export interface WalCheckpoints {
  /** Whether a worker does the checkpoints (then other connections of this process should not). */
  active: boolean;
  /** Turns off a connection's own checkpoints while the worker does them. */
  release(db: Database.Database): void;
  stop(): Promise<void>;
}

/**
 * Moves `db`'s WAL checkpoints to a worker. Where the worker script is not built (tests run from the
 * sources), `db` keeps SQLite's automatic checkpoints: same outcome, in this thread.
 */
export function startWalCheckpoints(db: Database.Database, input: Omit<WalCheckpointWorkerInput, 'intervalMs'>, intervalMs = 25): WalCheckpoints {
  const script = builtWorker('wal-checkpoint-worker');
  if (!script) return { active: false, release: () => {}, stop: async () => {} };
  const worker = new Worker(script, { workerData: { ...input, intervalMs } satisfies WalCheckpointWorkerInput });
  worker.unref();
  db.pragma('wal_autocheckpoint = 0');
  // If the worker dies (it should not), the writer takes checkpoints back rather than grow the log forever.
  worker.once('error', () => db.open && db.pragma('wal_autocheckpoint = 1000'));
  return {
    active: true,
    release: (other) => other.pragma('wal_autocheckpoint = 0'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (db.open) db.pragma('wal_autocheckpoint = 1000');
        worker.once('message', () => void worker.terminate().then(() => resolve()));
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
