/** Page model of Verso's UI, by the accessible names users and assistive technology rely on. */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class VersoPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async setUpProfile(name: string, role: 'Translator' | 'Editor'): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Display name' }).fill(name);
    await this.page.getByRole('radiogroup', { name: 'Role' }).getByRole('radio', { name: role }).check();
    await this.page.getByRole('button', { name: 'Save profile' }).click();
    await expect(this.page.getByRole('button', { name: 'Switch profile' })).toBeVisible();
  }

  /** Switch profile: back to the profile of that name when it exists (a second one is refused), else a new one. */
  async switchProfile(name: string, role: 'Translator' | 'Editor'): Promise<void> {
    await this.page.getByRole('button', { name: 'Switch profile' }).click();
    await expect(this.page.getByRole('list', { name: 'Switch to an existing profile' })).toBeVisible();
    const use = this.page.getByRole('button', { name: `Use profile ${name}`, exact: true });
    if ((await use.count()) === 0) return this.setUpProfile(name, role);
    await use.click();
    await expect(this.page.getByRole('button', { name: 'Switch profile' })).toBeVisible();
  }

  async importText(text: string, options: { source: string; target: string; format?: 'Plain text' | 'Markdown' }): Promise<void> {
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
    await this.page.getByRole('textbox', { name: 'Article text' }).fill(text);
    if (options.format) await this.page.getByLabel('Format').selectOption({ label: options.format });
    await this.page.getByLabel('Source language').selectOption(options.source);
    await this.page.getByLabel('Target language').selectOption(options.target);
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
  }

  rows(): Locator {
    return this.page.getByRole('table', { name: 'Paragraphs' }).getByRole('row');
  }

  row(index: number): Locator {
    return this.rows().nth(index);
  }

  translation(index: number): Locator {
    return this.row(index).getByRole('textbox', { name: 'Translation' });
  }

  progressText(): Locator {
    return this.page.getByText(/\d+ of \d+ signed off/);
  }

  /**
   * Signs off with a click and answers "Yes, sign off" if Verso asks because it came faster than
   * reading speed (it does whenever a row had less focus time than its words need; tests that
   * depend on the question assert it themselves).
   */
  async signOff(button: Locator): Promise<void> {
    await button.click();
    const yes = this.page
      .getByRole('alertdialog', { name: 'Sign off faster than reading speed?' })
      .getByRole('button', { name: 'Yes, sign off' });
    try {
      await yes.waitFor({ timeout: 3_000 });
    } catch {
      return;
    }
    await yes.click();
  }

  async confirmFastSignOff(): Promise<void> {
    const dialog = this.page.getByRole('alertdialog', { name: 'Sign off faster than reading speed?' });
    await dialog.getByRole('button', { name: 'Yes, sign off' }).click();
    await expect(dialog).toHaveCount(0);
  }

  async translateAll(): Promise<void> {
    await this.page.getByRole('button', { name: 'Translate all' }).click();
  }

  async exportAs(format: 'Plain text' | 'Markdown', mode: 'Publish-ready' | 'Draft'): Promise<Download> {
    await this.page.getByLabel('Export format').selectOption({ label: format });
    await this.page.getByLabel('Export mode').selectOption({ label: mode });
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export', exact: true }).click();
    return download;
  }
}

export async function downloadText(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
