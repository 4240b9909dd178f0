// A reveal of sensitive values is itself audit data: before the values leave the backend, a READ
// record naming the reviewer, the record and the fields shown is appended to that tenant's chain
// through the vault's one admission path, in its own transaction.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditRecord } from '../../../shared/records/record-schema';
import { nodeSha256 } from '../node-sha';
import { Admission } from '../vault/admission';

export interface RevealedRecord {
  tenant: string;
  id: string;
  resourceName: string;
  fields: string[];
  framework?: string;
  classification?: string;
}

export function logReveal(db: Database.Database, reviewer: string, revealed: RevealedRecord): string {
  const id = `reveal-${randomUUID()}`;
  const record = {
    id,
    kind: 'log',
    tenant: revealed.tenant,
    user: reviewer,
    timestamp: new Date().toISOString(),
    operation: 'READ',
    resource_type: 'audit_record',
    resource_id: revealed.id,
    resource_name: `sensitive values of ${revealed.resourceName}`.slice(0, 500),
    old_data: null,
    new_data: { revealed_fields: revealed.fields },
    changed_fields: [],
    is_sensitive: true,
    user_agent: 'AuditDesk review UI',
    parent_audit_id: revealed.id,
    ...(revealed.framework ? { compliance_framework: revealed.framework } : {}),
    ...(revealed.classification ? { data_classification: revealed.classification } : {}),
  } as unknown as AuditRecord;
  db.transaction(() => {
    const admission = new Admission(db, nodeSha256);
    admission.admit(record);
    admission.finish();
  })();
  return id;
}
