import type { Page } from '@playwright/test';

export class ImportPage {
  constructor(private readonly page: Page) {}

  async choose(files: Array<{ name: string; content: string }>): Promise<void> {
    await this.page.getByLabel('Choose files to import').setInputFiles(
      files.map((f) => ({ name: f.name, mimeType: 'application/x-ndjson', buffer: Buffer.from(f.content) })),
    );
  }

  result(name: string) {
    return this.page.getByTestId('import-result').filter({ has: this.page.getByRole('heading', { name }) });
  }
}
