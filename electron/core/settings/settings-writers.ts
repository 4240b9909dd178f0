// Writers for the settings the Settings screen edits. Each writes through, or beside, the engine's own
// reader and then reads the value back with it, so that a value the engine would refuse throws here
// (inside changeSettings' transaction, which then rolls back) rather than at the next import.
import type Database from 'better-sqlite3';
import { canonicalJson } from '../../../shared/canonical-json';
import { readSensitivePolicy } from '../ingest/sensitive';
import { readPolicy, type RetentionPolicy } from '../retention/policy';
import { readRulesConfig, RULE_NAMES, setDetectAtIngest, setRuleConfig, type RulesConfig } from '../violations/detection/rules-config';

/**
 * Saves the detection rules with the writers `auditdesk violations rules --set` uses, one patch per rule
 * holding only the members that differ, so an unchanged rule is left exactly as stored.
 */
export function saveRulesConfig(db: Database.Database, wanted: RulesConfig): void {
  const current = readRulesConfig(db);
  for (const rule of RULE_NAMES) {
    const mine = wanted[rule] as unknown as Record<string, unknown>;
    const theirs = current[rule] as unknown as Record<string, unknown>;
    const patch = Object.fromEntries(Object.entries(mine).filter(([name, value]) => canonicalJson(value) !== canonicalJson(theirs[name] ?? null)));
    if (Object.keys(patch).length) setRuleConfig(db, rule, patch);
  }
  if (wanted.at_ingest !== current.at_ingest) setDetectAtIngest(db, wanted.at_ingest);
}

export function saveRetentionPolicy(db: Database.Database, policy: RetentionPolicy): void {
  put(db, 'retention_days', policy.retention_days);
  put(db, 'archive_after_days', policy.archive_after_days);
  readPolicy(db);
}

export function saveSensitiveFields(db: Database.Database, fields: string[]): void {
  put(db, 'sensitive_fields', fields);
  readSensitivePolicy(db);
}

function put(db: Database.Database, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
