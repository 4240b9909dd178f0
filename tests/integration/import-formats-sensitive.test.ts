// The sensitive-data policy as the vault's settings define it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSensitivePolicy } from '../../electron/core/ingest/sensitive';
import { openVault } from '../../electron/core/vault/open-vault';
import { PASSPHRASE } from '../support/cli';
import { tempDir } from '../support/temp';

describe('readSensitivePolicy', () => {
  it("reads the vault's sensitive_fields, classification rules and redaction key", () => {
    const db = openVault(path.join(tempDir(), 'v.vault'), PASSPHRASE, { create: true });
    const fresh = readSensitivePolicy(db);
    expect(fresh.fields).toEqual(['password', 'ssn', 'credit_card', 'bank_account']);
    expect(fresh.redactionKey).toBeNull();
    const set = db.prepare('INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)');
    set.run('sensitive_fields', JSON.stringify(['iban']));
    set.run('classification_rules', JSON.stringify([{ when: {}, classification: 'RESTRICTED' }]));
    set.run('redaction_key', JSON.stringify('ab'.repeat(32)));
    const custom = readSensitivePolicy(db);
    expect(custom.fields).toEqual(['iban']);
    expect(custom.rules).toEqual([{ when: {}, classification: 'RESTRICTED' }]);
    expect(custom.redactionKey?.length).toBe(32);
    set.run('classification_rules', JSON.stringify([{ classification: 'SECRETISH' }]));
    expect(() => readSensitivePolicy(db)).toThrow(/classification_rules\[0\]/);
    db.close();
  });
});
