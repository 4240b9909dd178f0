// Recomputes the seed system's own per-record audit_hash, to tell the auditor whether an exported
// record still matches what the seed stored: SHA-256 of Python's json.dumps(d, sort_keys=True) with
// d = {tenant_id, user_id, operation, resource_type, resource_id, timestamp (isoformat), old_data,
// new_data} and '' for a missing tenant or user. This is evidence about the source system only: the
// vault chains imported records itself and never uses the seed's hash as its own.
import { createHash } from 'node:crypto';
import { isLosslessObject, JsonNumberText, type LosslessObject, type LosslessValue } from './lossless-json';
import { pythonIsoformatGuess } from './python-isoformat';
import { pythonJsonDumps } from './python-json-dumps';

export type SeedHashStatus = 'verified' | 'mismatch' | 'unverifiable';

export interface SeedHashCheck {
  status: SeedHashStatus;
  /** Why, in words an auditor can read. */
  reason: string;
}

const HASHED_FIELDS = ['operation', 'resource_type', 'resource_id', 'old_data', 'new_data'] as const;

/** The id of a foreign key as the seed's model had it: dumpdata writes the pk, an API answer may nest it. */
function foreignId(value: LosslessValue | undefined): LosslessValue {
  if (value === undefined || value === null) return '';
  if (isLosslessObject(value)) return value.id ?? value.pk ?? '';
  return value;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The text the seed hashed, for one guess of the ids' and the timestamp's form. Exported for tests. */
export function seedHashInput(fields: LosslessObject, tenantId: LosslessValue, userId: LosslessValue, timestamp: string): string {
  const d: LosslessObject = {
    tenant_id: tenantId,
    user_id: userId,
    operation: fields.operation!,
    resource_type: fields.resource_type!,
    resource_id: fields.resource_id!,
    timestamp,
    old_data: fields.old_data!,
    new_data: fields.new_data!,
  };
  return pythonJsonDumps(d);
}

/**
 * Checks one seed audit-log's `audit_hash`. `fields` is the record as exported (dumpdata `fields`, or
 * an API answer's object), parsed losslessly; tenant and user may be under `tenant`/`tenant_id`.
 */
export function checkSeedHash(fields: LosslessObject): SeedHashCheck {
  const claimed = fields.audit_hash;
  if (typeof claimed !== 'string' || claimed === '') {
    return { status: 'unverifiable', reason: 'the export carries no audit_hash for this record' };
  }
  const missing = HASHED_FIELDS.filter((f) => !(f in fields));
  if (typeof fields.timestamp !== 'string') missing.push('timestamp' as never);
  if (missing.length) {
    return { status: 'unverifiable', reason: `the export lacks ${missing.join(', ')}, which the seed's hash covers` };
  }
  const guess = pythonIsoformatGuess(fields.timestamp as string);
  if (guess.invalid) return { status: 'unverifiable', reason: guess.invalid };

  const tenant = foreignId(fields.tenant_id ?? fields.tenant);
  const user = foreignId(fields.user_id ?? fields.user);
  // The seed may have hashed the foreign keys as numbers (self.tenant_id) or as text (str(...)).
  const idForms: Array<[LosslessValue, LosslessValue]> = [[tenant, user]];
  const asText = (v: LosslessValue) => (v instanceof JsonNumberText ? v.text : v);
  if (tenant instanceof JsonNumberText || user instanceof JsonNumberText) idForms.push([asText(tenant), asText(user)]);

  const want = claimed.toLowerCase();
  for (const timestamp of guess.candidates) {
    for (const [t, u] of idForms) {
      if (sha256Hex(seedHashInput(fields, t, u, timestamp)) === want) {
        return { status: 'verified', reason: 'the recomputed SHA-256 equals the seed\'s audit_hash' };
      }
    }
  }
  if (guess.lossy) return { status: 'unverifiable', reason: guess.lossy };
  return { status: 'mismatch', reason: 'the record\'s content does not hash to the seed\'s audit_hash: it was changed after the seed stored it, or the hash was' };
}
