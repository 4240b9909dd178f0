// Worker-thread entry (built to out/main/retention-preview-worker.js): the Retention screen's preview
// (a dry run, which changes nothing) on a read-only connection of its own. At 1M records the preview
// walks the whole vault for its counts (~15-20 s); on the backend's thread that would hold every other
// request of the UI for as long.
import { workerData } from 'node:worker_threads';
import { readInWorker } from '../vault/read-in-worker';
import type { WorkerVaultAccess } from '../vault/raw-key';
import { runRetention } from './run-retention';

export interface PreviewWorkerInput extends WorkerVaultAccess {
  by: string;
  listLimit: number;
}

const input = workerData as PreviewWorkerInput;
readInWorker(input, {}, (db) => ({
  result: runRetention(db, { dryRun: true, by: input.by, listLimit: input.listLimit, vacuum: false }),
}));
