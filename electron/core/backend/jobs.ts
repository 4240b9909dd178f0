// Long work runs as jobs that the UI polls through `job.get`: polling works the same through IPC and
// HTTP, and no request is held open while a million records are verified.
import { randomUUID } from 'node:crypto';
import type { Job } from '../../../shared/api/jobs';

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  start(kind: Job['kind'], label: string, work: (job: Job) => Promise<void>): Job {
    const job: Job = { id: randomUUID(), kind, label, state: 'running', done: 0, total: 0, error: null, verify: null, import: null };
    this.jobs.set(job.id, job);
    // Keep the last 50 jobs: enough for a session's history, bounded in memory.
    if (this.jobs.size > 50) this.jobs.delete(this.jobs.keys().next().value!);
    void work(job).then(
      () => {
        if (job.state === 'running') job.state = 'done';
      },
      (error: Error) => {
        job.state = 'failed';
        job.error = error.message;
      },
    );
    return job;
  }

  get(id: string): Job | undefined {
    const job = this.jobs.get(id);
    return job ? structuredClone(job) : undefined;
  }
}

/** Lets the event loop answer other requests between slices of long synchronous work. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
