// Worker-thread entry (built to out/main/retention-preview-worker.js): the Retention screen's preview
// (a dry run, which changes nothing) on a read-only connection of its own. At 1M records the preview
// walks the whole vault for its counts (~20 s); on the backend's thread that would hold every other
// request of the UI for as long.
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerAnswer } from '../worker-call';
import { openVault } from '../vault/open-vault';
import type { WorkerVaultAccess } from '../vault/raw-key';
import { runRetention, type RetentionReport } from './run-retention';

export interface PreviewWorkerInput extends WorkerVaultAccess {
  by: string;
  listLimit: number;
}

const input = workerData as PreviewWorkerInput;
let answer: WorkerAnswer<RetentionReport>;
try {
  const db = openVault(input.vaultPath, input.passphrase, { readonly: true, rawKey: input.rawKey });
  try {
    answer = { type: 'done', result: runRetention(db, { dryRun: true, by: input.by, listLimit: input.listLimit, vacuum: false }) };
  } finally {
    db.close();
  }
} catch (error) {
  answer = { type: 'error', message: (error as Error).message };
}
parentPort!.postMessage(answer);
