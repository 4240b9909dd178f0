// Worker-thread entry (built to out/main/verify-vault-worker.js): opens the vault read-only on its own
// connection and verifies one range of positions (verify-range.ts).
import { workerData } from 'node:worker_threads';
import type { ExpectedHead } from '../../../shared/chain/chain-break';
import { answerCaller } from '../worker-call';
import { openVault } from './open-vault';
import type { WorkerVaultAccess } from './raw-key';
import { verifyRange } from './verify-range';

export interface VerifyVaultWorkerInput extends WorkerVaultAccess {
  fromPos: number;
  toPos: number;
  heads: ExpectedHead[];
  wantedSizes: number[];
}

const input = workerData as VerifyVaultWorkerInput;
answerCaller((progress) => {
  const db = openVault(input.vaultPath, input.passphrase, { readonly: true, pageMacCheck: false, rawKey: input.rawKey });
  try {
    const result = verifyRange(db, input.fromPos, input.toPos, input.heads, input.wantedSizes, progress);
    return { result, transfer: [result.blockRoots.buffer as ArrayBuffer] };
  } finally {
    db.close();
  }
});
