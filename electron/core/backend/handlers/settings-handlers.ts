// The Settings screen's routes: collector API keys (through electron/core/keys/api-keys.ts, the same
// functions as `auditdesk keys`), and the detection rules, retention policies and sensitive field
// names, each saved through changeSettings so that every change is a record in the vault's chain.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { fail, ok, type Result } from '../../../../shared/api/result';
import {
  fieldErrors, retentionSettingsSchema, rulesConfigSchema, sensitiveFieldsSchema,
  type FieldError, type SettingChange, type SettingsSaved,
} from '../../../../shared/api/settings';
import { UserError } from '../../errors';
import { createApiKey, listApiKeys, revokeApiKey } from '../../keys/api-keys';
import { readPolicy } from '../../retention/policy';
import { changeSettings, SETTING_RESOURCE } from '../../settings/setting-change';
import { saveRetentionPolicy, saveRulesConfig, saveSensitiveFields } from '../../settings/settings-writers';
import { readRulesConfig } from '../../violations/detection/rules-config';
import { requireDb, type BackendContext, type HandlerMap } from '../context';

/** Settings changes shown, most recent first. */
const HISTORY_LIMIT = 100;

export const settingsHandlers: HandlerMap = {
  'settings.overview': (ctx) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    const rules = readOrExplain(() => readRulesConfig(open.db));
    const retention = readOrExplain(() => readPolicy(open.db));
    return ok({
      keys: listApiKeys(open.db),
      rules: rules.value,
      rules_error: rules.error,
      retention: retention.value,
      retention_error: retention.error,
      sensitive_fields: storedSensitiveFields(open.db),
      collector: { desktop: ctx.options.canChooseVault, url: ctx.options.canChooseVault ? (ctx.options.collectorUrl ?? null) : null },
      changes: settingChanges(open.db),
    });
  },
  'settings.createKey': (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    if (ctx.writing.busy) return fail('busy', 'an import is running; try again when it has finished');
    try {
      return ok(createApiKey(open.db, body.name, ctx.reviewer));
    } catch (error) {
      if (error instanceof UserError) return fail('failed', error.message);
      throw error;
    }
  },
  'settings.revokeKey': (ctx, body) => {
    const open = requireDb(ctx);
    if (!open.ok) return open;
    if (ctx.writing.busy) return fail('busy', 'an import is running; try again when it has finished');
    try {
      return ok(revokeApiKey(open.db, String(body.id), ctx.reviewer));
    } catch (error) {
      if (error instanceof UserError) return fail('not_found', error.message);
      throw error;
    }
  },
  'settings.saveRules': (ctx, body) =>
    save(ctx, rulesConfigSchema, body.rules, ['detection_rules'], (db, rules) => saveRulesConfig(db, rules), ruleField),
  'settings.saveRetention': (ctx, body) =>
    save(ctx, retentionSettingsSchema, body.retention, ['retention_days', 'archive_after_days'], (db, policy) => saveRetentionPolicy(db, policy), () => ''),
  'settings.saveSensitiveFields': (ctx, body) =>
    save(ctx, sensitiveFieldsSchema, { fields: body.fields }, ['sensitive_fields'], (db, { fields }) => saveSensitiveFields(db, unique(fields)), () => 'fields'),
};

/**
 * Checks `input` against `schema` (every bad field answered at once), then writes it and records the
 * change. A value the engine itself refuses comes back as a field error too, on `fieldOf(message)`.
 */
function save<S extends z.ZodType>(
  ctx: BackendContext, schema: S, input: unknown, keys: string[],
  write: (db: Database.Database, value: z.output<S>) => void, fieldOf: (message: string) => string,
): Result<SettingsSaved> {
  const open = requireDb(ctx);
  if (!open.ok) return open;
  const parsed = schema.safeParse(input);
  if (!parsed.success) return ok({ errors: fieldErrors(parsed.error), changed: [] });
  if (ctx.writing.busy) return fail('busy', 'an import is running; try again when it has finished');
  try {
    const changed = changeSettings(open.db, ctx.reviewer, keys, () => write(open.db, parsed.data));
    if (changed.length) ctx.vaultChanged();
    return ok({ errors: [], changed });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const refused: FieldError = { field: fieldOf(error.message), message: error.message };
    return ok({ errors: [refused], changed: [] });
  }
}

/** The rules engine names the field it refuses: "detection_rules.DATA_LEAKAGE.threshold must be …". */
function ruleField(message: string): string {
  return /^detection_rules\.([\w.]+?)(?::| must)/.exec(message)?.[1] ?? '';
}

/** Field names match case-insensitively: keep the first spelling of each. */
function unique(fields: string[]): string[] {
  const seen = new Set<string>();
  return fields.filter((f) => !seen.has(f.toLowerCase()) && seen.add(f.toLowerCase()));
}

function readOrExplain<T>(read: () => T): { value: T | null; error: string | null } {
  try {
    return { value: read(), error: null };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { value: null, error: error.message };
  }
}

/** The names as stored (sensitiveFieldNames lowercases them), so that saving them back changes nothing. */
function storedSensitiveFields(db: Database.Database): string[] {
  const text = db.prepare("SELECT value FROM settings WHERE key = 'sensitive_fields'").pluck().get() as string | undefined;
  try {
    const list = text === undefined ? [] : (JSON.parse(text) as unknown);
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The settings changes recorded in the chain, newest first. */
function settingChanges(db: Database.Database): SettingChange[] {
  const rows = db
    .prepare(`SELECT pos, timestamp, user, resource_id AS key, json_extract(canonical, '$.changed_fields') AS changed_fields
              FROM records WHERE kind = 'log' AND resource_type = ? AND purged_at IS NULL ORDER BY pos DESC LIMIT ?`)
    .all(SETTING_RESOURCE, HISTORY_LIMIT) as Array<Omit<SettingChange, 'changed_fields'> & { changed_fields: string | null }>;
  return rows.map((r) => ({ ...r, changed_fields: r.changed_fields ? (JSON.parse(r.changed_fields) as string[]) : [] }));
}
