// The Trail: filters, search, the virtualised grid and its keyboard.
import { expect, type Page } from '@playwright/test';

export class TrailPage {
  constructor(private readonly page: Page) {}

  get grid() {
    return this.page.getByRole('grid', { name: 'Audit trail' });
  }

  get rows() {
    return this.grid.locator('[role=rowgroup].grid-body [role=row]');
  }

  get count() {
    return this.page.getByTestId('trail-count');
  }

  get searchBox() {
    return this.page.getByRole('searchbox', { name: 'Search the trail' });
  }

  async expectCount(text: string | RegExp): Promise<void> {
    await expect(this.count).toContainText(text);
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
    await this.searchBox.press('Enter');
  }

  async choose(filter: string, value: string): Promise<void> {
    await this.page.getByRole('combobox', { name: filter, exact: true }).selectOption(value);
  }

  activeRow() {
    return this.grid.locator('[role=row][aria-selected=true]');
  }

  row(text: string | RegExp) {
    return this.rows.filter({ hasText: text });
  }

  async openRow(text: string | RegExp): Promise<void> {
    await this.row(text).first().dblclick();
  }

  /** The "Views" menu: saved views, kept in the vault. */
  get viewsMenu() {
    return this.page.locator('details.menu', { has: this.page.getByText('Views', { exact: true }) });
  }

  get viewName() {
    return this.viewsMenu.getByRole('textbox', { name: 'View name' });
  }

  /** Opens the menu unless it is open already (it stays open after a view is opened from it). */
  async openViews(): Promise<void> {
    if ((await this.viewsMenu.getAttribute('open')) === null) await this.viewsMenu.getByText('Views', { exact: true }).click();
    await expect(this.viewName).toBeVisible();
  }

  async saveView(name: string): Promise<void> {
    await this.viewName.fill(name);
    await this.viewsMenu.getByRole('button', { name: 'Save' }).click();
  }

  savedView(name: string) {
    return this.viewsMenu.getByRole('link', { name, exact: true });
  }

  async deleteView(name: string): Promise<void> {
    await this.viewsMenu.getByRole('button', { name: `Delete view ${name}` }).click();
    await expect(this.savedView(name)).toHaveCount(0);
  }
}
