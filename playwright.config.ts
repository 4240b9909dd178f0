// End-to-end tests of the review UI: Chromium (Debian's, Playwright cannot download its own here)
// against `auditdesk serve` on a real encrypted vault made with the CLI. The electron project runs
// the same specs through Playwright's _electron where the Electron binary exists, and skips cleanly
// where it does not (node_modules/electron/dist missing).
import { defineConfig } from '@playwright/test';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic',
    ],
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/support/global-setup.ts',
  globalTeardown: './tests/e2e/support/global-teardown.ts',
  // One vault, one server: specs that lock, reveal or import change shared state, so run in order.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results/e2e',
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
  },
  projects: [
    {
      name: 'chromium',
      use: chromium,
    },
    {
      name: 'electron',
      // The fixtures in tests/e2e/support/fixtures.ts launch the app with _electron, or skip.
      use: chromium,
    },
  ],
});
