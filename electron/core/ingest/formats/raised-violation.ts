// Violations that a format raises while reading (a seed hash that no longer matches, an access the
// source system denied). They are ordinary records yielded right after the record they are about, so
// they land in the same all-or-nothing transaction. Their id and timestamp come from that record, never
// from the clock: importing the same file again must find the same violation and add nothing.
import type { JsonObject } from '../../../../shared/canonical-json';

export interface RaisedViolation {
  /** Stable: derived from the record the violation is about. */
  id: string;
  tenant: string;
  user: string | null;
  timestamp: string;
  violation_type: string;
  severity: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  description: string;
  details: JsonObject;
}

export function raisedViolation(v: RaisedViolation): JsonObject {
  return {
    id: v.id,
    kind: 'violation',
    tenant: v.tenant,
    user: v.user,
    timestamp: v.timestamp,
    violation_type: v.violation_type,
    severity: v.severity,
    status: 'OPEN',
    description: v.description,
    details: v.details,
  };
}
