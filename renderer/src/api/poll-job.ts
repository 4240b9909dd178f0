// Follows a job until it ends, reporting each state seen.
import type { Job } from '../../../shared/api/jobs';
import { api } from './transport';

export async function followJob(id: string, onUpdate: (job: Job) => void, intervalMs = 250): Promise<Job | null> {
  for (;;) {
    const answer = await api.call('job.get', { id });
    if (!answer.ok) return null;
    onUpdate(answer.value);
    if (answer.value.state !== 'running') return answer.value;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
