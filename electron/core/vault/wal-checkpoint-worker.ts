// Worker-thread entry (built to out/main/wal-checkpoint-worker.js): copies the vault's write-ahead log
// back into the vault file on its own connection, every interval, so that the connection admitting
// collector batches never stops to do it (see wal-checkpoints.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { openVault } from './open-vault';

export interface WalCheckpointWorkerInput {
  vaultPath: string;
  passphrase: string;
  intervalMs: number;
  nativeBinding?: string;
}

const input = workerData as WalCheckpointWorkerInput;
const db = openVault(input.vaultPath, input.passphrase, { nativeBinding: input.nativeBinding });
const timer = setInterval(() => {
  try {
    // PASSIVE: copies what it can without waiting for (or blocking) readers and the writer.
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or interrupted: the next tick tries again, and nothing is lost meanwhile (the log keeps it).
  }
}, input.intervalMs);
parentPort!.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort!.postMessage('closed');
});
