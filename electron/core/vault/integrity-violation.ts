// A chain break becomes an AuditViolation record (issue 4's tamper alarm). It lives in the vault's own
// chain, not the broken tenant's: appending vault-assigned seqs to a producer's chain would collide with
// the producer's next records. Its id names the break, so finding the same break again adds nothing.
import type { AuditRecord } from '../../../shared/records/record-schema';
import type { WitnessResult } from '../ledger/witness';
import type { TenantBreak } from './admission';

export const SYSTEM_TENANT = 'auditdesk:system';

export function integrityViolation(found: TenantBreak, now: string): AuditRecord {
  return alarm(
    `integrity:${found.tenant}:${found.seq}:${found.kind}`,
    now,
    `The chain of tenant ${found.tenant} breaks at seq ${found.seq} (${found.kind})`,
    { tenant: found.tenant, seq: found.seq, break: found.kind, detail: found.detail },
  );
}

/**
 * A producer's signed checkpoint that the tenant's records do not match (`auditdesk witness`). Its id
 * names the checkpoint (tenant, origin, size, root), so witnessing the same checkpoint again adds nothing.
 */
export function witnessMismatchViolation(found: WitnessResult, now: string): AuditRecord {
  return alarm(
    `integrity:witness:${found.tenant}:${found.origin}:${found.size}:${found.root}`,
    now,
    `The first ${found.size} records of tenant ${found.tenant} are not those ${found.origin} signed in its checkpoint`,
    {
      tenant: found.tenant,
      break: 'witness_mismatch',
      origin: found.origin,
      size: found.size,
      producer_root: found.root,
      vault_root: found.vaultRoot,
      detail: found.message,
    },
  );
}

/** A CRITICAL, OPEN INTEGRITY_FAILURE in the vault's own chain. */
function alarm(id: string, now: string, description: string, details: NonNullable<AuditRecord['details']>): AuditRecord {
  return {
    id, kind: 'violation', tenant: SYSTEM_TENANT, user: null, timestamp: now,
    violation_type: 'INTEGRITY_FAILURE', severity: 'CRITICAL', status: 'OPEN', description, details,
  };
}
