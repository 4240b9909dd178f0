// A settings change is audit data: loosening a detection threshold or shortening a retention period
// must be tamper-evident. changeSettings runs the caller's writes in one transaction, then appends a
// record (kind log, operation UPDATE, resource_type `setting`, resource_id the key, old and new value)
// for each key whose stored value changed, to the vault's own chain, through the one admission path.
// A writer that throws (a value the engine refuses) rolls everything back: nothing is half saved.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalJson, type JsonObject, type JsonValue } from '../../../shared/canonical-json';
import type { AuditRecord } from '../../../shared/records/record-schema';
import { nodeSha256 } from '../node-sha';
import { Admission } from '../vault/admission';
import { SYSTEM_TENANT } from '../vault/integrity-violation';

export const SETTING_RESOURCE = 'setting';

/** Runs `write` (which changes some of `keys`) and records each change; answers the keys that changed. */
export function changeSettings(db: Database.Database, by: string, keys: string[], write: () => void): string[] {
  return db.transaction(() => {
    const before = keys.map((key) => storedValue(db, key));
    write();
    const admission = new Admission(db, nodeSha256);
    const timestamp = new Date().toISOString();
    const changed: string[] = [];
    keys.forEach((key, i) => {
      const after = storedValue(db, key);
      if (canonicalJson(before[i]) === canonicalJson(after)) return;
      admission.admit(settingRecord(key, before[i]!, after, by, timestamp));
      changed.push(key);
    });
    admission.finish();
    return changed;
  })();
}

function settingRecord(key: string, before: JsonValue, after: JsonValue, by: string, timestamp: string): AuditRecord {
  return {
    id: `setting:${key}:${randomUUID()}`,
    kind: 'log',
    tenant: SYSTEM_TENANT,
    user: by,
    timestamp,
    operation: 'UPDATE',
    resource_type: SETTING_RESOURCE,
    resource_id: key,
    resource_name: `setting ${key}`,
    old_data: { [key]: before },
    new_data: { [key]: after },
    changed_fields: changedMembers(key, before, after),
  };
}

/** For an object value, the members that differ (`DATA_LEAKAGE`, `at_ingest`); else the key itself. */
function changedMembers(key: string, before: JsonValue, after: JsonValue): string[] {
  if (!isObject(before) || !isObject(after)) return [key];
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => canonicalJson(before[name] ?? null) !== canonicalJson(after[name] ?? null)).sort();
}

function isObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The stored value as JSON (null when absent; the raw text when it is not JSON, so a repair is still recorded). */
function storedValue(db: Database.Database, key: string): JsonValue {
  const text = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  if (text === undefined) return null;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}
