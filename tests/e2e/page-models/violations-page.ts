import { expect, type Page } from '@playwright/test';

export class ViolationsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Violations', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Violations' })).toBeVisible();
  }

  get table() {
    return this.page.getByRole('grid', { name: 'Violations' });
  }

  get rows() {
    return this.table.locator('tbody tr');
  }

  row(id: string) {
    return this.rows.filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${id}\\b`) }) });
  }

  filter(name: 'Type' | 'Severity' | 'Status' | 'Tenant' | 'Assignee' | 'Age') {
    return this.page.getByRole('group', { name: 'Filter violations' }).getByRole('combobox', { name, exact: true });
  }

  get activeRow() {
    return this.table.locator('tbody tr.active');
  }

  get prompt() {
    return this.page.getByRole('dialog');
  }

  get outcome() {
    return this.page.getByTestId('triage-outcome');
  }

  get caseStatus() {
    return this.page.getByTestId('case-status');
  }

  /** Focuses the table and moves the highlight to the row of `id` with j. */
  async highlight(id: string): Promise<void> {
    await this.table.focus();
    await this.page.keyboard.press('Home');
    const count = await this.rows.count();
    for (let i = 0; i < count; i++) {
      if ((await this.activeRow.getByRole('rowheader').textContent())?.startsWith(id)) return;
      await this.page.keyboard.press('j');
    }
    throw new Error(`no row ${id} in the queue`);
  }
}
