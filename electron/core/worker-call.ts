// One job on a worker thread of the built engine, both sides of it. Verify, detection, a report's pass
// and the retention preview each read a large vault on worker threads (a worker opens the vault again
// with the derived key, raw-key.ts); they all speak this one protocol: any number of
// { type: 'progress', records }, then one { type: 'done', result } or { type: 'error', message } (the
// message of what the worker threw, for the user).
import { parentPort, Worker } from 'node:worker_threads';
import { UserError } from './errors';

export type WorkerMessage<T> =
  | { type: 'progress'; records: number }
  | { type: 'done'; result: T }
  | { type: 'error'; message: string };

/** A job running on a worker thread: its result, and the thread (to stop when the caller gives up on it). */
export interface WorkerJob<T> {
  worker: Worker;
  done: Promise<T>;
}

export function startWorkerJob<T>(script: string, input: unknown, onProgress?: (records: number) => void): WorkerJob<T> {
  const worker = new Worker(script, { workerData: input });
  const done = new Promise<T>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage<T>) => {
      if (message.type === 'progress') return onProgress?.(message.records);
      if (message.type === 'done') resolve(message.result);
      else reject(new UserError(message.message));
      void worker.terminate();
    });
    worker.once('error', reject);
    // Settled by then, unless the thread died without a word.
    worker.once('exit', (code) => reject(new UserError(`a worker thread stopped (exit code ${code})`)));
  });
  return { worker, done };
}

/** The job's result, once the worker has answered. */
export function callWorker<T>(script: string, input: unknown, onProgress?: (records: number) => void): Promise<T> {
  return startWorkerJob<T>(script, input, onProgress).done;
}

/**
 * The worker's side: runs `job` once and posts what it gives (with buffers to move rather than copy)
 * or the message of what it threw. `progress` tells the caller how many records have been read.
 */
export function answerCaller<T>(job: (progress: (records: number) => void) => { result: T; transfer?: ArrayBuffer[] }): void {
  const port = parentPort!;
  const progress = (records: number) => port.postMessage({ type: 'progress', records } satisfies WorkerMessage<T>);
  let answer: WorkerMessage<T>;
  let transfer: ArrayBuffer[] = [];
  try {
    const done = job(progress);
    answer = { type: 'done', result: done.result };
    transfer = done.transfer ?? [];
  } catch (error) {
    answer = { type: 'error', message: (error as Error).message };
  }
  port.postMessage(answer, transfer);
}
