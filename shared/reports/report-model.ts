// The compliance report of issue 5 as plain, serialisable data. The PDF shows it, the CSV/JSON
// exports write it, and the PDF carries it (as RFC 8785 JSON) as its evidence attachment, so that
// `verify-report --vault` can recompute every number and name the ones that differ.
// Facts and counts only: nothing here says "compliant" or "passed"; the data cannot support that.
import { z } from 'zod';
import { CLASSIFICATIONS, FRAMEWORKS, SEVERITIES, VIOLATION_STATUSES } from '../records/enums';

/** CONTRACT §2's kinds of chain break. */
const BREAK_KINDS_FOR_REPORT = ['hash_mismatch', 'link_mismatch', 'gap', 'duplicate', 'truncated'] as const;

export const REPORT_SCHEMA_ID = 'auditdesk.compliance-report/v1';

const count = z.number().int().nonnegative();
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');
/** Timestamps stay strings (RFC 3339) so they print and hash exactly as computed. */
const timestamp = z.string().min(1);

/** One bar of a breakdown: "UPDATE: 120". Sorted by count descending, then key, by the builder. */
export const CountRowSchema = z.object({ key: z.string(), count });
export type CountRow = z.infer<typeof CountRowSchema>;

/** A generic table: the renderer paginates it, the CSV export writes it as is. */
export const TableSchema = z.object({
  columns: z.array(z.string()).min(1),
  rows: z.array(z.array(z.string())),
  /** Rows that matched; `rows` may hold fewer (a row limit) but the counts never do. */
  totalRows: count,
});
export type Table = z.infer<typeof TableSchema>;

export const SignerSchema = z.object({
  name: z.string().min(1),
  email: z.string().min(3),
  organisation: z.string(),
});
export type Signer = z.infer<typeof SignerSchema>;

/** What was asked: part of the evidence so that a verifier can ask the vault the same question. */
export const ReportQuerySchema = z.object({
  framework: z.enum(FRAMEWORKS),
  from: timestamp,
  to: timestamp,
  tenants: z.array(z.string().min(1)).min(1),
  /** Business hours used for "activity outside business hours": local hours [start, end) on weekdays. */
  businessHours: z.object({
    startHour: z.number().int().min(0).max(23),
    endHour: z.number().int().min(1).max(24),
    weekdays: z.array(z.number().int().min(0).max(6)),
    timeZone: z.string(),
  }),
  /** Records older than this many days at `generatedAt` are counted as past retention. */
  retentionDays: z.number().int().positive(),
  /** Rows listed per table (counts always cover every record): part of the question, so a check asks the same. */
  rowLimit: z.number().int().positive(),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

export const TotalsSchema = z.object({
  records: count,
  logs: count,
  queries: count,
  exports: count,
  violations: count,
  sensitiveOperations: count,
  distinctUsers: count,
  distinctResources: count,
});

export const ViolationsSchema = z.object({
  total: count,
  bySeverity: z.array(CountRowSchema),
  byStatus: z.array(CountRowSchema),
  byType: z.array(CountRowSchema),
  bySeverityAndStatus: z.array(z.object({
    severity: z.enum(SEVERITIES), status: z.enum(VIOLATION_STATUSES), count,
  })),
  /** Over violations that reached RESOLVED or CLOSED and carry a resolution time; null when none. */
  timeToResolve: z.object({
    resolvedCount: count,
    /** RESOLVED or CLOSED but without `resolved_at`: counted here, never given an invented time. */
    resolvedWithoutTime: count,
    medianHours: z.number().nonnegative().nullable(),
    meanHours: z.number().nonnegative().nullable(),
  }),
  table: TableSchema,
});

export const ExportsSchema = z.object({
  total: count,
  recordsExported: count,
  byType: z.array(CountRowSchema),
  table: TableSchema,
});

export const SensitiveQueriesSchema = z.object({
  total: count,
  byQueryType: z.array(CountRowSchema),
  byModel: z.array(CountRowSchema),
  table: TableSchema,
});

export const OutsideHoursSchema = z.object({
  total: count,
  byUser: z.array(CountRowSchema),
  byOperation: z.array(CountRowSchema),
});

export const ActiveUserSchema = z.object({
  user: z.string(),
  total: count,
  sensitive: count,
  outsideHours: count,
});

export const RetentionSchema = z.object({
  /** Whether the vault has legal holds at all: 'not configured' means underLegalHold is 0 by absence. */
  legalHolds: z.enum(['configured', 'not configured']),
  pastRetention: count,
  underLegalHold: count,
  /** Past retention AND under hold: kept on purpose, counted in both numbers above. */
  pastRetentionUnderHold: count,
});

export const ChainBreakSchema = z.object({
  tenant: z.string(),
  seq: z.number().int().nonnegative(),
  kind: z.enum(BREAK_KINDS_FOR_REPORT),
});

export const CheckpointSchema = z.object({
  origin: z.string(),
  size: count,
  rootHash: z.string(),
});

export const IntegritySchema = z.object({
  chainsVerified: count,
  recordsVerified: count,
  brokenChains: z.array(ChainBreakSchema),
  checkpoint: CheckpointSchema.nullable(),
  /**
   * How the records' contents were checked. null (or absent, in reports made before 2026-11-27): every
   * record was re-hashed for this report. Otherwise the records up to vault position throughPos were
   * re-hashed and linked by the vault's full verification of verifiedAt, and the report found each of
   * them still in its chain; the records admitted after it were re-hashed for the report.
   */
  earlierVerification: z.object({ verifiedAt: z.string(), throughPos: count }).nullable().optional(),
});

/** One control of the framework and the activity that is evidence for it (never a verdict on it). */
export const ControlSectionSchema = z.object({
  controlId: z.string().min(1),
  title: z.string().min(1),
  whatItEvidences: z.string().min(1),
  counts: z.array(CountRowSchema),
  table: TableSchema,
});
export type ControlSection = z.infer<typeof ControlSectionSchema>;

/**
 * The records counted, as one digest: SHA-256 over the UTF-8 text made of each counted record's
 * audit_hash (lowercase hex) followed by "\n", sorted bytewise. A list of 1M hashes would be 66 MB;
 * this is 64 characters, and anyone recomputes it from an export of the same records with
 * `jq -r .audit_hash | LC_ALL=C sort | sha256sum`. Sorted, so record order never matters.
 */
export const EvidenceHashesSchema = z.object({
  algorithm: z.literal('sha256'),
  /** What was hashed, so that anyone can recompute it. */
  of: z.string(),
  count,
  digest: hex64,
});
export type EvidenceHashes = z.infer<typeof EvidenceHashesSchema>;

export const ComplianceReportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA_ID),
  framework: z.enum(FRAMEWORKS),
  period: z.object({ from: timestamp, to: timestamp }),
  tenants: z.array(z.string().min(1)).min(1),
  generatedAt: timestamp,
  generator: z.object({ name: z.string(), version: z.string() }),
  signer: SignerSchema,
  query: ReportQuerySchema,
  totals: TotalsSchema,
  byOperation: z.array(CountRowSchema),
  byUser: z.array(CountRowSchema),
  byResourceType: z.array(CountRowSchema),
  sensitiveOperations: z.object({
    total: count,
    byOperation: z.array(CountRowSchema),
    byClassification: z.array(CountRowSchema),
  }),
  frameworksPresent: z.array(CountRowSchema),
  classificationsPresent: z.array(CountRowSchema),
  violations: ViolationsSchema,
  exports: ExportsSchema,
  sensitiveQueries: SensitiveQueriesSchema,
  outsideBusinessHours: OutsideHoursSchema,
  mostActiveUsers: z.array(ActiveUserSchema),
  retention: RetentionSchema,
  integrity: IntegritySchema,
  controls: z.array(ControlSectionSchema),
  evidence: EvidenceHashesSchema,
});
export type ComplianceReport = z.infer<typeof ComplianceReportSchema>;

export { CLASSIFICATIONS, FRAMEWORKS, SEVERITIES, VIOLATION_STATUSES };
