// The Retention screen's contract (issue 6): the policies from the settings, a dry-run preview of
// what a run would archive and purge, the legal holds with their add/release, and the history of
// retention actions as recorded in the chain. Pure schemas: the engine is electron/core/retention.
import { z } from 'zod';

export const retentionPolicySchema = z.object({
  retention_days: z.record(z.string(), z.number()),
  archive_after_days: z.number().nullable(),
});
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export const plannedRecordSchema = z.object({
  pos: z.number(),
  tenant: z.string(),
  id: z.string(),
  seq: z.number(),
  kind: z.string(),
  timestamp: z.string(),
  framework: z.string(),
});
export type PlannedRecord = z.infer<typeof plannedRecordSchema>;

export const retentionPreviewSchema = z.object({
  as_of: z.string(),
  policy: retentionPolicySchema,
  archive: z.object({ count: z.number(), held: z.number(), records: z.array(plannedRecordSchema), skipped: z.string().nullable() }),
  purge: z.object({ count: z.number(), held: z.number(), records: z.array(plannedRecordSchema), by_tenant: z.record(z.string(), z.number()) }),
  /** How many records each list shows at most (the counts are always complete). */
  list_limit: z.number(),
});
export type RetentionPreview = z.infer<typeof retentionPreviewSchema>;

export const holdSchema = z.object({
  id: z.number(),
  tenant: z.string().nullable(),
  resource_type: z.string().nullable(),
  resource_id: z.string().nullable(),
  user: z.string().nullable(),
  from_utc: z.string().nullable(),
  to_utc: z.string().nullable(),
  reason: z.string(),
  created_at: z.string(),
  created_by: z.string(),
  released_at: z.string().nullable(),
  released_by: z.string().nullable(),
  /** Records the hold's criteria cover. */
  records: z.number(),
});
export type Hold = z.infer<typeof holdSchema>;

const optionalText = z.string().trim().max(500).optional().transform((v) => (v ? v : undefined));

export const addHoldSchema = z.object({
  tenant: optionalText,
  /** "TYPE" or "TYPE/ID". */
  resource: optionalText,
  user: optionalText,
  /** YYYY-MM-DD (whole days, inclusive) or RFC 3339. */
  from: optionalText,
  to: optionalText,
  reason: z.string().trim().min(1, 'a legal hold needs a reason').max(2000),
});
export type AddHold = z.input<typeof addHoldSchema>;

export const releaseHoldSchema = z.object({ id: z.number().int().positive(), reason: z.string().max(2000).optional() });

export const retentionActionSchema = z.object({
  pos: z.number(),
  tenant: z.string(),
  id: z.string(),
  user: z.string().nullable(),
  timestamp: z.string(),
  operation: z.string(),
  resource_type: z.string(),
  resource_id: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type RetentionAction = z.infer<typeof retentionActionSchema>;

export const retentionOverviewSchema = z.object({
  policy: retentionPolicySchema.nullable(),
  /** Why the policy could not be read (a malformed setting), for the user to fix. */
  policy_error: z.string().nullable(),
  holds: z.array(holdSchema),
  actions: z.array(retentionActionSchema),
});
export type RetentionOverview = z.infer<typeof retentionOverviewSchema>;

/** Merged into ROUTES (shared/api/routes.ts). */
export const retentionRoutes = {
  'retention.overview': { request: z.object({}).strict(), response: retentionOverviewSchema },
  /** A dry run: changes nothing, lists what a run would archive and purge. */
  'retention.preview': { request: z.object({ list_limit: z.number().int().positive().max(5000).optional() }), response: retentionPreviewSchema },
  'retention.addHold': { request: addHoldSchema, response: holdSchema },
  'retention.releaseHold': { request: releaseHoldSchema, response: holdSchema },
} as const;
