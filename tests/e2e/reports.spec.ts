// The Reports screen (issue 5): preview before signing, then a signed PDF / CSV / JSON downloaded by
// the browser, recorded in the vault as an export record; an identity made here can sign the next one.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createIdentity } from '../../electron/core/reports/signing/create-identity';
import { ReportsPage } from './page-models/reports-page';
import { expect, test } from './support/fixtures';
import { E2E_DIR, PASSPHRASE } from './support/e2e-vault';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const BIN = path.resolve(__dirname, '../../bin/auditdesk.cjs');
const ZOE = { name: 'Zoë Łukasz 山田', email: 'zoe@audit.example', organisation: 'Audit & Co', passphrase: 'identity passphrase 1' };

test('preview shows the numbers before anything is signed', async ({ app, page }) => {
  const reports = new ReportsPage(page);
  await expect(app.nav).toBeVisible();
  await reports.open();
  await reports.scope('SOX', '2024-01-01', '2024-12-31', ['acme']);
  await reports.preview();
  await expect(reports.previewPanel).toBeVisible();
  await expect(reports.previewPanel.getByRole('heading', { level: 2 })).toContainText('acme');
  expect(Number((await reports.previewTotal.textContent())!.replace(/,/g, ''))).toBeGreaterThan(0);
  await expect(reports.previewPanel.getByRole('table', { name: 'By operation' })).toBeVisible();
});

test('a signed PDF with a new identity is downloaded and recorded as an export', async ({ app, page, state }) => {
  const reports = new ReportsPage(page);
  await expect(app.nav).toBeVisible();
  await reports.open();
  await reports.scope('PCI_DSS', '2024-01-01', '2024-12-31');
  await reports.newIdentity(ZOE);
  const download = await reports.save('pdf');
  expect(download.suggestedFilename()).toMatch(/^PCI_DSS-report-2024-01-01-to-2024-12-31\.pdf$/);
  const file = path.join(E2E_DIR, download.suggestedFilename());
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(reports.saved).toContainText(`signed by ${ZOE.name}`);
  // Anyone can check the signature and the evidence; with the vault, every number is recomputed.
  const check = execFileSync(process.execPath, [BIN, 'verify-report', file, '--vault', state.vault], {
    encoding: 'utf8', env: { ...process.env, AUDITDESK_PASSPHRASE: PASSPHRASE },
  });
  expect(check).toContain(': VERIFIED');
  expect(check).toContain(`by ${ZOE.name}`);
  expect(check).toContain('every number matches');

  // The new identity is offered for the next report; it signs a CSV from its file.
  const identity = page.waitForEvent('download');
  await reports.saved.getByRole('button', { name: /download .*\.p12/ }).click();
  const p12 = path.join(E2E_DIR, 'zoe.p12');
  await (await identity).saveAs(p12);
  await reports.identityFile(p12, ZOE.passphrase);
  const csv = await reports.save('csv');
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  await expect(reports.saved).toContainText('recorded as export');

  // The export record is in the chain, where the trail shows it.
  await reports.saved.getByRole('link').click();
  await expect(page.getByRole('main')).toContainText('ComplianceReport');
});

test('a wrong identity passphrase is refused and nothing is saved', async ({ app, page }) => {
  const p12 = path.join(E2E_DIR, 'other.p12');
  fs.writeFileSync(p12, createIdentity({ name: 'Other', email: 'other@audit.example', organisation: '', passphrase: 'the right one' }));
  const reports = new ReportsPage(page);
  await expect(app.nav).toBeVisible();
  await reports.open();
  await reports.scope('GDPR', '2024-01-01', '2024-12-31');
  await reports.identityFile(p12, 'not the passphrase');
  await page.getByLabel('Format').selectOption('json');
  await page.getByRole('button', { name: 'Save JSON' }).click();
  await expect(reports.error).toContainText('identity cannot be opened');
  await expect(reports.saved).toHaveCount(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`reports screen screenshot, ${scheme}`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const reports = new ReportsPage(page);
    await expect(app.nav).toBeVisible();
    await reports.open();
    await reports.scope('HIPAA', '2024-01-01', '2024-12-31', ['acme']);
    await reports.newIdentity(ZOE);
    await reports.preview();
    await expect(reports.previewPanel).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `reports-${scheme}.png`), fullPage: true });
    await reports.previewPanel.getByRole('heading', { name: /^Controls/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, `reports-controls-${scheme}.png`) });
  });
}

