import { expect, type Page } from '@playwright/test';

export class UnlockPage {
  constructor(private readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: /^Unlock/ });
  }

  get error() {
    return this.page.getByRole('alert');
  }

  async unlock(passphrase: string): Promise<void> {
    await this.page.getByLabel('Passphrase').fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
  }

  async expectRefused(): Promise<void> {
    await expect(this.error).toContainText('does not open this vault');
  }
}
