// The detection rules' settings, from the vault's settings table (key `detection_rules`, seeded by
// migration 4). Missing members fall back to the defaults below, so a partial setting still works.
import type Database from 'better-sqlite3';
import { UserError } from '../../errors';

export type Severity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export interface BusinessHours {
  /** "HH:MM", local time in `time_zone`; a record at or after start and before end is inside. */
  start: string;
  end: string;
  /** ISO weekdays: 1 Monday … 7 Sunday. */
  days: number[];
  /** IANA time zone name, e.g. "Europe/Paris"; "UTC" by default. */
  time_zone: string;
}

export interface RulesConfig {
  /** Run the rules after every import and collector batch (else only on demand). */
  at_ingest: boolean;
  UNAUTHORIZED_ACCESS: { enabled: boolean; severity: Severity };
  DATA_LEAKAGE: { enabled: boolean; severity: Severity; threshold: number };
  UNAUTHORIZED_EXPORT: { enabled: boolean; severity: Severity; threshold: number };
  POLICY_VIOLATION: {
    enabled: boolean;
    severity: Severity;
    classifications: string[];
    include_sensitive: boolean;
    business_hours: BusinessHours;
    max_records_per_violation: number;
  };
  PRIVILEGE_ESCALATION: { enabled: boolean; severity: Severity; fields: string[]; resource_types: string[] };
}

export type RuleName = keyof RulesConfig;
export const RULE_NAMES: RuleName[] = ['UNAUTHORIZED_ACCESS', 'DATA_LEAKAGE', 'UNAUTHORIZED_EXPORT', 'POLICY_VIOLATION', 'PRIVILEGE_ESCALATION'];

export const DEFAULT_RULES: RulesConfig = {
  at_ingest: true,
  UNAUTHORIZED_ACCESS: { enabled: true, severity: 'HIGH' },
  DATA_LEAKAGE: { enabled: true, severity: 'HIGH', threshold: 10_000 },
  UNAUTHORIZED_EXPORT: { enabled: true, severity: 'HIGH', threshold: 10_000 },
  POLICY_VIOLATION: {
    enabled: true,
    severity: 'MEDIUM',
    classifications: ['RESTRICTED', 'TOP_SECRET'],
    include_sensitive: true,
    business_hours: { start: '08:00', end: '18:00', days: [1, 2, 3, 4, 5], time_zone: 'UTC' },
    max_records_per_violation: 200,
  },
  PRIVILEGE_ESCALATION: {
    enabled: true,
    severity: 'CRITICAL',
    fields: ['role', 'roles', 'permission', 'permissions', 'is_superuser', 'is_staff', 'is_admin', 'groups', 'privileges'],
    resource_types: ['role', 'permission', 'group', 'user_role'],
  },
};

export function readRulesConfig(db: Database.Database): RulesConfig {
  const text = db.prepare("SELECT value FROM settings WHERE key = 'detection_rules'").pluck().get() as string | undefined;
  const stored = text ? (JSON.parse(text) as Partial<Record<RuleName, Record<string, unknown>>>) : {};
  const merged = { at_ingest: (stored as { at_ingest?: unknown }).at_ingest !== false } as Record<RuleName | 'at_ingest', unknown>;
  for (const name of RULE_NAMES) {
    const base = DEFAULT_RULES[name] as unknown as Record<string, unknown>;
    const own = stored[name] ?? {};
    merged[name] = { ...base, ...own };
  }
  const config = merged as unknown as RulesConfig;
  config.POLICY_VIOLATION.business_hours = { ...DEFAULT_RULES.POLICY_VIOLATION.business_hours, ...config.POLICY_VIOLATION.business_hours };
  checkConfig(config);
  return config;
}

/** Turns detection at ingest on or off (on demand detection always works). */
export function setDetectAtIngest(db: Database.Database, on: boolean): RulesConfig {
  const text = db.prepare("SELECT value FROM settings WHERE key = 'detection_rules'").pluck().get() as string | undefined;
  const stored = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  stored.at_ingest = on;
  db.prepare("INSERT INTO settings(key, value) VALUES ('detection_rules', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify(stored));
  return readRulesConfig(db);
}

/** Saves a rule's settings (merged over what is stored), e.g. `{threshold: 500}` or `{enabled: false}`. */
export function setRuleConfig(db: Database.Database, rule: RuleName, patch: Record<string, unknown>): RulesConfig {
  if (!RULE_NAMES.includes(rule)) throw new UserError(`unknown rule ${rule}: say ${RULE_NAMES.join(', ')}`);
  const text = db.prepare("SELECT value FROM settings WHERE key = 'detection_rules'").pluck().get() as string | undefined;
  const stored = text ? (JSON.parse(text) as Record<string, Record<string, unknown>>) : {};
  stored[rule] = { ...(stored[rule] ?? {}), ...patch };
  db.prepare("INSERT INTO settings(key, value) VALUES ('detection_rules', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
    JSON.stringify(stored),
  );
  return readRulesConfig(db);
}

function checkConfig(config: RulesConfig): void {
  const hours = config.POLICY_VIOLATION.business_hours;
  for (const [name, value] of [['start', hours.start], ['end', hours.end]] as const) {
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) throw new UserError(`detection_rules.POLICY_VIOLATION.business_hours.${name} must be HH:MM, is ${JSON.stringify(value)}`);
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: hours.time_zone });
  } catch {
    throw new UserError(`detection_rules.POLICY_VIOLATION.business_hours.time_zone: unknown time zone ${JSON.stringify(hours.time_zone)}`);
  }
  for (const name of ['DATA_LEAKAGE', 'UNAUTHORIZED_EXPORT'] as const) {
    const t = config[name].threshold;
    if (!Number.isInteger(t) || t < 1) throw new UserError(`detection_rules.${name}.threshold must be a positive integer`);
  }
}
