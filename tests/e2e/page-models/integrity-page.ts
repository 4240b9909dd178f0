import type { Page } from '@playwright/test';

export class IntegrityPage {
  constructor(private readonly page: Page) {}

  get verifyButton() {
    return this.page.getByRole('button', { name: /Verify every chain|Verifying/ });
  }

  get verdict() {
    return this.page.getByTestId('verify-verdict');
  }

  get chains() {
    return this.page.getByRole('table', { name: 'Chains' });
  }
}
