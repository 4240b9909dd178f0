// The Trail's query (filters, sort, keyset cursor) and its pages of rows.
import { z } from 'zod';

const text = z.string().trim().min(1).max(500);

export const TRAIL_SORTS = ['time', 'tenant', 'user', 'operation', 'resource_type', 'kind'] as const;
export type TrailSort = (typeof TRAIL_SORTS)[number];

/** Filters shared by the Trail, the summary and exports: every one optional, all combined with AND. */
export const trailFilterSchema = z.object({
  tenant: text.optional(),
  kind: z.enum(['log', 'query', 'export', 'violation']).optional(),
  user: text.optional(),
  operation: text.optional(),
  resource_type: text.optional(),
  resource_id: text.optional(),
  framework: text.optional(),
  classification: text.optional(),
  sensitive: z.boolean().optional(),
  severity: text.optional(),
  status: text.optional(),
  /** Inclusive: a date (YYYY-MM-DD) or an RFC 3339 instant. */
  start_date: text.optional(),
  /** Inclusive: a date means the whole of that day. */
  end_date: text.optional(),
  /** Full-text search over names, ids and data (FTS5); words are matched as prefixes, all must match. */
  q: text.optional(),
});
export type TrailFilter = z.infer<typeof trailFilterSchema>;

export const trailQuerySchema = trailFilterSchema.extend({
  sort: z.enum(TRAIL_SORTS).default('time'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  /** The `next` cursor of the previous page (opaque). */
  after: z.string().max(2000).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type TrailQuery = z.input<typeof trailQuerySchema>;

export const trailRowSchema = z.object({
  pos: z.number(),
  id: z.string(),
  kind: z.string(),
  tenant: z.string(),
  seq: z.number(),
  user: z.string().nullable(),
  timestamp: z.string(),
  operation: z.string().nullable(),
  resource_type: z.string().nullable(),
  resource_id: z.string().nullable(),
  resource_name: z.string().nullable(),
  compliance_framework: z.string().nullable(),
  data_classification: z.string().nullable(),
  is_sensitive: z.boolean(),
  severity: z.string().nullable(),
  status: z.string().nullable(),
  violation_type: z.string().nullable(),
  summary: z.string().nullable(),
});
export type TrailRow = z.infer<typeof trailRowSchema>;

export const searchCoverageSchema = z.object({ indexed: z.number(), total: z.number() });
export type SearchCoverage = z.infer<typeof searchCoverageSchema>;

export const trailPageSchema = z.object({
  rows: z.array(trailRowSchema),
  /** Pass as `after` for the next page; null at the end. */
  next: z.string().nullable(),
  /** With a search: how much of the vault the search index covers yet. */
  search: searchCoverageSchema.nullable(),
});
export type TrailPage = z.infer<typeof trailPageSchema>;

export const trailCountRequestSchema = z.object({
  filter: trailFilterSchema,
  resume: z.object({ from: z.number().int().nonnegative(), count: z.number().int().nonnegative() }).nullable().default(null),
});

/** Counting runs apart from the page, in slices: the UI shows the first page at once, the count when known. */
export const trailCountSchema = z.object({
  count: z.number(),
  exact: z.boolean(),
  resume: z.object({ from: z.number(), count: z.number() }).nullable(),
  progress: z.number(),
});
export type TrailCount = z.infer<typeof trailCountSchema>;
