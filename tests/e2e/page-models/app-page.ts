// The app as a user meets it: open the address serve printed, unlock, move between screens, lock.
import { expect, type Page } from '@playwright/test';
import { DashboardPage } from './dashboard-page';
import { ImportPage } from './import-page';
import { IntegrityPage } from './integrity-page';
import { RecordPage } from './record-page';
import { TrailPage } from './trail-page';
import { UnlockPage } from './unlock-page';

export class AppPage {
  readonly unlockScreen: UnlockPage;
  readonly trail: TrailPage;
  readonly record: RecordPage;
  readonly dashboard: DashboardPage;
  readonly integrity: IntegrityPage;
  readonly importer: ImportPage;

  constructor(
    readonly page: Page,
    private readonly url: string | null,
  ) {
    this.unlockScreen = new UnlockPage(page);
    this.trail = new TrailPage(page);
    this.record = new RecordPage(page);
    this.dashboard = new DashboardPage(page);
    this.integrity = new IntegrityPage(page);
    this.importer = new ImportPage(page);
  }

  async open(): Promise<void> {
    if (this.url) await this.page.goto(this.url);
    await expect(this.page.locator('main')).toBeVisible();
  }

  async unlockIfLocked(passphrase: string): Promise<void> {
    const locked = this.unlockScreen.heading;
    const nav = this.nav;
    await expect(locked.or(nav)).toBeVisible();
    if (await locked.isVisible()) await this.unlockScreen.unlock(passphrase);
    await expect(nav).toBeVisible();
  }

  get nav() {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  async go(screen: 'Dashboard' | 'Trail' | 'Integrity' | 'Import'): Promise<void> {
    await this.nav.getByRole('link', { name: screen, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock' }).click();
    await expect(this.unlockScreen.heading).toBeVisible();
  }
}
