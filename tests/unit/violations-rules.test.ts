import { describe, expect, it } from 'vitest';
import { stateOf, type CaseEvent } from '../../electron/core/violations/case-history';
import { LocalClock } from '../../electron/core/violations/detection/local-time';
import { Rules } from '../../electron/core/violations/detection/rules';
import { DEFAULT_RULES } from '../../electron/core/violations/detection/rules-config';
import type { ScanRow } from '../../electron/core/violations/detection/scan-row';
import { allowedNext, refuseTransition } from '../../electron/core/violations/workflow';

describe('the case workflow', () => {
  it('allows the documented moves and refuses the others with the allowed ones named', () => {
    expect(allowedNext('OPEN')).toEqual(['INVESTIGATING', 'RESOLVED']);
    expect(refuseTransition('RESOLVED', 'CLOSED')).toBeNull();
    expect(refuseTransition('CLOSED', 'INVESTIGATING')).toBeNull();
    expect(refuseTransition('CLOSED', 'OPEN')).toMatch(/can move to INVESTIGATING/);
    expect(refuseTransition('INVESTIGATING', 'INVESTIGATING')).toBe('the case is already INVESTIGATING');
  });

  it('reads the state from the latest event; reopening drops the resolution, the assignee stays', () => {
    const e = (to: CaseEvent['to'], extra: Partial<CaseEvent> = {}): CaseEvent => ({
      id: 'x', seq: 1, audit_hash: '', by: 'a', at: '', from: null, to, assignee: null, notes: null, resolution: null, ...extra,
    });
    expect(stateOf({ status: 'OPEN' }, [])).toEqual({ status: 'OPEN', assignee: null, resolution: null });
    expect(stateOf({}, [e('INVESTIGATING', { assignee: 'mei' }), e('RESOLVED', { resolution: 'fixed' })])).toEqual({ status: 'RESOLVED', assignee: 'mei', resolution: 'fixed' });
    expect(stateOf({}, [e('RESOLVED', { resolution: 'fixed', assignee: 'mei' }), e('INVESTIGATING')])).toEqual({ status: 'INVESTIGATING', assignee: 'mei', resolution: null });
    expect(stateOf({}, [e('INVESTIGATING', { assignee: 'mei' }), e('INVESTIGATING', { assignee: '' })]).assignee).toBeNull();
  });
});

describe('detection rules', () => {
  const row = (over: Partial<ScanRow>): ScanRow => ({
    pos: 1, id: 'r1', tenant: 't', kind: 'log', user: 'u', timestamp: '2024-05-06T12:00:00Z', ts_utc: '2024-05-06T12:00:00.000Z',
    operation: 'READ', resource_type: 'invoice', resource_id: '1', data_classification: 'PUBLIC', is_sensitive: 0, record_count: null,
    error_code: null, response_code: null, outcome: null, changed_fields: null, ...over,
  });
  const rules = new Rules(DEFAULT_RULES);

  it('business hours: the end is exclusive, weekends are outside', () => {
    const at = (ts: string) => rules.groupHit(row({ data_classification: 'RESTRICTED', ts_utc: ts }));
    expect(at('2024-05-06T08:00:00.000Z')).toBeNull(); // Monday 08:00
    expect(at('2024-05-06T17:59:59.000Z')).toBeNull();
    expect(at('2024-05-06T18:00:00.000Z')).toMatchObject({ date: '2024-05-06', reason: 'RESTRICTED' });
    expect(at('2024-05-05T12:00:00.000Z')).toMatchObject({ date: '2024-05-05' }); // Sunday
    expect(rules.groupHit(row({ ts_utc: '2024-05-05T12:00:00.000Z' }))).toBeNull(); // PUBLIC, not sensitive
  });

  it('names the denial it saw and the privilege fields that changed', () => {
    expect(rules.recordHits(row({ response_code: 403 }))[0]).toMatchObject({ rule: 'UNAUTHORIZED_ACCESS', id: 'unauthorized:r1', description: expect.stringContaining('HTTP 403') });
    expect(rules.recordHits(row({ error_code: 'ThrottlingException' }))).toEqual([]);
    expect(rules.recordHits(row({ changed_fields: '["amount","permissions"]', operation: 'UPDATE' }))[0]).toMatchObject({ rule: 'PRIVILEGE_ESCALATION', details: { explanation: 'changed permissions' } });
    expect(rules.recordHits(row({ changed_fields: '["amount"]', operation: 'UPDATE' }))).toEqual([]);
  });

  it('local time follows the zone, daylight saving included', () => {
    const paris = new LocalClock('Europe/Paris');
    expect(paris.at(Date.parse('2024-01-15T07:30:00Z'))).toMatchObject({ date: '2024-01-15', minutes: 8 * 60 + 30, weekday: 1 });
    expect(paris.at(Date.parse('2024-07-15T07:30:00Z'))).toMatchObject({ minutes: 9 * 60 + 30 });
    expect(paris.at(Date.parse('2024-07-14T22:30:00Z'))).toMatchObject({ date: '2024-07-15', minutes: 30, weekday: 1 });
  });
});
