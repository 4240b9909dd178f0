// The Retention screen on the e2e vault: the policies from its settings, a dry-run preview, legal
// holds added and released (each in the history of actions), and a refused hold explained.
import path from 'node:path';
import { RetentionPage } from './page-models/retention-page';
import { expect, test } from './support/fixtures';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');

test('shows the policies and previews a run without changing anything', async ({ app, page }) => {
    void app;
  const retention = new RetentionPage(page);
  await retention.open();
  await expect(retention.policies.getByRole('row', { name: /SOX/ })).toContainText('2,555 days');
  await expect(page.getByTestId('archive-after')).toHaveText('365 days');
  await retention.previewButton.click();
  await expect(retention.preview).toContainText('Would be archived');
  const archived = await retention.preview.locator('.card-value').first().textContent();
  expect(Number(archived!.replace(/,/g, ''))).toBeGreaterThan(0);
  // A dry run: previewing again finds the same records.
  await retention.previewButton.click();
  await expect(retention.preview.locator('.card-value').first()).toHaveText(archived!);
  await page.getByText(/^To archive:/).click();
  await expect(page.getByRole('table', { name: 'To archive' }).getByRole('link').first()).toBeVisible();
});

test('adds and releases a legal hold; both are in the history, and the preview counts what it keeps', async ({ app, page }) => {
    void app;
  const retention = new RetentionPage(page);
  await retention.open();
  await retention.addHold({ reason: 'no criterion' });
  await expect(page.getByRole('alert')).toContainText('say what the hold covers');

  await retention.addHold({ tenant: 'acme', reason: 'litigation e2e' });
  const hold = retention.standingHolds.getByRole('row', { name: /litigation e2e/ });
  await expect(hold).toContainText('tenant acme');
  await expect(retention.history.locator('tbody tr').first()).toContainText('Hold added');

  await retention.previewButton.click();
  // The hold over acme keeps its old records from being archived.
  await expect(retention.preview.locator('.card-note').first()).not.toHaveText('0 kept by holds');

  await hold.getByLabel(/Reason for releasing hold/).fill('case settled');
  await hold.getByRole('button', { name: 'Release' }).click();
  await expect(page.getByText('No legal hold stands.')).toBeVisible();
  await expect(retention.history.locator('tbody tr').first()).toContainText('Hold released');
  await expect(retention.history.locator('tbody tr').first()).toContainText('case settled');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots, ${scheme}`, async ({ app, page }) => {
    void app;
    await page.emulateMedia({ colorScheme: scheme });
    const retention = new RetentionPage(page);
    await retention.open();
    await retention.addHold({ tenant: 'tenant-01', user: 'priya.raman@example.in', reason: `screenshot hold ${scheme}` });
    await expect(retention.standingHolds).toContainText(`screenshot hold ${scheme}`);
    await retention.previewButton.click();
    await expect(retention.preview).toBeVisible();
    await page.getByText(/^To archive:/).click();
    await page.screenshot({ path: path.join(SHOTS, `retention-${scheme}.png`), fullPage: true });
  });
}
