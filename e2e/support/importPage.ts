/** Page model of the import screen, by its accessible names: files, the whole-page choice, pasting from the clipboard. */
import { expect, type Locator, type Page } from '@playwright/test';

export class ImportPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Import an article' })).toBeVisible();
  }

  text(): Locator {
    return this.page.getByRole('textbox', { name: 'Article text' });
  }

  wholePage(): Locator {
    return this.page.getByRole('checkbox', { name: 'Import the whole page' });
  }

  async chooseFile(name: string, content: string | Buffer, mimeType = 'text/html'): Promise<void> {
    await this.page
      .getByLabel('Choose file')
      .setInputFiles({ name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
  }

  /** Puts HTML (and its plain text) on the system clipboard and pastes it with Ctrl+V into the article text, as a user would. */
  async pasteHtml(html: string, plain: string): Promise<void> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.evaluate(
      async ([h, p]) => {
        const item = new ClipboardItem({
          'text/html': new Blob([h!], { type: 'text/html' }),
          'text/plain': new Blob([p!], { type: 'text/plain' }),
        });
        await navigator.clipboard.write([item]);
      },
      [html, plain],
    );
    await this.text().focus();
    await this.page.keyboard.press('Control+V');
  }

  async submit(target = 'es', source = 'en'): Promise<void> {
    await this.page.getByLabel('Source language').selectOption(source);
    await this.page.getByLabel('Target language').selectOption(target);
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
  }

  /** The source text of every paragraph row of the open document (chips show as their marks). */
  async sourceTexts(): Promise<string[]> {
    const rows = this.page.getByRole('table', { name: 'Paragraphs' }).getByRole('row');
    return rows.evaluateAll((els) => els.map((row) => row.querySelectorAll('[role="cell"]')[1]?.textContent ?? ''));
  }

  /** The open document's title, the editor's heading. */
  documentHeading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
}
