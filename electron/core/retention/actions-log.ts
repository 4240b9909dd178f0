// Every retention action and hold change is itself a record in the chain (issue 6): kind log, a
// resource of type `retention` or `legal_hold`, in the tenant it concerns (a hold over every tenant is
// noted in the vault's own tenant, auditdesk:system). API keys' creation and revocation are noted the
// same way (keys/api-keys.ts), in auditdesk:system. Called inside the caller's transaction.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../../../shared/canonical-json';
import type { AuditRecord } from '../../../shared/records/record-schema';
import { nodeSha256 } from '../node-sha';
import { Admission } from '../vault/admission';
import { SYSTEM_TENANT } from '../vault/integrity-violation';

export interface ActionNote {
  tenant: string | null;
  user: string;
  operation: string;
  resource_type: 'retention' | 'legal_hold' | 'api_key';
  resource_id: string;
  /** What the trail shows for the resource (an API key's id alone says little). */
  resource_name?: string;
  new_data: JsonObject;
  old_data?: JsonObject | null;
}

export function noteActions(db: Database.Database, notes: ActionNote[]): Array<{ tenant: string; id: string }> {
  if (notes.length === 0) return [];
  const admission = new Admission(db, nodeSha256);
  const timestamp = new Date().toISOString();
  const written: Array<{ tenant: string; id: string }> = [];
  for (const note of notes) {
    const tenant = note.tenant ?? SYSTEM_TENANT;
    const record: AuditRecord = {
      id: `${note.resource_type}:${note.operation.toLowerCase()}:${randomUUID()}`,
      kind: 'log',
      tenant,
      user: note.user,
      timestamp,
      operation: note.operation,
      resource_type: note.resource_type,
      resource_id: note.resource_id,
      ...(note.resource_name ? { resource_name: note.resource_name } : {}),
      old_data: note.old_data ?? null,
      new_data: note.new_data,
      changed_fields: Object.keys(note.new_data),
    };
    admission.admit(record);
    written.push({ tenant, id: record.id });
  }
  admission.finish();
  return written;
}
