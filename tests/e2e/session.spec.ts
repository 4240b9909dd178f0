import { expect, test } from './support/fixtures';
import { PASSPHRASE } from './support/e2e-vault';

test('lock hides the vault; a wrong passphrase is refused; the right one unlocks', async ({ app, page }) => {
  await app.go('Trail');
  await expect(app.trail.rows.first()).toBeVisible();
  await app.lock();
  await expect(app.trail.grid).toHaveCount(0);
  await app.unlockScreen.unlock('not the passphrase');
  await app.unlockScreen.expectRefused();
  await app.unlockScreen.unlock(PASSPHRASE);
  await expect(app.nav).toBeVisible();
  // A reload keeps the session (the cookie), and the unlocked state lives in the backend.
  await page.reload();
  await expect(app.nav).toBeVisible();
});

test('the lock shortcut (Ctrl+Shift+L) locks', async ({ app, page }) => {
  await page.keyboard.press('Control+Shift+L');
  await expect(app.unlockScreen.heading).toBeVisible();
  await app.unlockScreen.unlock(PASSPHRASE);
  await expect(app.nav).toBeVisible();
});

test('an unlock that takes long says why it may, and still opens', async ({ app, page }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'page.route sees HTTP only; the desktop app calls its backend over IPC');
  await app.lock();
  // A large vault upgraded on its first open takes a minute; here the answer is only held back 6 s.
  await page.route('**/api/ui/session.unlock', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 6000));
    await route.continue();
  });
  await app.unlockScreen.unlock(PASSPHRASE);
  await expect(page.getByRole('button', { name: 'Unlocking…' })).toBeDisabled();
  await expect(page.getByRole('status')).toContainText('upgrades the vault', { timeout: 5000 });
  await page.screenshot({ path: testInfo.outputPath('slow-unlock.png') });
  await expect(app.nav).toBeVisible({ timeout: 10000 });
  await expect(page.getByRole('status').filter({ hasText: 'upgrades the vault' })).toHaveCount(0);
});
