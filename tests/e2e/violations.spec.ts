// The Violations screen on the e2e vault: the queue's filters, keyboard triage on one case, the case
// view with its history and linked records, and bulk changes that report what they refused.
import path from 'node:path';
import { ViolationsPage } from './page-models/violations-page';
import { expect, test } from './support/fixtures';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');

test('filters the queue, and the filters live in the address', async ({ app, page }) => {
  const violations = new ViolationsPage(page);
  await violations.open();
  await expect(violations.rows.first()).toBeVisible();
  await violations.filter('Severity').selectOption('CRITICAL');
  await expect(page).toHaveURL(/severity=CRITICAL/);
  await expect(violations.rows.first()).toBeVisible();
  for (const severity of await violations.table.locator('tbody .sev').allTextContents()) expect(severity).toBe('CRITICAL');
  await violations.filter('Type').selectOption('UNAUTHORIZED_ACCESS');
  await expect(violations.row('viol-1')).toBeVisible();
  await violations.filter('Status').selectOption('CLOSED');
  await expect(page.getByText('No violation matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page).not.toHaveURL(/severity=/);
  await expect(violations.row('viol-1')).toBeVisible();
  void app;
});

test('triages one case from the keyboard, then shows its history from the chain', async ({ app, page }) => {
  const violations = new ViolationsPage(page);
  await violations.open();
  await violations.filter('Type').selectOption('UNAUTHORIZED_ACCESS');
  await violations.highlight('viol-1');
  const row = violations.row('viol-1');

  await page.keyboard.press('i');
  await expect(violations.outcome).toContainText('Investigate: 1 case changed');
  await expect(row).toContainText('INVESTIGATING');

  await page.keyboard.press('a');
  await expect(violations.prompt).toBeVisible();
  await violations.prompt.getByLabel('Assignee').fill('mei');
  await page.keyboard.press('Enter');
  await expect(row).toContainText('mei');

  await violations.table.focus();
  await page.keyboard.press('r');
  const resolution = violations.prompt.getByLabel('Resolution');
  await expect(resolution).toBeFocused();
  // A resolution is required: the prompt will not submit without one.
  await expect(violations.prompt.getByRole('button', { name: 'Resolve' })).toBeDisabled();
  await resolution.fill('access revoked; approval restored');
  await page.keyboard.press('Enter');
  await expect(violations.prompt).toBeHidden();
  await expect(row).toContainText('RESOLVED');

  await violations.table.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Violation viol-1' })).toBeVisible();
  await expect(violations.caseStatus).toHaveText('RESOLVED');
  const history = page.getByRole('table', { name: 'Case history' });
  await expect(history.locator('tbody tr')).toHaveCount(3);
  await expect(history).toContainText('OPEN → INVESTIGATING');
  await expect(history).toContainText('access revoked; approval restored');
  await expect(page.getByText('The violation names no records.')).toBeVisible();

  // The same keys work in the case view: c closes it.
  await page.keyboard.press('c');
  await expect(violations.caseStatus).toHaveText('CLOSED');
  await expect(history.locator('tbody tr')).toHaveCount(4);
  await expect(page.getByRole('toolbar', { name: 'Case actions' }).getByRole('button', { name: 'Reopen' })).toBeVisible();

  // Each history entry links to its record in the chain.
  await history.getByRole('link').last().click();
  await expect(app.record.title).toBeVisible();
});

test('a detected violation links to the records it is about', async ({ app, page }) => {
  const violations = new ViolationsPage(page);
  await violations.open();
  await violations.filter('Type').selectOption('PRIVILEGE_ESCALATION');
  await violations.rows.first().getByRole('link').click();
  const linked = page.getByRole('table', { name: 'Linked records' });
  await expect(linked.locator('tbody tr')).toHaveCount(1);
  await expect(page.getByText('explanation')).toBeVisible();
  await linked.getByRole('link').first().click();
  await expect(app.record.title).toBeVisible();
});

test('bulk changes move the selected cases and list the refused ones with why', async ({ app, page }) => {
    void app;
  const violations = new ViolationsPage(page);
  await violations.open();
  await violations.filter('Type').selectOption('PRIVILEGE_ESCALATION');
  await violations.filter('Status').selectOption('OPEN');
  await expect(violations.rows.first()).toBeVisible();
  const count = await violations.rows.count();
  expect(count).toBeGreaterThan(1);
  await violations.rows.nth(0).getByRole('checkbox').check();
  await violations.rows.nth(1).getByRole('checkbox').check();
  const bulk = page.getByRole('toolbar', { name: 'Change the selected cases' });
  await expect(bulk).toContainText('2 selected');
  await bulk.getByRole('button', { name: 'Investigate' }).click();
  await expect(violations.outcome).toContainText('Investigate: 2 cases changed');
  await expect(violations.rows).toHaveCount(count - 2); // they left the OPEN queue

  await violations.filter('Status').selectOption('INVESTIGATING');
  await expect(violations.rows).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'Select every case shown' }).check();
  await bulk.getByRole('button', { name: 'Close' }).click();
  await expect(violations.outcome).toContainText('Close: 0 cases changed, 2 cases refused');
  await expect(violations.outcome).toContainText('cannot move to CLOSED');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots, ${scheme}`, async ({ app, page }) => {
    void app;
    await page.emulateMedia({ colorScheme: scheme });
    const violations = new ViolationsPage(page);
    await violations.open();
    await expect(violations.rows.first()).toBeVisible();
    await violations.table.focus();
    await page.keyboard.press('j');
    await violations.rows.nth(2).getByRole('checkbox').check();
    await page.screenshot({ path: path.join(SHOTS, `violations-${scheme}.png`) });
    await violations.table.focus();
    await page.keyboard.press('r');
    await expect(violations.prompt).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `violations-prompt-${scheme}.png`) });
    await page.keyboard.press('Escape');
    await violations.filter('Type').selectOption('PRIVILEGE_ESCALATION');
    await violations.rows.first().getByRole('link').click();
    await expect(page.getByRole('table', { name: 'Linked records' })).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `violation-case-${scheme}.png`), fullPage: true });
  });
}
