// A chain break becomes an AuditViolation record (issue 4's tamper alarm). It lives in the vault's own
// chain, not the broken tenant's: appending vault-assigned seqs to a producer's chain would collide with
// the producer's next records. Its id names the break, so finding the same break again adds nothing.
import type { AuditRecord } from '../../../shared/records/record-schema';
import type { TenantBreak } from './admission';

export const SYSTEM_TENANT = 'auditdesk:system';

export function integrityViolation(found: TenantBreak, now: string): AuditRecord {
  return {
    id: `integrity:${found.tenant}:${found.seq}:${found.kind}`,
    kind: 'violation',
    tenant: SYSTEM_TENANT,
    user: null,
    timestamp: now,
    violation_type: 'INTEGRITY_FAILURE',
    severity: 'CRITICAL',
    status: 'OPEN',
    description: `The chain of tenant ${found.tenant} breaks at seq ${found.seq} (${found.kind})`,
    details: { tenant: found.tenant, seq: found.seq, break: found.kind, detail: found.detail },
  };
}
