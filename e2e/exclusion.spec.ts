/**
 * Issue 11 in browser mode: Exclude from translation (row, "Exclude shown", progress, exports,
 * XLIFF round trip valid against the official schemas), Replace all (count, case, one undo) and
 * the QA fixes (Roman numerals, raw MT marks, severity in words, one question at sign-off).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { downloadText, VersoPage } from './support/versoPage.js';
import { xmlSchemaErrors } from '../main/testing/validateXml.js';

async function saveSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Publisher' }).fill('Diario Ejemplo');
  await page.getByRole('textbox', { name: 'Contact e-mail' }).fill('redaccion@example.org');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
}

async function exportFile(page: Page, format: string, mode: 'Publish-ready' | 'Draft'): Promise<string> {
  await page.getByLabel('Export format').selectOption({ label: format });
  await page.getByLabel('Export mode').selectOption({ label: mode });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  return downloadText(await download);
}

/** After a reload: back in the document (from the library, or directly if the URL keeps it open). */
async function reopen(page: Page, title: string): Promise<void> {
  const table = page.getByRole('table', { name: 'Paragraphs' });
  const item = page.getByRole('button', { name: title }).first();
  await expect(table.or(item)).toBeVisible();
  if (!(await table.isVisible())) await item.click();
  await expect(table).toBeVisible();
}

const CLUTTERED = ['# Storm hits the coast', 'The storm closed the roads.', 'Advertisement', 'Share', 'The schools stay open.'];

test('exclude page clutter: row and shown paragraphs, progress, publish-ready export, XLIFF round trip', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await saveSettings(page);
  await app.importText(CLUTTERED.join('\n\n'), { source: 'en', target: 'es', format: 'Markdown' });
  await expect(app.rows()).toHaveCount(5);
  await expect(app.progressText()).toHaveText('0 of 5 signed off');

  // One row by its button: dimmed, badged, named; the progress no longer waits for it.
  await app.row(2).getByRole('button', { name: 'Exclude from translation' }).click();
  await expect(app.row(2).getByRole('button', { name: 'Include' })).toBeVisible();
  await expect(app.row(2)).toContainText('Excluded by Elena Editor (editor)');
  await expect(app.row(2)).toHaveClass(/is-excluded/);
  await expect(page.locator('.progress-text')).toHaveText('0 of 4 signed off · 1 excluded');

  // Several at once: filter, then "Exclude shown".
  await page.getByRole('searchbox', { name: 'Find' }).fill('^Share$');
  await page.getByLabel('Regular expression').check();
  await expect(app.rows()).toHaveCount(1);
  await page.getByRole('button', { name: 'Exclude shown' }).click();
  await expect(page.getByText('1 paragraph excluded from translation.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Find' }).fill('');
  await expect(app.rows()).toHaveCount(5);
  await expect(page.locator('.progress-text')).toHaveText('0 of 3 signed off · 2 excluded');

  // Translate all skips them.
  await app.translateAll();
  await expect(app.translation(4)).not.toHaveValue('', { timeout: 60_000 });
  await expect(page.getByText('Machine translation finished.')).toBeVisible({ timeout: 60_000 });
  await expect(app.translation(2)).toHaveValue('');
  await expect(app.translation(3)).toHaveValue('');

  // Sign off the three paragraphs to translate: the document is done.
  for (const i of [0, 1, 4]) await app.signOff(app.row(i).getByRole('button', { name: 'Sign off' }));
  await expect(page.locator('.progress-text')).toHaveText('3 of 3 signed off · 2 excluded');
  await expect(app.row(2).getByRole('button', { name: 'Sign off' })).toBeDisabled();

  // Publish-ready: left out by default, or kept as source text by the document's choice.
  const txt = await exportFile(page, 'Plain text', 'Publish-ready');
  expect(txt).not.toContain('Advertisement');
  expect(txt).not.toContain('Share');
  expect(txt.split('\n\n').length).toBeGreaterThan(3);
  await page.getByLabel('Excluded paragraphs').selectOption({ label: 'Keep as source text' });
  const md = await exportFile(page, 'Markdown', 'Publish-ready');
  expect(md).toContain('\n\nAdvertisement\n\nShare\n\n');
  // The choice is stored with the document.
  await page.reload();
  await reopen(page, 'Storm hits the coast');
  await expect(page.getByLabel('Excluded paragraphs')).toHaveValue('source');

  // TMX never holds them; XLIFF 1.2 and 2.0 say translate="no" and validate against the official schemas.
  const tmx = await exportFile(page, 'TMX (signed-off paragraphs)', 'Publish-ready');
  expect(tmx).not.toContain('Advertisement');
  expect(xmlSchemaErrors(tmx, 'tmx14')).toBeNull();
  const x20 = await exportFile(page, 'XLIFF 2.0', 'Publish-ready');
  expect(xmlSchemaErrors(x20, 'xliff20')).toBeNull();
  expect(x20.match(/<unit [^>]*translate="no"/g)).toHaveLength(2);
  const x12 = await exportFile(page, 'XLIFF 1.2', 'Publish-ready');
  expect(xmlSchemaErrors(x12, 'xliff12')).toBeNull();
  expect(x12.match(/<trans-unit [^>]*translate="no"/g)).toHaveLength(2);

  // Import it back: those units become excluded paragraphs, never paragraphs to translate.
  await page.getByRole('button', { name: 'Back to library' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Choose file').setInputFiles({ name: 'storm.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(x12) });
  await page.getByLabel('Target language').selectOption('es');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(app.rows()).toHaveCount(5);
  await expect(app.row(2)).toContainText('Excluded in the imported file');
  await expect(app.row(3)).toContainText('Excluded in the imported file');
  await expect(app.row(1)).not.toContainText('Excluded');
  await expect(page.locator('.progress-text')).toHaveText('0 of 3 signed off · 2 excluded');

  // Include one again: it is a paragraph to translate once more.
  await app.row(2).getByRole('button', { name: 'Include' }).click();
  await expect(app.row(2).getByRole('button', { name: 'Exclude from translation' })).toBeVisible();
  await expect(page.locator('.progress-text')).toHaveText('0 of 4 signed off · 1 excluded');
});

test('an editor is asked before a signed-off paragraph is excluded; the history records it', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await app.importText('The house is red.\n\nRead more', { source: 'en', target: 'es' });
  await app.translation(1).fill('Leer más');
  await expect(app.row(1)).toContainText('Saved');
  await app.signOff(app.row(1).getByRole('button', { name: 'Sign off' }));
  await expect(app.row(1)).toContainText('Signed off');

  await app.row(1).getByRole('button', { name: 'Exclude from translation' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Withdraw sign-offs?' });
  await expect(dialog).toContainText('Paragraph 2 is signed off. Excluding it withdraws its sign-off');
  await dialog.getByRole('button', { name: 'Exclude and withdraw' }).click();
  await expect(app.row(1).getByRole('button', { name: 'Include' })).toBeFocused();
  await expect(app.row(1)).toContainText('Confirmed');
  await app.row(1).getByRole('button', { name: 'History' }).click();
  const history = app.row(1).getByRole('region', { name: 'History of paragraph 2' });
  await expect(history).toContainText('Sign-off withdrawn by Elena Editor (editor)');
  await expect(history).toContainText('Excluded from translation by Elena Editor (editor)');
});

test('Replace all: count, case kept at a sentence start and in capitals, one undo for all', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');
  await app.importText('Officials said no.\n\nThe officials left, and other officials stayed.\n\nOFFICIALS', {
    source: 'en',
    target: 'es',
  });
  const texts = ['Oficiales dijeron que no.', 'Los oficiales se fueron y otros oficiales se quedaron.', 'OFICIALES'];
  for (const [i, text] of texts.entries()) {
    await app.translation(i).fill(text);
    await expect(app.row(i)).toContainText('Saved');
  }

  await page.getByRole('searchbox', { name: 'Find' }).fill('oficiales');
  await page.getByLabel('Replace with').fill('funcionarios');
  await page.getByRole('button', { name: 'Replace all' }).click();
  await expect(page.getByText('Replaced 4 occurrences in 3 paragraphs.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Find' }).fill('');
  await expect(app.translation(0)).toHaveValue('Funcionarios dijeron que no.');
  await expect(app.translation(1)).toHaveValue('Los funcionarios se fueron y otros funcionarios se quedaron.');
  await expect(app.translation(2)).toHaveValue('FUNCIONARIOS');

  // One step undoes the whole replacement.
  await page.getByRole('button', { name: 'Undo replace all' }).click();
  await expect(page.getByText('Undid the replacement in 3 paragraphs.')).toBeVisible();
  for (const [i, text] of texts.entries()) await expect(app.translation(i)).toHaveValue(text);
  await expect(page.getByRole('searchbox', { name: 'Find' })).toBeFocused();
  // Stored, not only on screen.
  await page.reload();
  await reopen(page, 'Officials said no.');
  for (const [i, text] of texts.entries()) await expect(app.translation(i)).toHaveValue(text);
});

test('QA: "siglo XIX" passes, a raw @ mark is an error in words, and a sign-off with a QA error asks once', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');
  await app.importText('It dates from the 19th century.\n\nIn the mid-1990s it grew.', { source: 'en', target: 'es' });
  await app.translation(0).fill('Data del siglo XIX.');
  await app.translation(1).fill('A mediados de los @1990s creció.');
  await expect(app.row(1)).toContainText('Saved');
  await expect(app.row(0).getByRole('list', { name: 'QA issues of paragraph 1' })).toHaveCount(0);
  await expect(app.row(1).getByRole('list', { name: 'QA issues of paragraph 2' })).toContainText(
    'Error: “@1990s” carries a raw machine-translation mark',
  );

  // The document list says Error / Warning in words.
  await page.locator('.document-qa summary').click();
  await expect(page.getByRole('button', { name: /^Error: Paragraph 2: “@1990s” carries a raw machine-translation mark/ })).toBeVisible();

  await app.translation(0).focus();
  await page.keyboard.press('Control+Enter');
  await app.translation(1).focus();
  await page.keyboard.press('Control+Enter');
  await expect(app.row(1)).toContainText('Confirmed');

  await app.switchProfile('Elena Editor', 'Editor');
  await app.row(1).getByRole('button', { name: 'Sign off' }).click();
  const reason = app.row(1).getByRole('textbox', { name: 'Reason for signing off despite the QA errors' });
  await expect(reason).toBeFocused();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await reason.fill('The source uses the decade as written.');
  await app.row(1).getByRole('button', { name: 'Sign off anyway' }).click();
  await expect(app.row(1)).toContainText('Signed off');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  // "siglo XIX" needs no reason at all.
  await app.signOff(app.row(0).getByRole('button', { name: 'Sign off' }));
  await expect(app.progressText()).toHaveText('2 of 2 signed off');
});
