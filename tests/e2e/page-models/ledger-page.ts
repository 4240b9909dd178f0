import type { Page } from '@playwright/test';

/** The ledger part of the Integrity screen: status, the tree check, checkpoints, a record's proof. */
export class LedgerPage {
  constructor(private readonly page: Page) {}

  get status() {
    return this.page.getByLabel('Ledger status');
  }

  get publicKey() {
    return this.status.locator('.field', { hasText: 'public key' }).locator('code');
  }

  get checkButton() {
    return this.page.getByRole('button', { name: /Check the tree and every checkpoint|Checking/ });
  }

  get verdict() {
    return this.page.getByTestId('ledger-verdict');
  }

  get checkpoints() {
    return this.page.getByRole('table', { name: 'Checkpoints' });
  }

  /** Asks for a record's proof and returns the browser's download. */
  async downloadProof(tenant: string, id: string) {
    const form = this.page.getByRole('form', { name: "Download a record's proof" });
    await form.getByLabel('Tenant').fill(tenant);
    await form.getByLabel('Record id').fill(id);
    const download = this.page.waitForEvent('download');
    await form.getByRole('button', { name: 'Download proof' }).click();
    return download;
  }
}
