// The Violations screen's contract (issue 6): the case queue with its filters, one case with its
// linked records and its history, and the transitions (one or many) that the engine records in the
// violation's tenant chain. Pure schemas: the workflow itself lives in electron/core/violations.
import { z } from 'zod';

export const CASE_STATUSES = ['OPEN', 'INVESTIGATING', 'RESOLVED', 'CLOSED'] as const;
export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

const optionalText = z.string().min(1).max(200).optional();

export const caseFilterSchema = z.object({
  tenant: optionalText,
  violation_type: optionalText,
  severity: optionalText,
  status: caseStatusSchema.optional(),
  /** 'none': unassigned cases only. */
  assignee: optionalText,
  min_age_days: z.number().int().min(0).optional(),
  max_age_days: z.number().int().min(0).optional(),
  limit: z.number().int().positive().max(1000).optional(),
  offset: z.number().int().min(0).optional(),
});
export type CaseFilter = z.infer<typeof caseFilterSchema>;

export const caseRowSchema = z.object({
  id: z.string(),
  tenant: z.string(),
  violation_type: z.string(),
  severity: z.string(),
  description: z.string().nullable(),
  user: z.string().nullable(),
  timestamp: z.string(),
  status: caseStatusSchema,
  assignee: z.string().nullable(),
  events: z.number(),
  age_days: z.number(),
});
export type CaseRow = z.infer<typeof caseRowSchema>;

export const caseListSchema = z.object({ results: z.array(caseRowSchema), count: z.number() });
export type CaseList = z.infer<typeof caseListSchema>;

export const caseRefSchema = z.object({ id: z.string().min(1), tenant: z.string().min(1).optional() });
export type CaseRef = z.infer<typeof caseRefSchema>;

export const caseEventSchema = z.object({
  id: z.string(),
  seq: z.number(),
  audit_hash: z.string(),
  by: z.string().nullable(),
  at: z.string(),
  from: caseStatusSchema.nullable(),
  to: caseStatusSchema,
  assignee: z.string().nullable(),
  notes: z.string().nullable(),
  resolution: z.string().nullable(),
  /** Where the event's own record is, for a link to the record view. */
  pos: z.number().nullable(),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const linkedRecordSchema = z.object({
  id: z.string(),
  tenant: z.string(),
  /** Null when the record named by the violation is not in this vault. */
  pos: z.number().nullable(),
  operation: z.string().nullable(),
  resource: z.string().nullable(),
  user: z.string().nullable(),
  timestamp: z.string().nullable(),
});
export type LinkedRecord = z.infer<typeof linkedRecordSchema>;

export const violationCaseSchema = z.object({
  violation: z.record(z.string(), z.unknown()),
  audit_hash: z.string(),
  pos: z.number(),
  status: caseStatusSchema,
  assignee: z.string().nullable(),
  resolution: z.string().nullable(),
  /** The moves the workflow allows from the current status. */
  allowed_next: z.array(caseStatusSchema),
  linked_records: z.array(linkedRecordSchema),
  history: z.array(caseEventSchema),
});
export type ViolationCase = z.infer<typeof violationCaseSchema>;

export const caseChangeSchema = z
  .object({
    to: caseStatusSchema.optional(),
    /** '' unassigns. */
    assignee: z.string().max(200).optional(),
    notes: z.string().max(5000).optional(),
    resolution: z.string().max(5000).optional(),
  })
  .refine((c) => c.to !== undefined || c.assignee !== undefined || c.notes !== undefined || c.resolution !== undefined, {
    message: 'nothing to change: give a status, an assignee, notes or a resolution',
  })
  .refine((c) => c.to !== 'RESOLVED' || (c.resolution ?? '').trim() !== '', {
    message: 'resolving a case needs a resolution: say what was found and done',
    path: ['resolution'],
  });
export type CaseChange = z.infer<typeof caseChangeSchema>;

export const transitionRequestSchema = z.object({
  refs: z.array(caseRefSchema).min(1).max(1000),
  change: caseChangeSchema,
});

export const transitionResultSchema = z.object({
  results: z.array(z.object({ id: z.string(), tenant: z.string().nullable(), ok: z.boolean(), reason: z.string().nullable() })),
});
export type TransitionResult = z.infer<typeof transitionResultSchema>;

/** The values the queue's filter menus offer. */
export const violationFacetsSchema = z.object({
  tenants: z.array(z.string()),
  types: z.array(z.string()),
  severities: z.array(z.string()),
  assignees: z.array(z.string()),
});
export type ViolationFacets = z.infer<typeof violationFacetsSchema>;

/** Merged into ROUTES (shared/api/routes.ts). */
export const violationRoutes = {
  'violations.list': { request: caseFilterSchema, response: caseListSchema },
  'violations.facets': { request: z.object({}).strict(), response: violationFacetsSchema },
  'violations.get': { request: caseRefSchema, response: violationCaseSchema },
  /** One or many cases (bulk triage), in one transaction; refused cases are listed with why. */
  'violations.transition': { request: transitionRequestSchema, response: transitionResultSchema },
} as const;
