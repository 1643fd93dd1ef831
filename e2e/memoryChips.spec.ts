/**
 * Translation memory in paragraphs with inline chips (browser mode): a paragraph signed off in one
 * article is offered as a 100 % match to a paragraph with the same words and formatting in another
 * (link targets may differ), Ctrl+M inserts it and the chips stay; a paragraph that differs only in
 * its formatting gets it as a 99 % match.
 */
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';
import { importMarkdown, invoke, storedParagraph } from './support/api.js';

const o = (i: number) => String.fromCharCode(0xe000 + i);
const c = (i: number) => String.fromCharCode(0xe100 + i);
const TARGET = `En 1997 el ${o(0)}banco${c(0)} abrió ${o(1)}una sucursal${c(1)} en Madrid.`;

test('a 100 % match from a signed-off chip paragraph of another article is inserted with Ctrl+M, and its chips stay', async ({
  page,
  server,
}) => {
  await invoke(server, 'setProfile', { name: 'Elena Editor', role: 'editor' });
  const first = await importMarkdown(
    server,
    'In 1997 the **bank** opened [a branch](https://news.example/a) in Madrid.',
    'en',
    'es',
    'First story',
  );
  await invoke(server, 'updateParagraphTarget', { paragraphId: first.paragraphs[0]!.id, target: TARGET });
  await invoke(server, 'signOffParagraphs', { paragraphIds: [first.paragraphs[0]!.id] });
  const second = await importMarkdown(
    server,
    'In 1997 the **bank** opened [a branch](https://news.example/b) in Madrid.\n\nIn 1997 the bank opened a branch in *Madrid*.',
    'en',
    'es',
    'Second story',
  );

  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Second story' }).click();
  const box = app.translation(0);
  await box.focus();
  const matches = app.row(0).getByRole('region', { name: 'Translation memory matches' });
  await expect(matches.getByText('100 %')).toBeVisible();
  // Shown with this paragraph's chips (its own link).
  await expect(matches.getByRole('img', { name: 'start of link to https://news.example/b' })).toBeVisible();
  await page.keyboard.press('Control+m');
  await expect(box.getByRole('img')).toHaveCount(4);
  await expect(box).toContainText('una sucursal');
  await expect(app.row(0).locator('.status-badge')).toHaveText('Edited');
  await expect.poll(async () => (await storedParagraph(server, second.id, 0)).target).toBe(TARGET);
  await expect(app.row(0)).not.toContainText('Formatting marks of the source are missing');

  // The same words with other formatting: a 99 % match, said in words; inserted, its own chip is missing.
  await app.translation(1).focus();
  const other = app.row(1).getByRole('region', { name: 'Translation memory matches' });
  await expect(other.getByText('99 %')).toBeVisible();
  await expect(other).toContainText('The formatting differs from this paragraph’s');
  await page.keyboard.press('Control+m');
  await expect
    .poll(async () => (await storedParagraph(server, second.id, 1)).target)
    .toBe('En 1997 el banco abrió una sucursal en Madrid.');
  await expect(app.row(1).getByRole('button', { name: 'Insert start of italic' })).toBeVisible();

  // The history records the match.
  await app.row(0).getByRole('button', { name: 'History' }).click();
  const history = app.row(0).getByRole('region', { name: 'History of paragraph 1' });
  await expect(history).toContainText('a 100 % translation memory match of “In 1997 the bank opened a branch in Madrid.”');
  expect(await history.textContent()).not.toMatch(/[\uE000-\uE2FF]/u);
});
