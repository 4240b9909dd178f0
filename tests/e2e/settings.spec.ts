// The Settings screen on the e2e vault under `auditdesk serve`: a key created in the UI lets a test
// POST a record to the collector, and refuses it (401) once revoked; a detection threshold changed
// and saved, with the change in the chain's history; a bad threshold refused beside its field.
import path from 'node:path';
import { SettingsPage } from './page-models/settings-page';
import { expect, test } from './support/fixtures';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');

const record = (id: string) => ({
  id, tenant: 'settings-e2e', user: 'zoe@acme.test', timestamp: '2024-07-01T09:00:00Z',
  operation: 'UPDATE', resource_type: 'invoice', resource_id: '42',
  old_data: { amount: 1000 }, new_data: { amount: 1200 }, changed_fields: ['amount'],
});

test('a key created here sends records to the collector until it is revoked', async ({ app, page }) => {
  void app;
  const settings = new SettingsPage(page);
  await settings.open();
  const name = `e2e-${Date.now()}`;
  const key = await settings.createKey(name);
  expect(key).toMatch(/^adk_/);
  await expect(page.getByText('store it now, it will not be shown again')).toBeVisible();
  await expect(settings.keys.getByRole('row', { name: new RegExp(name) })).toContainText('never');

  // Under serve the collector shares the UI's origin; the desktop app runs its own on loopback.
  const endpoint = (await settings.collectorEndpoint.textContent())!;
  if (test.info().project.name === 'electron') expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/audit\/$/);
  else expect(endpoint).toBe(`${new URL(page.url()).origin}/api/audit/`);
  const post = (id: string) =>
    fetch(`${endpoint}audit-logs/`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(record(id)) });
  const sent = await post(`${name}-1`);
  expect(sent.status).toBe(201);
  expect(await sent.json()).toMatchObject({ inserted: 1 });
  const stored = await fetch(`${endpoint}audit-logs/?tenant=settings-e2e`, { headers: { authorization: `Bearer ${key}` } });
  expect(((await stored.json()) as { results: Array<{ id: string }> }).results.map((r) => r.id)).toContain(`${name}-1`);

  // The key is shown once: after the notice is dismissed (or the screen reloaded) it is nowhere on the page.
  await page.getByRole('button', { name: 'I have stored it' }).click();
  await page.reload();
  await settings.open();
  await expect(page.getByText(key)).toHaveCount(0);
  await expect(settings.keys.getByRole('row', { name: new RegExp(name) })).not.toContainText('never');

  await settings.revokeKey(name);
  await expect(settings.keys.getByRole('row', { name: new RegExp(name) })).toContainText('revoked');
  expect((await post(`${name}-2`)).status).toBe(401);
});

test('a changed threshold is saved and recorded in the chain; a bad one is refused beside its field', async ({ app, page }) => {
  void app;
  const settings = new SettingsPage(page);
  await settings.open();
  const threshold = settings.rule('DATA_LEAKAGE').getByLabel('Threshold (records)');

  await settings.setThreshold('DATA_LEAKAGE', '0');
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.rule('DATA_LEAKAGE')).toContainText('the threshold must be 1 or more');
  await expect(settings.rules.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();

  const value = String(20_000 + Math.floor(Math.random() * 1000));
  await settings.setThreshold('DATA_LEAKAGE', value);
  await expect(settings.rules.getByText('Saved. The change is recorded')).toBeVisible();
  await expect(threshold).not.toHaveAttribute('aria-invalid', 'true');
  const change = settings.history.locator('tbody tr').first();
  await expect(change).toContainText('detection_rules');
  await expect(change).toContainText('DATA_LEAKAGE');

  // Saved: a fresh load shows it. Recorded: the history links to the record, whose new value is it.
  await page.reload();
  await settings.open();
  await expect(settings.rule('DATA_LEAKAGE').getByLabel('Threshold (records)')).toHaveValue(value);
  await settings.history.locator('tbody tr').first().getByRole('link').click();
  await expect(page.locator('main')).toContainText('setting detection_rules');
  await expect(page.locator('main')).toContainText(value);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots, ${scheme}`, async ({ app, page }) => {
    void app;
    await page.emulateMedia({ colorScheme: scheme });
    const settings = new SettingsPage(page);
    await settings.open();
    await settings.createKey(`shot-${scheme}-${Date.now()}`);
    await settings.rule('UNAUTHORIZED_EXPORT').getByLabel('Threshold (records)').fill('');
    await settings.rules.getByRole('button', { name: 'Save detection rules' }).click();
    await expect(settings.rule('UNAUTHORIZED_EXPORT')).toContainText('must be a number');
    // The content pane scrolls, not the page: a tall window shows the whole screen at once.
    await page.setViewportSize({ width: 1440, height: 2300 });
    await page.getByRole('heading', { level: 1, name: 'Settings' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, `settings-${scheme}.png`) });
  });
}
