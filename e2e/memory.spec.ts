/**
 * Translation memory in browser mode: a signed-off paragraph becomes a fuzzy match for a
 * near-identical paragraph of another article; inserting it (Ctrl+M) is recorded with origin tm;
 * the concordance finds it; a TMX from another tool is imported (a hostile one refused); "Pre-fill
 * 100% matches" fills an identical paragraph.
 */
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';

const SIGNED = 'The minister announced a new budget for schools on Tuesday.';
const NEAR = 'The minister announced a new budget for hospitals on Tuesday.';
const TRANSLATION = 'La ministra anunció un nuevo presupuesto para las escuelas el martes.';

test('a signed-off paragraph is offered as a fuzzy match, inserted with origin tm, found by concordance and pre-filled', async ({
  page,
  server,
}) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');

  // Article 1: translate and sign off the paragraph.
  await app.importText(`${SIGNED}\n\nAnother paragraph.`, { source: 'en', target: 'es' });
  await expect(app.rows()).toHaveCount(2);
  await app.translation(0).fill(TRANSLATION);
  await expect(app.row(0)).toContainText('Saved');
  await app.signOff(app.row(0).getByRole('button', { name: 'Sign off' }));
  await expect(app.row(0)).toContainText('by Elena Editor');

  // Article 2 has a near-identical paragraph: its match shows with the percentage and the difference.
  await page.getByRole('button', { name: 'Back to library' }).click();
  await app.importText(`${NEAR}\n\nSomething else entirely.`, { source: 'en', target: 'es' });
  await expect(app.rows()).toHaveCount(2);
  await app.translation(0).focus();
  const matches = app.row(0).getByRole('region', { name: 'Translation memory matches' });
  await expect(matches).toBeVisible();
  // 11 tokens, one replaced: floor(100 × 10/11) = 90 %.
  await expect(matches.getByText('90 %')).toBeVisible();
  await expect(matches.locator('del')).toContainText('schools');
  await expect(matches.locator('ins')).toContainText('hospitals');
  await expect(matches).toContainText(TRANSLATION);
  await expect(matches).toContainText('Signed off by Elena Editor');
  // The other paragraph has no match worth showing.
  await app.translation(1).focus();
  await expect(app.row(1).getByRole('region', { name: 'Translation memory matches' })).toContainText('No translation memory matches');

  // One keystroke inserts the best match.
  await app.translation(0).focus();
  await page.keyboard.press('Control+m');
  await expect(app.translation(0)).toHaveValue(TRANSLATION);
  await expect(app.row(0)).toContainText('Edited');

  // The history records it with origin tm.
  await app.row(0).getByRole('button', { name: 'History' }).click();
  const history = app.row(0).getByRole('region', { name: 'History of paragraph 1' });
  await expect(history).toContainText('Edited by Elena Editor (editor)');
  await expect(history).toContainText(`Origin: tm, a 90 % translation memory match of “${SIGNED}” (Elena Editor)`);
  await expect(history).toContainText(TRANSLATION);

  // Concordance and the pre-fill setting (Settings).
  await page.getByRole('button', { name: 'Back to library' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('searchbox', { name: 'Concordance' }).fill('new budget');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('table').filter({ hasText: 'Translation' })).toContainText(TRANSLATION);
  // A TMX from another tool is read (in the import worker) and joins the memory; a TMX that
  // declares entities is refused with a clear message.
  const tmx = (body: string): Buffer => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${body}`);
  await page.getByLabel('TMX file to import').setInputFiles({
    name: 'agency.tmx',
    mimeType: 'application/x-tmx+xml',
    buffer: tmx(
      '<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="paragraph" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/><body><tu><note>From the agency feed.</note><prop type="client">Wire</prop><tuv xml:lang="en"><seg>The weather is fine today.</seg></tuv><tuv xml:lang="es-ES"><seg>Hoy hace buen tiempo.</seg></tuv></tu></body></tmx>',
    ),
  });
  await page.getByRole('button', { name: 'Import TMX' }).click();
  // What the TM has no place for is said (issue 14), never dropped silently.
  await expect(
    page.getByText(
      'Imported 1 units; 0 skipped; 0 earlier imported units removed. Not kept, as the translation memory has no place for them: notes of units (1), properties of units (1), other variants of the source language in a unit (0).',
    ),
  ).toBeVisible();
  await page.getByLabel('TMX file to import').setInputFiles({
    name: 'evil.tmx',
    mimeType: 'application/x-tmx+xml',
    buffer: tmx(
      '<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&x;</seg></tuv></tu></body></tmx>',
    ),
  });
  await page.getByRole('button', { name: 'Import TMX' }).click();
  await expect(page.getByRole('alert')).toContainText('declares a DTD or entities');
  await page.getByRole('searchbox', { name: 'Concordance' }).fill('weather');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('table').filter({ hasText: 'Translation' })).toContainText('Hoy hace buen tiempo.');

  await page.getByRole('checkbox', { name: 'Pre-fill 100% matches' }).check();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Back', exact: true }).click();

  // An identical paragraph in a new article is filled before any MT.
  await app.importText(`${SIGNED}\n\nA new sentence.`, { source: 'en', target: 'es' });
  await expect(app.translation(0)).toHaveValue(TRANSLATION);
  await expect(page.getByText('1 paragraph was pre-filled with a 100 % translation memory match.')).toBeVisible();
  await expect(app.translation(1)).toHaveValue('');
});
