// Requests that reach the collector together are admitted in one transaction (group commit): each is
// still answered with its own counts, only after the commit, and a failed transaction fails every
// request of the group with nothing of any of them stored.
import { afterEach, describe, expect, it } from 'vitest';
import { registerSigner } from '../../electron/core/ledger/signer-registry';
import { createSigningKey, loadSigner } from '../../electron/core/ledger/signing-key';
import { openVault } from '../../electron/core/vault/open-vault';
import { PASSPHRASE } from '../support/cli';
import { logRecord } from '../support/records';
import { recordCount, startCollector, type Harness } from './collector-harness';

let h: Harness;
afterEach(async () => h.close());

const post = (id: string) =>
  h.app.inject({ method: 'POST', url: '/api/audit/audit-logs/', headers: { ...h.auth, 'content-type': 'application/json' }, payload: JSON.stringify(logRecord({ id, tenant: 'acme' })) });

describe('group commit', () => {
  it('answers each of ten simultaneous requests with its own result, all committed, in fewer transactions', async () => {
    h = await startCollector();
    createSigningKey(h.db, h.vaultPath, PASSPHRASE);
    registerSigner(h.db, loadSigner(h.vaultPath, PASSPHRASE)!); // a signed checkpoint per transaction
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => post(`g${i}`)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(201));
    expect(answers.map((a) => a.json())).toEqual(Array.from({ length: 10 }, (_, i) => expect.objectContaining({ id: `g${i}`, inserted: 1 })));
    expect(recordCount(h.db, "kind = 'log'")).toBe(10);
    const checkpoints = (h.db.prepare('SELECT count(*) AS n FROM checkpoints').get() as { n: number }).n;
    expect(checkpoints).toBeGreaterThan(0);
    expect(checkpoints).toBeLessThan(10);
    // A re-sent record in the same group is a duplicate, not stored twice.
    const again = await Promise.all([post('g0'), post('g10')]);
    expect(again.map((a) => a.json().inserted)).toEqual([0, 1]);
    expect(again[0]!.json().duplicates).toBe(1);
  });

  it('fails every request of a group whose transaction cannot commit, and stores none of them', async () => {
    h = await startCollector();
    // Another connection holds the write lock past the collector's busy timeout.
    const other = openVault(h.vaultPath, PASSPHRASE);
    h.db.pragma('busy_timeout = 50');
    other.exec('BEGIN IMMEDIATE');
    try {
      const answers = await Promise.all([post('b1'), post('b2'), post('b3')]);
      expect(answers.map((a) => a.statusCode)).toEqual([503, 503, 503]);
      expect(answers[0]!.headers['retry-after']).toBeDefined();
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(recordCount(h.db, "kind = 'log'")).toBe(0);
    expect((await post('b1')).statusCode).toBe(201);
  });
});
