// Verify and import run as jobs; the UI polls `job.get` for progress and the result.
import type { VerifyResult } from '../../../../shared/api/jobs';
import { fail, ok } from '../../../../shared/api/result';
import { chunkedVerifyLast } from '../last-verify';
import { requireDb, type HandlerMap } from '../context';
import { verifyInSlices } from '../chunked-verify';
import { importUploaded } from '../import-upload';

export const jobHandlers: HandlerMap = {
  'verify.start': (ctx) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    const job = ctx.jobs.start('verify', 'Verify every chain', async (j) => {
      const result: VerifyResult = await verifyInSlices(open.db, (done, total) => {
        j.done = done;
        j.total = total;
      });
      j.verify = result;
      chunkedVerifyLast.set(open.db, result);
    });
    return ok({ jobId: job.id });
  },
  'verify.last': (ctx) => {
    const open = requireDb(ctx);
    return open.ok ? ok(chunkedVerifyLast.get(open.db) ?? null) : open;
  },
  'import.start': (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    if (ctx.writing.busy) return fail('busy', 'another import is running; this file will need to be added again when it finishes');
    ctx.writing.busy = true;
    const job = ctx.jobs.start('import', body.name, async (j) => {
      try {
        j.total = body.content.length;
        j.import = await importUploaded(open.db, body.name, body.content, body.format, (done, total) => {
          j.done = done;
          j.total = total;
        });
        j.done = j.total;
      } finally {
        ctx.writing.busy = false;
        ctx.vaultChanged();
      }
    });
    return ok({ jobId: job.id });
  },
  'job.get': (ctx, body) => {
    const job = ctx.jobs.get(body.id);
    return job ? ok(job) : fail('not_found', 'no such job (jobs are kept for this session only)');
  },
};
