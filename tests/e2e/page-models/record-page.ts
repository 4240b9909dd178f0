import { expect, type Page } from '@playwright/test';

export class RecordPage {
  constructor(private readonly page: Page) {}

  get title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  diffRow(field: string) {
    return this.page.getByRole('table', { name: 'Old and new data' }).locator(`tr[data-field="${field}"]`);
  }

  get revealButton() {
    return this.page.getByRole('button', { name: /^Reveal/ });
  }

  get chain() {
    return this.page.getByRole('region', { name: 'Chain position' });
  }

  async expectMasked(field: string): Promise<void> {
    await expect(this.diffRow(field).getByLabel('hidden sensitive value').first()).toBeVisible();
  }
}
