/**
 * Sentence-level matches in browser mode (issue 17 item 3): a sentence-segmented TMX (as Trados,
 * memoQ and OmegaT memories mostly are) is imported in Settings; a two-sentence paragraph shows
 * "Sentence matches" with each sentence's score; Insert sentence and Insert assembled write the
 * translation, and the history records origin tm.
 */
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';

const MONDAY = 'La tormenta azotó la costa el lunes.';
const POWER = 'Miles de hogares se quedaron sin luz.';
const tu = (en: string, es: string) => `<tu><tuv xml:lang="en"><seg>${en}</seg></tuv><tuv xml:lang="es"><seg>${es}</seg></tuv></tu>`;
const SENTENCE_TMX = `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="memoQ" creationtoolversion="9"/><body>${tu(
  'The storm hit the coast on Monday.',
  MONDAY,
)}${tu('Thousands of homes lost power.', POWER)}</body></tmx>`;

test('a sentence-segmented TMX matches a paragraph sentence by sentence; Insert sentence and Insert assembled write origin tm', async ({
  page,
  server,
}) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('TMX file to import').setInputFiles({
    name: 'memoq.tmx',
    mimeType: 'application/x-tmx+xml',
    buffer: Buffer.from(SENTENCE_TMX),
  });
  await page.getByRole('button', { name: 'Import TMX' }).click();
  await expect(page.getByText('Imported 2 units; 0 skipped')).toBeVisible();
  await page.getByRole('button', { name: 'Back', exact: true }).click();

  await app.importText('The storm hit the coast on Tuesday. Thousands of homes lost power.\n\nSomething else.', {
    source: 'en',
    target: 'es',
  });
  await expect(app.rows()).toHaveCount(2);
  await app.translation(0).focus();
  const sentences = app.row(0).getByRole('region', { name: 'Sentence matches' });
  await expect(sentences).toBeVisible();
  const items = sentences.getByRole('list', { name: 'Sentence matches' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  // 8 tokens, one replaced: floor(100 × 7/8) = 87 %; the second sentence is in the TMX as it is.
  await expect(items.nth(0).getByLabel('87 percent match')).toBeVisible();
  await expect(items.nth(0)).toContainText(MONDAY);
  await expect(items.nth(1).getByLabel('100 percent match')).toBeVisible();

  // Keyboard first: Ctrl+Shift+1 puts sentence 1's match into the empty translation; Insert
  // sentence then appends sentence 2's (the translation has 1 sentence, the source 2).
  await app.translation(0).focus();
  await page.keyboard.press('Control+Shift+Digit1');
  await expect(app.translation(0)).toHaveValue(MONDAY);
  await items.nth(1).getByRole('button', { name: 'Insert sentence' }).click();
  await expect(app.translation(0)).toHaveValue(`${MONDAY} ${POWER}`);
  // Insert assembled replaces whatever the translation holds.
  await app.translation(0).fill('Algo distinto.');
  await expect(app.row(0)).toContainText('Saved');
  await sentences.getByRole('button', { name: 'Insert assembled' }).click();
  await expect(app.translation(0)).toHaveValue(`${MONDAY} ${POWER}`);
  await expect(app.row(0)).toContainText('Edited');

  await app.row(0).getByRole('button', { name: 'History' }).click();
  const history = app.row(0).getByRole('region', { name: 'History of paragraph 1' });
  // The assembled revision names its weakest sentence match; the sentence insert its own.
  await expect(history).toContainText('Origin: tm, a 87 % translation memory match of “The storm hit the coast on Monday.”');
  await expect(history).toContainText('Origin: tm, a 100 % translation memory match of “Thousands of homes lost power.”');

  // The shortcuts are in the ? overlay.
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /Ctrl\+Shift\+M/ })).toContainText('Insert all sentence matches assembled');
  await expect(help.getByRole('row', { name: /Ctrl\+Shift\+1/ })).toContainText('Insert the sentence match of sentence 1 to 9');
});
