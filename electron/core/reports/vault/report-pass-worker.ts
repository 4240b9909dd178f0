// Worker-thread entry (built to out/main/report-pass-worker.js): opens the vault read-only on its own
// connection, reads one part of a report's pass (report-parts.ts) and answers with the part's chain
// segments and evidence hashes and what its accumulator gathered.
import { workerData } from 'node:worker_threads';
import { ReportAccumulator, type AccumulatorOptions, type AccumulatorState } from '../../../../shared/reports/report-accumulator';
import { readInWorker } from '../../vault/read-in-worker';
import type { WorkerVaultAccess } from '../../vault/raw-key';
import { transferablesOf } from './evidence-runs';
import { needsPageMac, readReportPart, type ReportPart } from './report-parts';
import type { PassScope, RangePass } from './vault-pass';

export interface ReportPassWorkerInput extends WorkerVaultAccess {
  scope: PassScope;
  part: ReportPart;
  accumulator: Pick<AccumulatorOptions, 'query' | 'signer' | 'generatedAt'>;
}

export interface ReportPassResult {
  ranges: RangePass[];
  gathered: AccumulatorState;
}

const input = workerData as ReportPassWorkerInput;
// Without the page MAC when the part only re-hashes records (docs/vault.md, "Page MAC").
readInWorker<ReportPassResult>(input, { pageMacCheck: needsPageMac(input.part) }, (db, progress) => {
  const acc = new ReportAccumulator(input.accumulator);
  const ranges = readReportPart(db, input.scope, input.part, acc, progress);
  // The evidence hashes' buffers are handed over, not copied (evidence-runs.ts).
  return { result: { ranges, gathered: acc.state() }, transfer: transferablesOf(ranges.map((r) => r.hashes)) };
});
