// Worker-thread entry (built to out/main/report-pass-worker.js): opens the vault read-only on its own
// connection, reads one range of positions for a report (vault-pass.ts) and posts back the range's
// chain segments and evidence hashes with what its accumulator gathered.
import { parentPort, workerData } from 'node:worker_threads';
import { ReportAccumulator, type AccumulatorOptions, type AccumulatorState } from '../../../../shared/reports/report-accumulator';
import { openVault } from '../../vault/open-vault';
import { passRange, type PassScope, type RangePass } from './vault-pass';
import type { WorkerVaultAccess } from '../../vault/raw-key';

export interface ReportPassWorkerInput extends WorkerVaultAccess {
  scope: PassScope;
  fromPos: number;
  toPos: number;
  accumulator: Pick<AccumulatorOptions, 'query' | 'signer' | 'generatedAt'>;
}

export type ReportPassWorkerMessage =
  | { type: 'progress'; records: number }
  | { type: 'done'; range: RangePass; gathered: AccumulatorState }
  | { type: 'error'; message: string };

const input = workerData as ReportPassWorkerInput;
try {
  // Without the page MAC: the pass re-hashes every record it uses (docs/vault.md, "Page MAC").
  const db = openVault(input.vaultPath, input.passphrase, { readonly: true, pageMacCheck: false, rawKey: input.rawKey });
  try {
    const acc = new ReportAccumulator(input.accumulator);
    const range = passRange(db, input.scope, input.fromPos, input.toPos, acc, (records) =>
      parentPort!.postMessage({ type: 'progress', records } satisfies ReportPassWorkerMessage));
    parentPort!.postMessage({ type: 'done', range, gathered: acc.state() } satisfies ReportPassWorkerMessage);
  } finally {
    db.close();
  }
} catch (error) {
  parentPort!.postMessage({ type: 'error', message: (error as Error).message } satisfies ReportPassWorkerMessage);
}
