// The Reports screen's contract (issue 5): what can be reported on, a preview of the numbers (the
// report's JSON form, unsigned), and the saved file, handed back as a download so that the browser
// (serve) and the desktop window both save it where the user chooses. Pure schemas: the engine is
// electron/core/reports.
import { z } from 'zod';
import { FRAMEWORKS } from '../records/enums';
import { ComplianceReportSchema } from '../reports/report-model';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** What to report on. The period is from the start of `from` to the end of `to` (UTC days). */
export const reportScopeSchema = z.object({
  framework: z.enum(FRAMEWORKS),
  from: day,
  to: day,
  /** Empty: every tenant of the vault. */
  tenants: z.array(z.string().min(1)).max(1000),
});
export type ReportScope = z.infer<typeof reportScopeSchema>;

/** Sign with an existing .p12 (a path on the machine running the backend), or one made now. */
export const reportIdentitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), path: z.string().min(1), passphrase: z.string() }),
  z.object({
    kind: z.literal('create'),
    name: z.string().min(1).max(200),
    email: z.string().email(),
    organisation: z.string().max(200),
    passphrase: z.string().min(8, 'at least 8 characters'),
  }),
]);
export type ReportIdentity = z.infer<typeof reportIdentitySchema>;

/** A file for the user to save: the renderer turns it into a download. */
export const downloadSchema = z.object({
  fileName: z.string(),
  mime: z.string(),
  base64: z.string(),
  bytes: z.number(),
  sha256: z.string(),
});
export type Download = z.infer<typeof downloadSchema>;

export const savedReportSchema = z.object({
  file: downloadSchema,
  /** The export record the report was recorded as (in AuditDesk's system tenant). */
  record: z.object({ tenant: z.string(), id: z.string(), pos: z.number() }),
  signer: z.object({ name: z.string(), email: z.string(), organisation: z.string() }),
  /** The identity made for this report, to keep: sign the next one with it. */
  identity: downloadSchema.nullable(),
});
export type SavedReport = z.infer<typeof savedReportSchema>;

/** Merged into ROUTES (shared/api/routes.ts). */
export const reportRoutes = {
  'reports.options': {
    request: z.object({}).strict(),
    response: z.object({ frameworks: z.array(z.enum(FRAMEWORKS)), tenants: z.array(z.string()) }),
  },
  'reports.preview': { request: reportScopeSchema, response: ComplianceReportSchema },
  'reports.save': {
    request: reportScopeSchema.extend({ format: z.enum(['pdf', 'csv', 'json']), identity: reportIdentitySchema }),
    response: savedReportSchema,
  },
} as const;
