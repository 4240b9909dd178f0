// Reads the sensitive-data policy from the vault's settings table: `sensitive_fields` (a JSON array of
// names, seeded with the seed system's defaults), optional `classification_rules` (see
// classification-rules.ts), and optional `redaction_key` (hex, 32 bytes or more; absent = no redaction).
import type Database from 'better-sqlite3';
import { UserError } from '../../errors';
import { parseClassificationRules } from './classification-rules';
import { sensitivePolicy, type SensitivePolicy } from './sensitive-policy';

export function readSensitivePolicy(db: Database.Database): SensitivePolicy {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?');
  const setting = (key: string): unknown => {
    const row = get.get(key) as { value: string } | undefined;
    if (!row) return undefined;
    try {
      return JSON.parse(row.value);
    } catch {
      throw new UserError(`the vault setting ${key} is not JSON; fix it in the settings`);
    }
  };
  const fields = setting('sensitive_fields');
  if (fields !== undefined && (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string'))) {
    throw new UserError('the vault setting sensitive_fields must be a list of field names');
  }
  const rulesValue = setting('classification_rules');
  let rules;
  try {
    rules = rulesValue === undefined ? undefined : parseClassificationRules(rulesValue);
  } catch (error) {
    throw new UserError(`the vault setting ${(error as Error).message}`);
  }
  const keyHex = setting('redaction_key');
  if (keyHex !== undefined && (typeof keyHex !== 'string' || !/^([0-9a-f]{2}){32,}$/i.test(keyHex))) {
    throw new UserError('the vault setting redaction_key must be at least 32 bytes of hex');
  }
  return sensitivePolicy({
    fields: fields as string[] | undefined,
    rules,
    redactionKey: typeof keyHex === 'string' ? Buffer.from(keyHex, 'hex') : null,
  });
}
