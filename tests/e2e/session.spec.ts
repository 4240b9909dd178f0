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
