import { expect, test } from './support/fixtures';

test('dashboard: totals, charts, and a click drills into the trail', async ({ app, page }) => {
  await app.go('Dashboard');
  await expect(app.dashboard.card('Records')).toContainText(/3,\d{3}/);
  await expect(app.dashboard.card('Open violations')).toContainText(/critical/);
  await expect(app.dashboard.chart('By operation')).toBeVisible();
  await expect(app.dashboard.chart('Operations over time').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await app.dashboard.card('Open violations').click();
  await expect(page).toHaveURL(/#\/trail\?kind=violation/);
  await expect(app.trail.rows.first()).toBeVisible();
});

test('integrity: verify with progress, each tenant intact', async ({ app }) => {
  await app.go('Integrity');
  await app.integrity.verifyButton.click();
  await expect(app.integrity.verdict).toContainText(/All \d+ chains verified/);
  // A header and one row per chain: the four tenants of the e2e vault, and the vault's own chain
  // once another spec has recorded a report in it.
  expect(await app.integrity.chains.getByRole('row').count()).toBeGreaterThanOrEqual(5);
  await expect(app.integrity.chains).toContainText('acme');
});

test('import: a good file comes in, a bad one is refused with its line, field and reason', async ({ app, page }) => {
  await app.go('Import');
  const good = JSON.stringify({
    id: 'imported-1', kind: 'log', tenant: 'import-test', user: 'ivy@example.com', timestamp: '2024-07-01T09:00:00Z',
    operation: 'CREATE', resource_type: 'vendor', resource_id: 'V-1', resource_name: 'Vendor one',
  });
  const bad = `${good.replace('imported-1', 'imported-2')}\n{"id":"x","kind":"log","tenant":"t","timestamp":"yesterday","operation":"CREATE","resource_type":"a"}\n`;
  await app.importer.choose([{ name: 'good.ndjson', content: `${good}\n` }, { name: 'bad.ndjson', content: bad }]);
  await expect(app.importer.result('good.ndjson')).toContainText('Imported 1 records');
  await expect(app.importer.result('bad.ndjson')).toContainText('Not imported');
  await expect(app.importer.result('bad.ndjson').getByRole('table')).toContainText('timestamp');
  await expect(app.importer.result('bad.ndjson').getByRole('row').nth(1)).toContainText('2');
  await app.go('Trail');
  await app.trail.choose('Tenant', 'import-test');
  await app.trail.expectCount('1 record');
  await expect(page.getByText('Vendor one')).toBeVisible();
});
