// Worker-thread entry (built to out/main/verify-file-worker.js): verifies one byte range of an NDJSON
// file and sends back its compact batch (typed arrays, transferred, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import { RangeLineError, verifyNdjsonRange } from './verify-file-ndjson';

export type VerifyWorkerMessage =
  | { type: 'done'; result: Awaited<ReturnType<typeof verifyNdjsonRange>> }
  | { type: 'error'; relativeLine: number | null; message: string };

const { file, start, end } = workerData as { file: string; start: number; end: number };
verifyNdjsonRange(file, { start, end }).then(
  (result) => {
    const b = result.batch;
    parentPort!.postMessage({ type: 'done', result } satisfies VerifyWorkerMessage, [
      b.tenantIndex.buffer, b.seq.buffer, b.hashes.buffer, b.hashOk.buffer, b.line.buffer,
    ] as ArrayBuffer[]);
  },
  (error: Error) => {
    const relativeLine = error instanceof RangeLineError ? error.relativeLine : null;
    const message = error instanceof RangeLineError ? error.problem : error.message;
    parentPort!.postMessage({ type: 'error', relativeLine, message } satisfies VerifyWorkerMessage);
  },
);
