// The Integrity screen's ledger contract (issue 4): the ledger's state and checkpoint history, the
// producers' checkpoints witnessed, and a record's inclusion proof as a file to download.
import { z } from 'zod';
import { recordRefSchema } from './record';
import { downloadSchema } from './reports';

export const checkpointRowSchema = z.object({
  size: z.number(),
  root: z.string(),
  createdAt: z.string(),
  reason: z.string(),
});

export const ledgerStatusSchema = z.object({
  /** Null: the vault was made without a signing key, so it has no ledger. */
  origin: z.string().nullable(),
  vkey: z.string().nullable(),
  /** Records in the log, and its current root (base64). */
  size: z.number(),
  root: z.string().nullable(),
  /** Newest first. */
  checkpoints: z.array(checkpointRowSchema),
  /** Records admitted since the last checkpoint: not yet covered by a signature. */
  uncovered: z.number(),
  witnessed: z.array(z.object({
    tenant: z.string(),
    origin: z.string(),
    size: z.number(),
    root: z.string(),
    status: z.enum(['match', 'mismatch', 'incomplete']),
    witnessedAt: z.string(),
  })),
});
export type LedgerStatus = z.infer<typeof ledgerStatusSchema>;

/** The tree recomputed from every record and each signed checkpoint checked against it. */
export const ledgerVerifySchema = z.object({
  ok: z.boolean(),
  size: z.number(),
  root: z.string(),
  /** Checkpoints whose root was compared with the recomputed tree. */
  checkpoints: z.number(),
  problems: z.array(z.object({ kind: z.string(), detail: z.string(), size: z.number().optional() })),
  finishedAt: z.string(),
});
export type LedgerVerify = z.infer<typeof ledgerVerifySchema>;

/** Merged into ROUTES (shared/api/routes.ts). */
export const ledgerRoutes = {
  'ledger.status': { request: z.object({}).strict(), response: ledgerStatusSchema },
  /** A c2sp.org/tlog-proof file for one record, against the latest checkpoint that covers it. */
  'ledger.proof': { request: recordRefSchema, response: downloadSchema },
  'ledger.verify': { request: z.object({}).strict(), response: ledgerVerifySchema },
} as const;
