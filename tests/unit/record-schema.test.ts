import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../shared/records/record-schema';
import { logRecord } from '../support/records';

describe('record validation (CONTRACT §1)', () => {
  it('accepts a full record and keeps unknown members as they are', () => {
    const input = logRecord({ custom: { nested: [1, 2] } });
    const checked = checkRecord(input);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.record).toBe(input);
  });

  it.each([
    [{ id: undefined }, 'id', /required/],
    [{ tenant: '' }, 'tenant', /empty/],
    [{ timestamp: 'yesterday' }, 'timestamp', /RFC 3339/],
    [{ operation: 'update' }, 'operation', /upper-case/],
    [{ is_sensitive: 'yes' }, 'is_sensitive', /boolean/],
    [{ compliance_framework: 'NIST' }, 'compliance_framework', /./],
    [{ old_data: [1] }, 'old_data', /./],
    [{ changed_fields: 'amount' }, 'changed_fields', /./],
  ])('names the field: %j', (override, field, message) => {
    const checked = checkRecord(logRecord(override as never));
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors[0]!.field).toBe(field);
      expect(checked.errors[0]!.message).toMatch(message);
    }
  });

  it('refuses an unknown kind by name', () => {
    const checked = checkRecord(logRecord({ kind: 'audit' }));
    expect(checked).toEqual({ ok: false, errors: [{ field: 'kind', message: expect.stringMatching(/unknown kind "audit"/) }] });
  });

  it('wants all three chain fields or none', () => {
    const checked = checkRecord(logRecord({ seq: 1 }));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.map((e) => e.field)).toEqual(['prev_hash', 'audit_hash']);
  });

  it('accepts each of the four kinds', () => {
    const base = { id: 'x', tenant: 't', user: null, timestamp: '2024-01-01T00:00:00.123456+01:00' };
    expect(checkRecord({ ...base, kind: 'query', query_type: 'SELECT', record_count: 3 }).ok).toBe(true);
    expect(checkRecord({ ...base, kind: 'export', export_type: 'CSV', file_size: 10 }).ok).toBe(true);
    expect(checkRecord({ ...base, kind: 'violation', violation_type: 'DATA_BREACH', severity: 'HIGH', status: 'OPEN' }).ok).toBe(true);
  });
});
