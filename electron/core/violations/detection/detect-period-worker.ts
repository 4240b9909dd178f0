// Worker-thread entry (built to out/main/detect-period-worker.js): opens the vault read-only on its
// own connection and runs the detection rules over one range of positions (detect-period.ts).
import { workerData } from 'node:worker_threads';
import { openVault } from '../../vault/open-vault';
import type { WorkerVaultAccess } from '../../vault/raw-key';
import { answerCaller } from '../../worker-call';
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
answerCaller(() => {
  const db = openVault(input.vaultPath, input.passphrase, { readonly: true, rawKey: input.rawKey });
  try {
    return { result: scanRange(db, input.config, input.period, input.fromPos, input.toPos).state() };
  } finally {
    // Closed before answering: the main thread then finds the vault alone for its write (detect-period.ts).
    db.close();
  }
});
