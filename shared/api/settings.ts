// The Settings screen's contract (issues 3 and 6): collector API keys (listed, created with the key
// shown once, revoked), the detection rules, the retention policies and the sensitive field names,
// and the history of settings changes as the chain records them. Pure schemas: the engine is
// electron/core/keys, electron/core/violations/detection/rules-config.ts and electron/core/settings.
import { z } from 'zod';
import { retentionPolicySchema } from './retention';

export const apiKeySchema = z.object({
  id: z.number(),
  name: z.string(),
  /** The first characters of the key, to recognise it. */
  prefix: z.string(),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/** A new key: `key` is shown this once and stored nowhere (the vault keeps its SHA-256). */
export const createdKeySchema = apiKeySchema.extend({ key: z.string() });

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
const severity = z.enum(SEVERITIES, { error: 'choose LOW, MEDIUM, HIGH or CRITICAL' });
const count = (what: string) => z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(1, `${what} must be 1 or more`);
const names = z.array(z.string().trim().min(1).max(100)).max(200);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, e.g. 08:00');

/** The `detection_rules` setting as the engine reads it (rules-config.ts RulesConfig). */
export const rulesConfigSchema = z.object({
  at_ingest: z.boolean(),
  UNAUTHORIZED_ACCESS: z.object({ enabled: z.boolean(), severity }),
  DATA_LEAKAGE: z.object({ enabled: z.boolean(), severity, threshold: count('the threshold') }),
  UNAUTHORIZED_EXPORT: z.object({ enabled: z.boolean(), severity, threshold: count('the threshold') }),
  POLICY_VIOLATION: z.object({
    enabled: z.boolean(),
    severity,
    classifications: names,
    include_sensitive: z.boolean(),
    business_hours: z.object({
      start: hhmm,
      end: hhmm,
      days: z.array(z.number().int().min(1).max(7)).min(1, 'choose at least one day').max(7),
      time_zone: z.string().trim().min(1, 'name a time zone, e.g. UTC or Europe/Paris').max(100),
    }),
    max_records_per_violation: count('the number of records'),
  }),
  PRIVILEGE_ESCALATION: z.object({ enabled: z.boolean(), severity, fields: names, resource_types: names }),
});
export type RulesConfig = z.infer<typeof rulesConfigSchema>;

const frameworkName = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'use letters, digits, _ . or -');
const days = z.number({ error: 'enter a number of days' }).int('use whole days').min(0, 'days cannot be negative').max(100_000, 'that is over 270 years');

export const retentionSettingsSchema = z.object({
  retention_days: z.record(frameworkName, days),
  archive_after_days: days.nullable(),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

export const sensitiveFieldsSchema = z.object({
  fields: z.array(z.string().trim().min(1, 'a field name cannot be empty').max(100).regex(/^[^\s,]*$/, 'a field name has no spaces or commas')).max(500),
});

/** A refusal tied to one field of a form, e.g. `DATA_LEAKAGE.threshold` or `retention_days.SOX`. */
export const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** A save: either saved (and, when something changed, recorded in the chain) or refused field by field. */
export const settingsSavedSchema = z.object({
  errors: z.array(fieldErrorSchema),
  /** Settings keys that changed; each change is a record in the chain. */
  changed: z.array(z.string()),
});
export type SettingsSaved = z.infer<typeof settingsSavedSchema>;

export const settingChangeSchema = z.object({
  pos: z.number(),
  timestamp: z.string(),
  user: z.string().nullable(),
  /** The settings key, e.g. `detection_rules`. */
  key: z.string(),
  changed_fields: z.array(z.string()),
});
export type SettingChange = z.infer<typeof settingChangeSchema>;

export const settingsOverviewSchema = z.object({
  keys: z.array(apiKeySchema),
  rules: rulesConfigSchema.nullable(),
  /** Why a setting could not be read (a malformed value), for the user to fix. */
  rules_error: z.string().nullable(),
  retention: retentionPolicySchema.nullable(),
  retention_error: z.string().nullable(),
  sensitive_fields: z.array(z.string()),
  /**
   * Where the collector answers. `serve`: the UI's own origin (url null: the renderer knows it).
   * Desktop: the app's own collector on loopback, url null while it is not listening (port taken).
   */
  collector: z.object({ desktop: z.boolean(), url: z.string().nullable() }),
  changes: z.array(settingChangeSchema),
});
export type SettingsOverview = z.infer<typeof settingsOverviewSchema>;

/** Field errors from a schema's issues, in the form's field names. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}

/** Merged into ROUTES (shared/api/routes.ts). */
export const settingsRoutes = {
  'settings.overview': { request: z.object({}).strict(), response: settingsOverviewSchema },
  'settings.createKey': {
    request: z.object({ name: z.string().trim().min(1, 'name the key, e.g. payroll-app').max(64) }),
    response: createdKeySchema,
  },
  'settings.revokeKey': { request: z.object({ id: z.number().int().positive() }), response: apiKeySchema },
  /** Field errors come back in the answer, not as a refusal, so the form can show each beside its field. */
  'settings.saveRules': { request: z.object({ rules: z.unknown() }), response: settingsSavedSchema },
  'settings.saveRetention': { request: z.object({ retention: z.unknown() }), response: settingsSavedSchema },
  'settings.saveSensitiveFields': { request: z.object({ fields: z.unknown() }), response: settingsSavedSchema },
} as const;
