// Worker-thread entry (built to out/main/verify-vault-worker.js): opens the vault read-only on its own
// connection and verifies one range of positions (verify-range.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { ExpectedHead } from '../../../shared/chain/chain-break';
import { openVault } from './open-vault';
import { verifyRange, type RangeVerification } from './verify-range';
import type { WorkerVaultAccess } from './raw-key';

export interface VerifyVaultWorkerInput extends WorkerVaultAccess {
  fromPos: number;
  toPos: number;
  heads: ExpectedHead[];
  wantedSizes: number[];
}

export type VerifyVaultWorkerMessage =
  | { type: 'progress'; records: number }
  | { type: 'done'; result: RangeVerification }
  | { type: 'error'; message: string };

const input = workerData as VerifyVaultWorkerInput;
try {
  const db = openVault(input.vaultPath, input.passphrase, { readonly: true, pageMacCheck: false, rawKey: input.rawKey });
  try {
    const result = verifyRange(db, input.fromPos, input.toPos, input.heads, input.wantedSizes, (records) =>
      parentPort!.postMessage({ type: 'progress', records } satisfies VerifyVaultWorkerMessage));
    parentPort!.postMessage({ type: 'done', result } satisfies VerifyVaultWorkerMessage, [result.blockRoots.buffer as ArrayBuffer]);
  } finally {
    db.close();
  }
} catch (error) {
  parentPort!.postMessage({ type: 'error', message: (error as Error).message } satisfies VerifyVaultWorkerMessage);
}
