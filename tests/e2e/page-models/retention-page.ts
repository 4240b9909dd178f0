import { expect, type Page } from '@playwright/test';

export class RetentionPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Retention', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Retention' })).toBeVisible();
  }

  get policies() {
    return this.page.getByRole('table', { name: 'Retention by framework' });
  }

  get previewButton() {
    return this.page.getByRole('button', { name: /Preview/ });
  }

  get preview() {
    return this.page.getByTestId('retention-preview');
  }

  get addHoldForm() {
    return this.page.getByRole('form', { name: 'Add a legal hold' });
  }

  get standingHolds() {
    return this.page.getByRole('table', { name: 'Standing holds' });
  }

  get history() {
    return this.page.getByRole('table', { name: 'Retention actions' });
  }

  async addHold(fields: { tenant?: string; user?: string; reason: string }): Promise<void> {
    const form = this.addHoldForm;
    if (fields.tenant) await form.getByLabel('Tenant').fill(fields.tenant);
    if (fields.user) await form.getByLabel('User').fill(fields.user);
    await form.getByLabel('Reason').fill(fields.reason);
    await form.getByRole('button', { name: 'Add hold' }).click();
  }
}
