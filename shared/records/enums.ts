// Choices of the seed system (backend.audit_models), CONTRACT §1.
export const KINDS = ['log', 'query', 'export', 'violation'] as const;
export type Kind = (typeof KINDS)[number];

export const OPERATIONS = [
  'CREATE', 'READ', 'UPDATE', 'DELETE', 'LOGIN', 'LOGOUT', 'EXPORT', 'IMPORT', 'BACKUP', 'RESTORE', 'SYSTEM',
] as const;
export const FRAMEWORKS = ['SOX', 'PCI_DSS', 'GDPR', 'HIPAA', 'BASEL_III', 'ISO_27001'] as const;
export type Framework = (typeof FRAMEWORKS)[number];
export const CLASSIFICATIONS = ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED', 'TOP_SECRET'] as const;
export const QUERY_TYPES = ['SELECT', 'COUNT', 'AGGREGATE', 'EXPORT', 'REPORT'] as const;
export const EXPORT_TYPES = ['CSV', 'EXCEL', 'PDF', 'JSON', 'XML'] as const;
export const VIOLATION_TYPES = [
  'UNAUTHORIZED_ACCESS', 'DATA_BREACH', 'POLICY_VIOLATION', 'COMPLIANCE_BREACH', 'SECURITY_INCIDENT',
  'PRIVILEGE_ESCALATION', 'DATA_LEAKAGE', 'UNAUTHORIZED_EXPORT',
] as const;
export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export const VIOLATION_STATUSES = ['OPEN', 'INVESTIGATING', 'RESOLVED', 'CLOSED'] as const;

/** The chain fields of CONTRACT §2. */
export const CHAIN_FIELDS = ['seq', 'prev_hash', 'audit_hash'] as const;
