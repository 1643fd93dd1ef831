/**
 * Inline markup as protected tokens, in browser mode: a Markdown article with a link and bold text
 * shows chips, the chips survive machine translation (the real Apertium) and editing, and the
 * exported Markdown keeps the link and the emphasis.
 */
import { test, expect } from './support/fixtures.js';
import { downloadText, VersoPage } from './support/versoPage.js';

const ARTICLE = '# Flood warning\n\nThe river **burst** its banks on Monday, see [the report](https://news.example/flood).';

test('Markdown link and bold become chips that survive MT and editing, and come back on export', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await app.importText(ARTICLE, { source: 'en', target: 'es', format: 'Markdown' });
  await expect(app.rows()).toHaveCount(2);

  // The source shows the markup as chips, not as asterisks and brackets.
  const row = app.row(1);
  await expect(row.getByRole('img', { name: 'start of bold' })).toHaveCount(1);
  await expect(row.getByRole('img', { name: 'start of link to https://news.example/flood' })).toHaveCount(1);
  await expect(row).not.toContainText('**');

  // Machine translation keeps every chip.
  await app.translateAll();
  await expect(page.getByRole('progressbar', { name: 'Translation progress' })).toBeHidden({ timeout: 60_000 });
  const box = app.translation(1);
  await expect(box).toContainText('río');
  for (const name of [
    'start of bold',
    'end of bold',
    'start of link to https://news.example/flood',
    'end of link to https://news.example/flood',
  ]) {
    await expect(box.getByRole('img', { name })).toHaveCount(1);
  }

  // Typing at the end keeps the chips; the text is saved.
  await box.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Hoy.');
  await expect(row).toContainText('Saved');
  await expect(row).toContainText('Edited');
  await expect(box).toContainText('Hoy.');
  await expect(box.getByRole('img')).toHaveCount(4);
  await expect(row.getByText(/Formatting marks/)).toHaveCount(0);

  // Confirm and sign off (QA has no token error), then export Markdown.
  await page.keyboard.press('Control+Enter');
  await expect(row).toContainText('Confirmed');
  await app.signOff(row.getByRole('button', { name: 'Sign off' }));
  await expect(row).toContainText('Signed off');
  const md = await downloadText(await app.exportAs('Markdown', 'Draft'));
  expect(md).toMatch(/\[[^\]]+\]\(https:\/\/news\.example\/flood\)/);
  expect(md).toMatch(/\*\*[^*]+\*\*/);
  expect(md).toContain('Hoy.');
  expect(md).not.toMatch(/[\uE000-\uE2FF]/);

  // Backspace takes a chip whole or not at all; a chip gone is a QA error that blocks sign-off.
  await box.click();
  await page.keyboard.press('Control+End');
  for (let i = 0; i < ' Hoy.'.length + 2; i++) await page.keyboard.press('Backspace');
  await expect(box.getByRole('img')).toHaveCount(3);
  await expect(box.getByRole('img', { name: 'end of link to https://news.example/flood' })).toHaveCount(0);
  await expect(row.getByText(/Formatting marks of the source are missing from the translation \(1\)/)).toBeVisible();

  // Put back where it belongs: Alt+Insert inserts the missing token at the cursor.
  await expect(row.getByRole('button', { name: 'Insert end of link to https://news.example/flood' })).toBeVisible();
  await page.keyboard.press('Alt+Insert');
  await expect(box.getByRole('img', { name: 'end of link to https://news.example/flood' })).toHaveCount(1);
  await expect(box).toBeFocused();
  await expect(row.getByText(/Formatting marks of the source are missing/)).toHaveCount(0);
});
