/**
 * Issue 14, item 6 in browser mode: a Word file with a footnote, a table (merged cells) and an
 * image (made with the `docx` package) is imported through the file picker; the import report says
 * what was kept and that the image was not imported, and the note and table cells are paragraphs
 * marked with where they were.
 */
import { richDocx } from '../main/import/testing/docxFixtures.js';
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

test('a Word file with a footnote, a table and an image: the import report and the note paragraph', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Ana', 'Translator');
  const bytes = await richDocx({ endnote: false, textBox: false, comment: false, strike: false, equation: false });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Choose file').setInputFiles({ name: 'floods.docx', mimeType: DOCX_MIME, buffer: bytes });
  await page.getByLabel('Target language').selectOption('es');
  await page.getByRole('button', { name: 'Import', exact: true }).click();

  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report).toBeVisible();
  await expect(report).toContainText('1 thing in the file could not be imported');
  const kept = report.getByRole('list', { name: 'Imported', exact: true });
  await expect(kept).toContainText('1 footnote');
  await expect(kept).toContainText('1 table');
  const lost = report.getByRole('list', { name: 'Not imported' });
  await expect(lost.getByRole('listitem')).toHaveText(['1 image — at paragraph 2']);

  // The heading, a paragraph, the map's caption, 7 table cells, the last paragraph, then the footnote.
  await expect(app.rows()).toHaveCount(12);
  const note = app.rows().filter({ hasText: 'Measured at the Basel gauge.' });
  await expect(note).toContainText('Footnote 1');
  await expect(app.rows().filter({ hasText: 'Rhine' })).toContainText('Table 1, row 2, column 2');

  await report.getByRole('button', { name: 'Close import report' }).click();
  await expect(report).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.getByRole('button', { name: 'Import report' }).click();
  await expect(page.getByRole('region', { name: 'Import report' })).toBeVisible();
});
