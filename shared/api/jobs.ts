// Long work (verify, import, search indexing) runs as a job the UI polls: polling works the same
// through IPC and HTTP, and a slow job never holds a request open.
import { z } from 'zod';

const breakSchema = z.object({ seq: z.number(), kind: z.string(), detail: z.string() });

export const chainStatusSchema = z.object({
  tenant: z.string(),
  records: z.number(),
  ok: z.boolean(),
  head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
  break: breakSchema.nullable(),
  /** The record at the break, to link to (null when the break is a missing seq). */
  breakPos: z.number().nullable(),
});
export type ChainStatus = z.infer<typeof chainStatusSchema>;

export const verifyResultSchema = z.object({
  ok: z.boolean(),
  records: z.number(),
  chains: z.array(chainStatusSchema),
  finishedAt: z.string(),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;

export const importResultSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  format: z.string().nullable(),
  records: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  conflicts: z.number(),
  rejectedCount: z.number(),
  rejected: z.array(z.object({ line: z.number(), field: z.string(), message: z.string() })),
  breaks: z.array(z.object({ tenant: z.string(), seq: z.number(), kind: z.string(), detail: z.string() })),
  /** Why the whole file was refused before reading records (unreadable, unknown format …). */
  error: z.string().nullable(),
});
export type ImportResultView = z.infer<typeof importResultSchema>;

export const jobSchema = z.object({
  id: z.string(),
  kind: z.enum(['verify', 'import']),
  label: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  done: z.number(),
  total: z.number(),
  error: z.string().nullable(),
  verify: verifyResultSchema.nullable(),
  import: importResultSchema.nullable(),
});
export type Job = z.infer<typeof jobSchema>;
