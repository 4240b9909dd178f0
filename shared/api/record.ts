// One record in full, with its place in the chain and the records around it.
import { z } from 'zod';
import { trailRowSchema } from './trail';

/** Where a record is: by admission position, or by tenant and id / seq. */
export const recordRefSchema = z.union([
  z.object({ pos: z.number().int().positive() }),
  z.object({ tenant: z.string().min(1), id: z.string().min(1) }),
  z.object({ tenant: z.string().min(1), seq: z.number().int().positive() }),
]);
export type RecordRef = z.infer<typeof recordRefSchema>;

const neighbourSchema = z.object({ pos: z.number(), seq: z.number(), id: z.string(), audit_hash: z.string() });

export const recordDetailSchema = z.object({
  pos: z.number(),
  /** Every member of the record as stored (sensitive values replaced by MASK unless revealed). */
  record: z.record(z.string(), z.unknown()),
  audit_hash: z.string(),
  admitted_at: z.string(),
  /**
   * When retention purged the record (issue 6), else null. A purged record keeps only its id, tenant,
   * seq and audit_hash: it is not re-hashed, and hashOk and linkOk then say whether the chain still
   * links through it (the next record's prev_hash names its audit_hash).
   */
  purged_at: z.string().nullable(),
  chain: z.object({
    seq: z.number(),
    prev_hash: z.string(),
    /** The stored bytes hash to audit_hash. */
    hashOk: z.boolean(),
    /** prev_hash is the previous record's audit_hash (or 64 zeros at seq 1). */
    linkOk: z.boolean(),
    /** For a purged record: the next record's prev_hash is its audit_hash (null: no next, or purged too). */
    nextLinks: z.boolean().nullable(),
    head: z.number().nullable(),
    prev: neighbourSchema.nullable(),
    next: neighbourSchema.nullable(),
  }),
  /** The record named by parent_audit_id, and the records that name this one as parent. */
  parent: trailRowSchema.nullable(),
  children: z.array(trailRowSchema),
  /** Dotted paths of masked values, e.g. "old_data.password". Empty once revealed. */
  masked: z.array(z.string()),
  /** Set by record.reveal: the id of the READ record that logged the reveal. */
  revealRecordId: z.string().nullable(),
});
export type RecordDetail = z.infer<typeof recordDetailSchema>;

/** What a masked value is replaced with; the real value never leaves the backend until revealed. */
export const MASK = '\u2022\u2022\u2022\u2022\u2022\u2022';
