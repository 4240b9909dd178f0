import { expect, type Page } from '@playwright/test';

/** The Reports screen: the form, the preview, and the saved-report notice. */
export class ReportsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  }

  async scope(framework: string, from: string, to: string, tenants: string[] = []): Promise<void> {
    await this.page.getByLabel('Framework').selectOption(framework);
    await this.page.getByLabel('From').fill(from);
    await this.page.getByLabel('To (included)').fill(to);
    for (const t of tenants) await this.page.getByRole('group', { name: 'Tenants' }).getByLabel(t, { exact: true }).check();
  }

  async newIdentity(who: { name: string; email: string; organisation: string; passphrase: string }): Promise<void> {
    await this.page.getByLabel('Create a new identity').check();
    await this.page.getByLabel('Name', { exact: true }).fill(who.name);
    await this.page.getByLabel('Email').fill(who.email);
    await this.page.getByLabel('Organisation').fill(who.organisation);
    await this.page.getByLabel('Identity passphrase').fill(who.passphrase);
  }

  async identityFile(path: string, passphrase: string): Promise<void> {
    await this.page.getByLabel('Use my .p12 file').check();
    await this.page.getByLabel('.p12 file path').fill(path);
    await this.page.getByLabel('Identity passphrase').fill(passphrase);
  }

  async preview(): Promise<void> {
    await this.page.getByRole('button', { name: 'Preview' }).click();
  }

  /** Saves in the given format and returns the browser's download. */
  async save(format: 'pdf' | 'csv' | 'json') {
    await this.page.getByLabel('Format').selectOption(format);
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `Save ${format.toUpperCase()}` }).click();
    return download;
  }

  get previewPanel() {
    return this.page.getByRole('region', { name: 'Report preview' });
  }

  get previewTotal() {
    return this.page.getByTestId('preview-total');
  }

  get saved() {
    return this.page.getByTestId('report-saved');
  }

  get error() {
    return this.page.getByRole('alert');
  }
}
