// Worker-thread entry (built to out/main/detect-period-worker.js): opens the vault read-only on its
// own connection and runs the detection rules over one range of positions (detect-period.ts).
import { workerData } from 'node:worker_threads';
import { readInWorker } from '../../vault/read-in-worker';
import type { WorkerVaultAccess } from '../../vault/raw-key';
import { scanRange } from './detect-period';
import type { RulesConfig } from './rules-config';
import type { ScanPeriod } from './scan-row';

export interface DetectPeriodWorkerInput extends WorkerVaultAccess {
  config: RulesConfig;
  period: ScanPeriod;
  fromPos: number;
  toPos: number;
}

const input = workerData as DetectPeriodWorkerInput;
// The connection is closed before the answer goes: the main thread then finds the vault alone for its
// write (detect-period.ts).
readInWorker(input, {}, (db) => ({ result: scanRange(db, input.config, input.period, input.fromPos, input.toPos).state() }));
