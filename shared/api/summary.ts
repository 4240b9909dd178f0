// Aggregates for the dashboard, the user activity and the resource trail screens.
import { z } from 'zod';

export const countSchema = z.object({ key: z.string(), count: z.number() });
export type Count = z.infer<typeof countSchema>;

/**
 * Set while the background indexer is still far behind: the figures then count the `indexed` records
 * only (the first ones admitted), of `total`. Null when every record is counted.
 */
export const countingSchema = z.object({ indexed: z.number(), total: z.number() }).nullable();
export type Counting = z.infer<typeof countingSchema>;

export const summarySchema = z.object({
  total: z.number(),
  first: z.string().nullable(),
  last: z.string().nullable(),
  byDay: z.array(countSchema),
  byOperation: z.array(countSchema),
  byKind: z.array(countSchema),
  byUser: z.array(countSchema),
  byResourceType: z.array(countSchema),
  byFramework: z.array(countSchema),
  byTenant: z.array(countSchema),
  sensitive: z.number(),
  openViolations: z.number(),
  violationsBySeverity: z.array(countSchema),
  counting: countingSchema,
});
export type Summary = z.infer<typeof summarySchema>;

export const activitySchema = z.object({
  total: z.number(),
  first: z.string().nullable(),
  last: z.string().nullable(),
  byDay: z.array(countSchema),
  byOperation: z.array(countSchema),
  byResourceType: z.array(countSchema),
  byUser: z.array(countSchema),
  names: z.array(z.string()),
  counting: countingSchema,
});
/** A user's activity, or a resource's history: the same shape, different groupings filled in. */
export type Activity = z.infer<typeof activitySchema>;
