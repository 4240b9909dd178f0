// The `app` fixture: the review UI, opened in Chromium from serve's URL, or, in the electron project,
// the desktop app launched with _electron on the same vault (skipped where the binary is missing).
import fs from 'node:fs';
import path from 'node:path';
import { test as base, _electron, type Page } from '@playwright/test';
import { AppPage } from '../page-models/app-page';
import { PASSPHRASE, STATE_FILE, type E2eState } from './e2e-vault';

const ROOT = path.resolve(__dirname, '../../..');
export const electronAvailable = fs.existsSync(path.join(ROOT, 'node_modules/electron/dist'));

export const test = base.extend<{ app: AppPage; state: E2eState; electronGate: void }>({
  // Runs before any other fixture, so a missing Electron skips the test before a browser is launched.
  electronGate: [
    async ({}, use, testInfo) => {
      testInfo.skip(
        testInfo.project.name === 'electron' && !electronAvailable,
        'the Electron binary is not installed here (node_modules/electron/dist missing)',
      );
      await use();
    },
    { auto: true },
  ],
  state: async ({}, use) => {
    await use(JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as E2eState);
  },
  app: async ({ page, state }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const electronApp = await _electron.launch({
        args: [path.join(ROOT, 'out/main/index.js'), state.vault],
        env: { ...process.env, AUDITDESK_E2E: '1' },
      });
      const window: Page = await electronApp.firstWindow();
      const app = new AppPage(window, null);
      await app.unlockIfLocked(PASSPHRASE);
      await use(app);
      await electronApp.close();
      return;
    }
    const app = new AppPage(page, state.url);
    await app.open();
    await app.unlockIfLocked(PASSPHRASE);
    await use(app);
  },
});

export { expect } from '@playwright/test';
