import { computeAuditHash } from '../../shared/chain/record-hash';
import { ZERO_HASH, pureSha256 } from '../../shared/hash';
import type { JsonObject } from '../../shared/canonical-json';

let counter = 0;

/** A valid AuditLog record of CONTRACT §1, without chain fields. */
export function logRecord(overrides: JsonObject = {}): JsonObject {
  counter++;
  return {
    id: `rec-${counter}`,
    kind: 'log',
    tenant: 't1',
    user: 'zoe@example.com',
    timestamp: '2024-05-01T12:00:00Z',
    operation: 'UPDATE',
    resource_type: 'invoice',
    resource_id: '42',
    old_data: { amount: 1000 },
    new_data: { amount: 1200 },
    changed_fields: ['amount'],
    compliance_framework: 'SOX',
    data_classification: 'CONFIDENTIAL',
    is_sensitive: false,
    ...overrides,
  };
}

/** Chains records by hand, to the contract (CONTRACT §2), independently of the vault's code path. */
export function chainByHand(records: JsonObject[]): JsonObject[] {
  let prev = ZERO_HASH;
  return records.map((r, i) => {
    const withLinks = { ...r, seq: i + 1, prev_hash: prev };
    const audit_hash = computeAuditHash(withLinks, pureSha256);
    prev = audit_hash;
    return { ...withLinks, audit_hash };
  });
}
