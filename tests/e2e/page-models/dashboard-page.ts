import type { Page } from '@playwright/test';

export class DashboardPage {
  constructor(private readonly page: Page) {}

  card(label: string) {
    return this.page.getByRole('button', { name: new RegExp(label) });
  }

  chart(title: string) {
    return this.page.getByRole('figure', { name: title });
  }
}
