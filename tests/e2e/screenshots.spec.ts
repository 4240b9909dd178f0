// Screenshots of every screen in both themes, for a person to look at (test-results/screenshots).
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { HOSTILE_NAME } from './support/e2e-vault';

const DIR = path.resolve(__dirname, '../../test-results/screenshots');

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen, ${scheme}`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const shot = (name: string) => page.screenshot({ path: path.join(DIR, `${name}-${scheme}.png`) });
    await app.go('Dashboard');
    await expect(app.dashboard.chart('By operation').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await shot('dashboard');
    await app.go('Trail');
    await expect(app.trail.rows.first()).toBeVisible();
    await app.trail.grid.focus();
    await page.keyboard.press('j');
    await shot('trail');
    await app.trail.search('INV-666');
    await app.trail.openRow(HOSTILE_NAME);
    await expect(app.record.title).toBeVisible();
    await shot('record');
    await page.getByRole('link', { name: 'History of this resource' }).click();
    await expect(page.getByRole('figure', { name: 'By operation' })).toBeVisible();
    await shot('resource');
    await page.goto(page.url().replace(/#.*$/, '#/user/zoe.martin%40example.com'));
    await expect(page.getByRole('figure', { name: 'Over time' })).toBeVisible();
    await shot('user');
    await app.go('Integrity');
    await app.integrity.verifyButton.click();
    await expect(app.integrity.verifyButton).toHaveText('Verify every chain');
    await expect(app.integrity.verdict).toBeVisible();
    await shot('integrity');
    await app.go('Import');
    // A refused file changes nothing in the vault, and shows the per-line errors.
    await app.importer.choose([{ name: 'refused.ndjson', content: '{"id":"x","kind":"log","tenant":"t","timestamp":"soon","operation":"create","resource_type":"a"}\n' }]);
    await expect(app.importer.result('refused.ndjson')).toContainText('Not imported');
    await shot('import');
    await app.lock();
    await shot('unlock');
    await app.unlockScreen.unlock('e2e passphrase for the review UI');
    await expect(app.nav).toBeVisible();
  });
}
