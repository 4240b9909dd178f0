import { expect, test } from './support/fixtures';
import { HOSTILE_NAME } from './support/e2e-vault';

test.describe('Record', () => {
  test('hostile text in a record shows as text, never as markup', async ({ app, page }) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await app.go('Trail');
    await app.trail.search('INV-666');
    await expect(app.trail.row(HOSTILE_NAME)).toBeVisible();
    await app.trail.openRow(HOSTILE_NAME);
    await expect(app.record.title).toHaveText(HOSTILE_NAME);
    await expect(app.record.diffRow('note')).toContainText('<script>alert(2)</script>');
    expect(await page.locator('img[src="x"], main script').count()).toBe(0);
    expect(dialogs).toBe(0);
  });

  test('old and new data as a diff with changed_fields highlighted; chain position and related records', async ({ app, page }) => {
    await app.go('Trail');
    await app.trail.search('INV-666');
    await app.trail.openRow(HOSTILE_NAME);
    await expect(app.record.diffRow('amount')).toHaveClass(/changed/);
    await expect(app.record.diffRow('amount')).toContainText('100');
    await expect(app.record.diffRow('amount')).toContainText('250');
    await expect(app.record.diffRow('note')).not.toHaveClass(/changed/);
    await expect(app.record.chain).toContainText('acme · 1');
    await expect(app.record.chain).toContainText('content matches its hash');
    await expect(page.getByRole('button', { name: 'Copy audit hash' })).toBeVisible();
    await page.getByRole('link', { name: /READ Invoice 666 follow-up/ }).click();
    await expect(app.record.title).toHaveText('Invoice 666 follow-up');
    await expect(app.record.chain).toContainText('acme · 2');
    await page.getByRole('link', { name: '← seq 1' }).click();
    await expect(app.record.title).toHaveText(HOSTILE_NAME);
  });

  test('sensitive values are masked until revealed, and the reveal is recorded as a READ', async ({ app, page }) => {
    await app.go('Trail');
    await app.trail.search('INV-666');
    await app.trail.openRow(HOSTILE_NAME);
    await app.record.expectMasked('password');
    await expect(page.getByText('old-secret-pw')).toHaveCount(0);
    await app.record.revealButton.click();
    await expect(app.record.diffRow('password')).toContainText('old-secret-pw');
    await expect(app.record.diffRow('password')).toContainText('new-secret-pw');
    await expect(page.getByText(/This reveal was recorded as reveal-/)).toBeVisible();
    // The READ record is in the same tenant's chain and names the record it revealed.
    await app.go('Trail');
    await app.trail.choose('Tenant', 'acme');
    await app.trail.choose('Operation', 'READ');
    await expect(app.trail.row('sensitive values of')).toHaveCount(1);
  });

  test('links lead to the resource history and the user activity', async ({ app, page }) => {
    await app.go('Trail');
    await app.trail.search('INV-666');
    await app.trail.openRow(HOSTILE_NAME);
    await page.getByRole('link', { name: 'History of this resource' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('invoice / INV-666');
    await expect(page.getByRole('table').last()).toContainText('Invoice 666 follow-up');
    await page.goBack();
    await page.getByRole('link', { name: 'Activity of mallory@example.com' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activity of mallory@example.com');
    await expect(page.getByRole('figure', { name: 'By operation' })).toBeVisible();
  });
});
