// Worker-thread entry (built to out/main/detect-period-worker.js): opens the vault read-only on its
// own connection and runs the detection rules over one range of positions (detect-period.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { openVault } from '../../vault/open-vault';
import type { HitsState } from './detect';
import { scanRange } from './detect-period';
import type { RulesConfig } from './rules-config';
import type { ScanPeriod } from './scan-row';
import type { WorkerVaultAccess } from '../../vault/raw-key';

export interface DetectPeriodWorkerInput extends WorkerVaultAccess {
  config: RulesConfig;
  period: ScanPeriod;
  fromPos: number;
  toPos: number;
}

export type DetectPeriodWorkerMessage = { type: 'done'; hits: HitsState } | { type: 'error'; message: string };

const input = workerData as DetectPeriodWorkerInput;
try {
  const db = openVault(input.vaultPath, input.passphrase, { readonly: true, rawKey: input.rawKey });
  let hits: HitsState;
  try {
    hits = scanRange(db, input.config, input.period, input.fromPos, input.toPos).state();
  } finally {
    // Closed before answering: the main thread then finds the vault alone for its write (detect-period.ts).
    db.close();
  }
  parentPort!.postMessage({ type: 'done', hits } satisfies DetectPeriodWorkerMessage);
} catch (error) {
  parentPort!.postMessage({ type: 'error', message: (error as Error).message } satisfies DetectPeriodWorkerMessage);
}
