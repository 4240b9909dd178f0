// The ledger on the Integrity screen (issue 4): its state and checkpoint history, the check of the tree
// and every signed checkpoint, a record's proof that verifies offline with only the public key shown,
// and an integrity failure that cannot be missed.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { LedgerPage } from './page-models/ledger-page';
import { expect, test } from './support/fixtures';
import { E2E_DIR } from './support/e2e-vault';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const BIN = path.resolve(__dirname, '../../bin/auditdesk.cjs');

test('the ledger is whole, its checkpoints are listed, and a proof verifies offline', async ({ app, page }) => {
  await app.go('Integrity');
  const ledger = new LedgerPage(page);
  await expect(ledger.status).toContainText('records in the log');
  await expect(ledger.checkpoints.locator('tbody tr').first()).toBeVisible();
  await ledger.checkButton.click();
  await expect(ledger.verdict).toContainText('signed checkpoints match it');

  const vkey = (await ledger.publicKey.textContent())!.trim();
  const download = await ledger.downloadProof('acme', 'hostile-1');
  const file = path.join(E2E_DIR, download.suggestedFilename());
  await download.saveAs(file);
  const out = execFileSync(process.execPath, [BIN, 'verify-proof', file, '--key', vkey, '--json'], { encoding: 'utf8' });
  expect(JSON.parse(out)).toMatchObject({ ok: true, record: { id: 'hostile-1', tenant: 'acme' } });
});

test('asking for a proof of a record that does not exist says so', async ({ app, page }) => {
  await app.go('Integrity');
  const form = page.getByRole('form', { name: "Download a record's proof" });
  await form.getByLabel('Tenant').fill('acme');
  await form.getByLabel('Record id').fill('no-such-record');
  await form.getByRole('button', { name: 'Download proof' }).click();
  await expect(form.getByRole('alert')).toContainText('no such record');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`a ledger failure is impossible to miss, ${scheme}`, async ({ app, page }, testInfo) => {
    test.skip(testInfo.project.name === 'electron', 'page.route sees HTTP only; the desktop app calls its backend over IPC');
    await page.emulateMedia({ colorScheme: scheme });
    // The vault is shared by every spec, so the failure is the backend's answer replayed, not a real
    // tampering (tests/integration/ledger-attacks.test.ts tampers for real).
    await page.route('**/api/ui/ledger.verify', (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ok: true, value: {
        ok: false, size: 3003, root: 'x', checkpoints: 2, finishedAt: '2026-01-01T00:00:00Z',
        problems: [{ kind: 'root_mismatch', size: 3000, detail: 'checkpoint 1: the first 3000 records hash to root AAA…, but the checkpoint signed BBB…' }],
      } }),
    }));
    await app.go('Integrity');
    const ledger = new LedgerPage(page);
    await ledger.checkButton.click();
    await expect(ledger.verdict).toHaveAttribute('role', 'alert');
    await expect(ledger.verdict).toContainText('INTEGRITY FAILURE');
    await expect(ledger.verdict).toContainText('records changed after a checkpoint was signed');
    await page.screenshot({ path: path.join(SHOTS, `ledger-alarm-${scheme}.png`), fullPage: true });
  });
}
