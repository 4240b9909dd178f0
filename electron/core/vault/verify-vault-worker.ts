// Worker-thread entry (built to out/main/verify-vault-worker.js): opens the vault read-only on its own
// connection and verifies one range of positions (verify-range.ts).
import { workerData } from 'node:worker_threads';
import type { ExpectedHead } from '../../../shared/chain/chain-break';
import { readInWorker } from './read-in-worker';
import type { WorkerVaultAccess } from './raw-key';
import { verifyRange } from './verify-range';

export interface VerifyVaultWorkerInput extends WorkerVaultAccess {
  fromPos: number;
  toPos: number;
  heads: ExpectedHead[];
  wantedSizes: number[];
}

const input = workerData as VerifyVaultWorkerInput;
// Without the page MAC: verify re-hashes every byte it reads (docs/vault.md, "Page MAC").
readInWorker(input, { pageMacCheck: false }, (db, progress) => {
  const result = verifyRange(db, input.fromPos, input.toPos, input.heads, input.wantedSizes, progress);
  return { result, transfer: [result.blockRoots.buffer as ArrayBuffer] };
});
