// Worker-thread entry (built to out/main/report-pass-worker.js): opens the vault read-only on its own
// connection, reads one range of positions for a report (vault-pass.ts) and answers with the range's
// chain segments and evidence hashes and what its accumulator gathered.
import { workerData } from 'node:worker_threads';
import { ReportAccumulator, type AccumulatorOptions, type AccumulatorState } from '../../../../shared/reports/report-accumulator';
import { readInWorker } from '../../vault/read-in-worker';
import type { WorkerVaultAccess } from '../../vault/raw-key';
import { passRange, type PassScope, type RangePass } from './vault-pass';

export interface ReportPassWorkerInput extends WorkerVaultAccess {
  scope: PassScope;
  fromPos: number;
  toPos: number;
  accumulator: Pick<AccumulatorOptions, 'query' | 'signer' | 'generatedAt'>;
}

export interface ReportPassResult {
  range: RangePass;
  gathered: AccumulatorState;
}

const input = workerData as ReportPassWorkerInput;
// Without the page MAC: the pass re-hashes every record it uses (docs/vault.md, "Page MAC").
readInWorker<ReportPassResult>(input, { pageMacCheck: false }, (db, progress) => {
  const acc = new ReportAccumulator(input.accumulator);
  const range = passRange(db, input.scope, input.fromPos, input.toPos, acc, progress);
  return { result: { range, gathered: acc.state() } };
});
