export { applySensitivePolicy, sensitivePolicy, DEFAULT_SENSITIVE_FIELDS, type SensitivePolicy, type SensitiveOutcome } from './sensitive-policy';
export { readSensitivePolicy } from './settings-policy';
export { DEFAULT_CLASSIFICATION_RULES, classify, type ClassificationRule } from './classification-rules';
export { REDACTION_PREFIX } from './redact';
