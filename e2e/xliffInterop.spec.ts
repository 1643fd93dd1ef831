/**
 * Working with other tools in browser mode (issue 14 items 2 and 3): an XLIFF whose languages
 * differ from the chosen ones asks before anything is imported; "Export for another CAT tool"
 * downloads an XLIFF whose targets copy the sources; the file another tool translated comes back
 * through "Re-import source" with a summary of what its translations did.
 */
import { test, expect } from './support/fixtures.js';
import { downloadText, VersoPage } from './support/versoPage.js';

const CATALAN = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="ca" datatype="plaintext" original="flood.txt">
    <body>
      <trans-unit id="1" approved="yes"><source>Flood waters rise</source><target state="final">Pugen les aigües</target></trans-unit>
      <trans-unit id="2"><source>Schools are closed.</source></trans-unit>
    </body>
  </file>
</xliff>`;

async function chooseXliff(page: import('@playwright/test').Page, content: string): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page
    .getByLabel('Choose file')
    .setInputFiles({ name: 'flood.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(content) });
  await expect(page.getByText('This XLIFF file declares en → ca.')).toBeVisible();
  await page.getByLabel('Source language').selectOption('en');
  await page.getByLabel('Target language').selectOption('es');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

test('an XLIFF in other languages than chosen: the import asks, and cancel imports nothing', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Ana', 'Translator');
  await chooseXliff(page, CATALAN);
  const dialog = page.getByRole('alertdialog', { name: 'The file is in other languages' });
  await expect(dialog).toContainText('The file says it is en → ca, but en → es is chosen.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import cancelled: nothing was imported.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Import an article' })).toBeVisible();

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page
    .getByRole('alertdialog', { name: 'The file is in other languages' })
    .getByRole('button', { name: "Use the file's languages (en → ca)" })
    .click();
  await expect(app.rows()).toHaveCount(2);
  await expect(app.translation(0)).toHaveValue('Pugen les aigües');
  await expect(app.row(0)).toContainText('Confirmed');
});

test('Export for another CAT tool, then the translated file comes back with a summary', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Eda', 'Editor');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('textbox', { name: 'Article text' }).fill('Flood waters rise\n\nSchools are closed.\n\nNobody knows why.');
  await page.getByLabel('Target language').selectOption('es');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(app.rows()).toHaveCount(3);
  await app.translation(0).fill('Sube el agua');
  await app.signOff(app.row(0).getByRole('button', { name: 'Sign off' }));
  await expect(app.row(0)).toContainText('Signed off');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export for another CAT tool', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.cat\.xlf$/);
  const xliff = await downloadText(file);
  expect(xliff).toContain('<target xml:lang="es" state="needs-translation">Flood waters rise</target>');
  expect(xliff).not.toContain('Sube el agua');

  // What OmegaT does: it writes its translations in place of the copies and keeps everything else.
  const translated = xliff
    .replace('state="needs-translation">Flood waters rise</target>', 'state="needs-translation">Suben las aguas</target>')
    .replace('state="needs-translation">Schools are closed.</target>', 'state="needs-translation">Las escuelas están cerradas.</target>');
  await page.getByRole('button', { name: 'Re-import source' }).click();
  await page
    .getByLabel('Revised source file')
    .setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/xliff+xml', buffer: Buffer.from(translated) });
  await page.getByLabel('Tool that translated the file (optional)').fill('OmegaT 3.6');
  await page.getByRole('button', { name: 'Re-import', exact: true }).click();
  const summary = page.locator('.reimport-summary');
  await expect(summary).toContainText('Translations in the file (from OmegaT 3.6)');
  await expect(summary).toContainText('Applied as new revisions: 2 paragraphs (1 and 2)');
  await expect(summary).toContainText('Sign-off reopened (text changed): paragraph 1');
  await expect(summary).toContainText("Skipped: paragraph 3 has no translation in the file (Verso's is kept)");
  await expect(app.translation(0)).toHaveValue('Suben las aguas');
  await expect(app.row(0)).not.toContainText('Signed off');
  await expect(app.translation(1)).toHaveValue('Las escuelas están cerradas.');
  // The history credits the tool with the text.
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await app.row(1).getByRole('button', { name: 'History' }).click();
  await expect(app.row(1).getByRole('region', { name: 'History of paragraph 2' })).toContainText('Edited by OmegaT 3.6');
});
