// Sensitive data at ingest (issue 3): sets is_sensitive when a sensitive field is found, gives
// data_classification a default by rules, and optionally redacts. Pure apart from the HMAC: the same
// record and policy always give the same result, so re-importing a file stays idempotent.
//
// Records that arrive with their own chain (seq/prev_hash/audit_hash) are never changed at all: any
// change would break the producer's hashes. They are only reported (`found`).
import type { JsonObject } from '../../../../shared/canonical-json';
import { classify, DEFAULT_CLASSIFICATION_RULES, type ClassificationRule } from './classification-rules';
import { sensitiveNameMatcher, type NameMatcher } from './field-names';
import { findSensitive } from './find-sensitive';
import { redactRecord } from './redact';

/** The seed system's default list, as the vault's settings start with it. */
export const DEFAULT_SENSITIVE_FIELDS = ['password', 'ssn', 'credit_card', 'bank_account'] as const;

export interface SensitivePolicy {
  fields: readonly string[];
  rules: readonly ClassificationRule[];
  /** A key to redact sensitive values with; null keeps values as they are. */
  redactionKey: Uint8Array | null;
}

export interface SensitiveOutcome {
  /** The record to validate and admit (the input itself when nothing changed). */
  record: unknown;
  /** Where sensitive fields were found. */
  found: string[];
  /** Paths whose values were redacted. */
  redacted: string[];
}

const KINDS_WITH_SENSITIVITY = new Set(['log', 'query']);
const matchers = new WeakMap<readonly string[], NameMatcher>();

export function sensitivePolicy(partial: Partial<SensitivePolicy> = {}): SensitivePolicy {
  return {
    fields: partial.fields ?? DEFAULT_SENSITIVE_FIELDS,
    rules: partial.rules ?? DEFAULT_CLASSIFICATION_RULES,
    redactionKey: partial.redactionKey ?? null,
  };
}

function matcherFor(fields: readonly string[]): NameMatcher {
  let m = matchers.get(fields);
  if (!m) matchers.set(fields, (m = sensitiveNameMatcher(fields)));
  return m;
}

export function applySensitivePolicy(input: unknown, policy: SensitivePolicy): SensitiveOutcome {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { record: input, found: [], redacted: [] };
  const record = input as JsonObject;
  const matches = matcherFor(policy.fields);
  const found = findSensitive(record, matches);
  const ownChain = 'audit_hash' in record || 'seq' in record || 'prev_hash' in record;
  if (ownChain || !KINDS_WITH_SENSITIVITY.has(record.kind as string)) return { record: input, found, redacted: [] };

  let out: JsonObject = { ...record };
  if (found.length > 0) {
    out.is_sensitive = true;
    out.sensitive_fields_found = found;
  }
  if (out.data_classification === undefined) {
    const level = classify(out, policy.rules);
    if (level) out.data_classification = level;
  }
  let redacted: string[] = [];
  if (policy.redactionKey && found.length > 0) {
    const result = redactRecord(out, matches, policy.redactionKey);
    out = result.record;
    redacted = result.paths;
    if (redacted.length) out.redacted_fields = redacted;
  }
  return { record: out, found, redacted };
}
