// Runs one job on a worker thread of the built engine and answers its result: the worker posts
// { type: 'done', result } or { type: 'error', message } once (a UserError's message, for the user).
// Used where a long read would otherwise hold the backend's one thread, so the UI stays answered.
import { Worker } from 'node:worker_threads';
import { UserError } from './errors';

export type WorkerAnswer<T> = { type: 'done'; result: T } | { type: 'error'; message: string };

export function callWorker<T>(script: string, input: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(script, { workerData: input });
    worker.once('message', (answer: WorkerAnswer<T>) => {
      if (answer.type === 'done') resolve(answer.result);
      else reject(new UserError(answer.message));
      void worker.terminate();
    });
    worker.once('error', reject);
    // Answered by then, unless the thread died without a word.
    worker.once('exit', (code) => reject(new UserError(`a worker thread stopped (exit code ${code})`)));
  });
}
