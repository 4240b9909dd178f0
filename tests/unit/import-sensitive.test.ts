import { describe, expect, it } from 'vitest';
import { applySensitivePolicy, REDACTION_PREFIX, sensitivePolicy } from '../../electron/core/ingest/sensitive';
import { sensitiveNameMatcher } from '../../electron/core/ingest/sensitive/field-names';
import { logRecord, chainByHand } from '../support/records';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- records read back are free-form JSON
type Rec = Record<string, any>;

const policy = sensitivePolicy(); // the seed's defaults: password, ssn, credit_card, bank_account
const key = new Uint8Array(32).fill(7);

describe('sensitive field names', () => {
  it('match as words in any naming style, never as loose substrings', () => {
    const m = sensitiveNameMatcher(['credit_card', 'ssn']);
    expect(['credit_card', 'creditCard', 'Credit-Card', 'customer_credit_card_number', 'SSN', 'user_ssn'].every(m)).toBe(true);
    expect(['classname', 'credit', 'card_credit', 'lessnumber'].some(m)).toBe(false);
  });
});

describe('applySensitivePolicy', () => {
  it('finds sensitive names at any depth of old/new data and sets is_sensitive', () => {
    const record = logRecord({ id: 's1', is_sensitive: false, old_data: {}, new_data: { customer: { cards: [{ creditCard: '4111' }] } } });
    delete record.data_classification;
    const out = applySensitivePolicy(record, policy);
    expect(out.found).toEqual(['new_data.customer.cards[0].creditCard']);
    expect(out.record).toMatchObject({ is_sensitive: true, data_classification: 'CONFIDENTIAL', sensitive_fields_found: out.found });
    expect(record.is_sensitive).toBe(false); // the input is not modified
  });

  it('looks at query fields: filters_applied and the names in fields_accessed', () => {
    const query = { id: 'q', kind: 'query', tenant: 't', timestamp: '2024-01-01T00:00:00Z', query_type: 'SELECT', filters_applied: { ssn: '1' }, fields_accessed: ['name', 'bank_account'] };
    expect(applySensitivePolicy(query, policy).found).toEqual(['filters_applied.ssn', 'fields_accessed[1]']);
  });

  it('gives a default classification by the rules, and keeps one the record has', () => {
    const plain = logRecord({ old_data: {}, new_data: { amount: 1 } });
    delete plain.data_classification;
    expect(applySensitivePolicy(plain, policy).record).toMatchObject({ data_classification: 'INTERNAL' });
    const card = logRecord({ compliance_framework: 'PCI_DSS', new_data: { credit_card: '4111' } });
    delete card.data_classification;
    expect(applySensitivePolicy(card, policy).record).toMatchObject({ data_classification: 'RESTRICTED' });
    expect(applySensitivePolicy(logRecord({ data_classification: 'PUBLIC' }), policy).record).toMatchObject({ data_classification: 'PUBLIC' });
    const custom = sensitivePolicy({ rules: [{ when: { resource_type: ['invoice'] }, classification: 'TOP_SECRET' }] });
    const invoice = logRecord();
    delete invoice.data_classification;
    expect(applySensitivePolicy(invoice, custom).record).toMatchObject({ data_classification: 'TOP_SECRET' });
  });

  it('redacts sensitive values everywhere in the record, the kept original included, with a keyed tag', () => {
    const record = logRecord({ new_data: { password: 'hunter2', note: 'ok' }, original: { requestParameters: { password: 'hunter2' } } });
    const out = applySensitivePolicy(record, sensitivePolicy({ redactionKey: key })).record as Rec;
    expect(out.new_data.password).toMatch(new RegExp(`^${REDACTION_PREFIX}[0-9a-f]{64}$`));
    expect(out.original.requestParameters.password).toBe(out.new_data.password); // equal values, equal tags
    expect(out.new_data.note).toBe('ok');
    expect(JSON.stringify(out)).not.toContain('hunter2');
    expect(out.redacted_fields).toEqual(['new_data.password', 'original.requestParameters.password']);
    const otherKey = applySensitivePolicy(record, sensitivePolicy({ redactionKey: new Uint8Array(32) })).record as Rec;
    expect(otherKey.new_data.password).not.toBe(out.new_data.password);
  });

  it('never changes a record that arrives with its own chain (its hashes would break), only reports', () => {
    const [chained] = chainByHand([logRecord({ new_data: { password: 'hunter2' }, is_sensitive: false })]);
    const out = applySensitivePolicy(chained, sensitivePolicy({ redactionKey: key }));
    expect(out.record).toBe(chained);
    expect(out.found).toEqual(['new_data.password']);
    expect(out.redacted).toEqual([]);
  });

  it('leaves export and violation records and non-objects alone', () => {
    const exp = { id: 'e', kind: 'export', tenant: 't', timestamp: '2024-01-01T00:00:00Z', export_type: 'CSV' };
    expect(applySensitivePolicy(exp, policy).record).toBe(exp);
    expect(applySensitivePolicy('x', policy).record).toBe('x');
  });
});
