import { expect, type Page } from '@playwright/test';

export class SettingsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  }

  get keys() {
    return this.page.getByRole('table', { name: 'API keys' });
  }

  get newKey() {
    return this.page.getByTestId('new-key');
  }

  get collectorEndpoint() {
    return this.page.getByTestId('collector-endpoint');
  }

  get rules() {
    return this.page.getByRole('form', { name: 'Detection rules' });
  }

  get history() {
    return this.page.getByRole('table', { name: 'Settings changes' });
  }

  /** The rule's fieldset, by its legend (e.g. DATA_LEAKAGE). */
  rule(name: string) {
    return this.rules.getByRole('group', { name, exact: true });
  }

  async createKey(name: string): Promise<string> {
    const form = this.page.getByRole('form', { name: 'Create an API key' });
    await form.getByLabel('Key name').fill(name);
    await form.getByRole('button', { name: 'Create key' }).click();
    await expect(this.newKey).toBeVisible();
    return (await this.newKey.textContent())!;
  }

  async revokeKey(name: string): Promise<void> {
    await this.keys.getByRole('button', { name: `Revoke ${name}` }).click();
    await this.page.getByRole('group', { name: `Confirm revoking ${name}` }).getByRole('button', { name: 'Revoke key' }).click();
  }

  async setThreshold(rule: string, value: string): Promise<void> {
    await this.rule(rule).getByLabel('Threshold (records)').fill(value);
    await this.rules.getByRole('button', { name: 'Save detection rules' }).click();
  }
}
