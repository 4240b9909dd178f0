// The Settings screen's routes, through the backend both doors share, on a real encrypted vault made
// with the CLI: collector keys created (shown once), listed and revoked; the detection rules, retention
// policies and sensitive field names saved, refused field by field, and every change a record in the
// vault's chain that `auditdesk verify` accepts.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/core/backend/backend';
import { authenticateApiKey } from '../../electron/core/keys/api-keys';
import { cli, PASSPHRASE } from '../support/cli';
import { logRecord } from '../support/records';
import { ndjson, tempDir, writeFile } from '../support/temp';

let backend: Backend | null = null;
afterEach(() => {
  backend?.close();
  backend = null;
});

async function open() {
  const dir = tempDir();
  const vault = path.join(dir, 'v.vault');
  expect((await cli(['init', vault])).code).toBe(0);
  expect((await cli(['import', vault, writeFile(dir, 'r.ndjson', ndjson([logRecord({ tenant: 'acme' })]))])).code).toBe(0);
  backend = createBackend({ vaultPath: vault, passphrase: PASSPHRASE, canChooseVault: false, backgroundIndexing: false, reviewer: 'amara' });
  // Loosely typed on purpose: the assertions below check the shapes the screen relies on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Answer = { ok: boolean; value?: any; error?: any };
  const call = async (route: string, body: unknown) => backend!.handle(route, body) as Promise<Answer>;
  const db = () => backend!.context.session.connection!;
  /** The settings records in the vault's chain, oldest first, as stored. */
  const settingRecords = () =>
    (db().prepare("SELECT canonical FROM records WHERE resource_type = 'setting' ORDER BY pos").pluck().all() as string[]).map((c) => JSON.parse(c));
  return { vault, call, db, settingRecords };
}

async function verifies(vault: string): Promise<boolean> {
  backend!.close();
  backend = null;
  const verify = await cli(['verify', vault, '--json']);
  return JSON.parse(verify.stdout).ok === true;
}

describe('collector keys', () => {
  it('creates a key shown once, lists it without the key, and a revoked key no longer authenticates', async () => {
    const { call, db } = await open();
    const created = await call('settings.createKey', { name: 'payroll-app' });
    expect(created.value.key).toMatch(/^adk_/);
    expect(authenticateApiKey(db(), created.value.key)).toMatchObject({ name: 'payroll-app' });

    const listed = (await call('settings.overview', {})).value.keys;
    expect(listed).toEqual([expect.objectContaining({ name: 'payroll-app', revoked_at: null, prefix: created.value.key.slice(0, 10) })]);
    expect(JSON.stringify(listed)).not.toContain(created.value.key);

    expect((await call('settings.createKey', { name: 'payroll-app' })).error).toMatchObject({ code: 'failed', message: expect.stringMatching(/already exists/) });
    expect((await call('settings.createKey', { name: 'has space' })).error.code).toBe('failed');

    const revoked = await call('settings.revokeKey', { id: created.value.id });
    expect(revoked.value.revoked_at).not.toBeNull();
    expect(authenticateApiKey(db(), created.value.key)).toBeNull();
    expect((await call('settings.revokeKey', { id: 999 })).error.code).toBe('not_found');
  });
});

describe('detection rules', () => {
  it('saves a changed threshold and records the change, with the old and new value, in a chain that verifies', async () => {
    const { vault, call, settingRecords } = await open();
    const rules = (await call('settings.overview', {})).value.rules;
    expect(rules.DATA_LEAKAGE.threshold).toBe(10_000);

    // Saving what is stored changes nothing and records nothing.
    expect((await call('settings.saveRules', { rules })).value).toEqual({ errors: [], changed: [] });
    expect(settingRecords()).toEqual([]);

    const loosened = { ...rules, DATA_LEAKAGE: { ...rules.DATA_LEAKAGE, threshold: 50_000 }, PRIVILEGE_ESCALATION: { ...rules.PRIVILEGE_ESCALATION, enabled: false } };
    expect((await call('settings.saveRules', { rules: loosened })).value).toEqual({ errors: [], changed: ['detection_rules'] });
    const after = await call('settings.overview', {});
    expect(after.value.rules.DATA_LEAKAGE.threshold).toBe(50_000);
    expect(after.value.rules.PRIVILEGE_ESCALATION.enabled).toBe(false);
    expect(after.value.changes).toEqual([expect.objectContaining({ key: 'detection_rules', user: 'amara', changed_fields: ['DATA_LEAKAGE', 'PRIVILEGE_ESCALATION'] })]);

    const [record] = settingRecords();
    expect(record).toMatchObject({ kind: 'log', tenant: 'auditdesk:system', operation: 'UPDATE', resource_type: 'setting', resource_id: 'detection_rules', user: 'amara' });
    expect(record.old_data.detection_rules.DATA_LEAKAGE.threshold).toBe(10_000);
    expect(record.new_data.detection_rules.DATA_LEAKAGE.threshold).toBe(50_000);
    expect(await verifies(vault)).toBe(true);
  });

  it('refuses bad values field by field and saves nothing, including a value only the engine knows is wrong', async () => {
    const { call, settingRecords } = await open();
    const rules = (await call('settings.overview', {})).value.rules;
    const hours = rules.POLICY_VIOLATION.business_hours;
    const bad = { ...rules, DATA_LEAKAGE: { ...rules.DATA_LEAKAGE, threshold: 0 }, POLICY_VIOLATION: { ...rules.POLICY_VIOLATION, business_hours: { ...hours, start: '25:00' } } };
    const refused = (await call('settings.saveRules', { rules: bad })).value;
    expect(refused.changed).toEqual([]);
    expect(refused.errors.map((e: { field: string }) => e.field)).toEqual(['DATA_LEAKAGE.threshold', 'POLICY_VIOLATION.business_hours.start']);

    // The time zone is checked by the rules engine: its refusal names the field, and the whole save rolls back.
    const zone = { ...rules, DATA_LEAKAGE: { ...rules.DATA_LEAKAGE, threshold: 5 }, POLICY_VIOLATION: { ...rules.POLICY_VIOLATION, business_hours: { ...hours, time_zone: 'Mars/Olympus' } } };
    const engine = (await call('settings.saveRules', { rules: zone })).value;
    expect(engine.errors).toEqual([{ field: 'POLICY_VIOLATION.business_hours.time_zone', message: expect.stringMatching(/unknown time zone/) }]);
    expect((await call('settings.overview', {})).value.rules.DATA_LEAKAGE.threshold).toBe(10_000);
    expect(settingRecords()).toEqual([]);
  });
});

describe('retention policies and sensitive fields', () => {
  it('saves per-framework days and archive_after_days, one chain record per key changed, seen by the Retention screen', async () => {
    const { vault, call, settingRecords } = await open();
    const saved = await call('settings.saveRetention', { retention: { retention_days: { SOX: 30, DEFAULT: 3650 }, archive_after_days: 90 } });
    expect(saved.value).toEqual({ errors: [], changed: ['retention_days', 'archive_after_days'] });
    expect((await call('retention.overview', {})).value.policy).toEqual({ retention_days: { SOX: 30, DEFAULT: 3650 }, archive_after_days: 90 });
    expect(settingRecords().map((r) => [r.resource_id, r.new_data])).toEqual([
      ['retention_days', { retention_days: { SOX: 30, DEFAULT: 3650 } }],
      ['archive_after_days', { archive_after_days: 90 }],
    ]);

    const bad = await call('settings.saveRetention', { retention: { retention_days: { SOX: -1, 'bad name': 5 }, archive_after_days: 1.5 } });
    expect(bad.value.errors.map((e: { field: string }) => e.field).sort()).toEqual(['archive_after_days', 'retention_days.SOX', 'retention_days.bad name']);
    expect(await verifies(vault)).toBe(true);
  });

  it('saves the sensitive field names without case duplicates, and refuses an empty name', async () => {
    const { call, settingRecords } = await open();
    expect((await call('settings.saveSensitiveFields', { fields: ['password', 'IBAN', 'iban'] })).value.changed).toEqual(['sensitive_fields']);
    expect((await call('settings.overview', {})).value.sensitive_fields).toEqual(['password', 'IBAN']);
    // Shown as stored, so saving the list back as shown is no change.
    expect((await call('settings.saveSensitiveFields', { fields: ['password', 'IBAN'] })).value.changed).toEqual([]);
    expect(settingRecords()[0].old_data).toEqual({ sensitive_fields: ['password', 'ssn', 'credit_card', 'bank_account'] });
    expect((await call('settings.saveSensitiveFields', { fields: ['ok', ' '] })).value.errors).toEqual([{ field: 'fields.1', message: 'a field name cannot be empty' }]);
  });

  it('answers locked while the vault is locked', async () => {
    const { call } = await open();
    await call('session.lock', {});
    expect((await call('settings.overview', {})).error.code).toBe('locked');
    expect((await call('settings.saveRules', { rules: {} })).error.code).toBe('locked');
  });
});

describe('auditdesk violations rules --set', () => {
  it('records its change in the chain like the screen, and leaves nothing stored when a value is refused', async () => {
    const { vault, call, settingRecords } = await open();
    backend!.close();
    backend = null;
    const refused = await cli(['violations', 'rules', vault, '--set', 'DATA_LEAKAGE.threshold=5', '--set', 'UNAUTHORIZED_EXPORT.threshold=0']);
    expect(refused.code).toBe(2);
    expect((await cli(['violations', 'rules', vault, '--json'])).stdout).toContain('"threshold":10000');

    expect((await cli(['violations', 'rules', vault, '--set', 'DATA_LEAKAGE.threshold=5', '--by', 'mei'])).code).toBe(0);
    backend = createBackend({ vaultPath: vault, passphrase: PASSPHRASE, canChooseVault: false, backgroundIndexing: false, reviewer: 'amara' });
    expect((await call('settings.overview', {})).value.changes).toEqual([expect.objectContaining({ key: 'detection_rules', user: 'mei', changed_fields: ['DATA_LEAKAGE'] })]);
    expect(settingRecords()).toHaveLength(1);
  });
});
