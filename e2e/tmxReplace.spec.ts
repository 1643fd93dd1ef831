/**
 * "Replace earlier TMX imports" removes the pair's TMX units (in a team, from every member's
 * library): Settings asks first, naming how many go; Escape or Cancel imports nothing, Replace swaps them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';

function tmx(units: [string, string][]): string {
  const tus = units.map(([en, es]) => `<tu><tuv xml:lang="en"><seg>${en}</seg></tuv><tuv xml:lang="es"><seg>${es}</seg></tuv></tu>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" creationtool="e2e" segtype="sentence" o-tmf="none" adminlang="en" datatype="plaintext" creationtoolversion="1"/><body>\n${tus.join('\n')}\n</body></tmx>\n`;
}

test('Replace earlier TMX imports asks first with the count; Escape keeps the memory, Replace swaps the units', async ({
  page,
  server,
}, testInfo) => {
  const first = testInfo.outputPath('desk.tmx');
  const second = testInfo.outputPath('wire.tmx');
  fs.mkdirSync(path.dirname(first), { recursive: true });
  fs.writeFileSync(
    first,
    tmx([
      ['The council met.', 'El consejo se reunió.'],
      ['The mayor spoke.', 'La alcaldesa habló.'],
      ['Schools reopen.', 'Las escuelas reabren.'],
    ]),
  );
  fs.writeFileSync(
    second,
    tmx([
      ['Prices rose.', 'Los precios subieron.'],
      ['Rain is expected.', 'Se espera lluvia.'],
    ]),
  );

  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('TMX file to import').setInputFiles(first);
  await page.getByRole('button', { name: 'Import TMX' }).click();
  await expect(page.getByText('Imported 3 units; 0 skipped; 0 earlier imported units removed.', { exact: false })).toBeVisible();
  await expect(page.getByText('3 units in this pair.', { exact: true })).toBeVisible();

  // Replace: asked first, with the count; Escape answers no and nothing is imported.
  await page.getByLabel('TMX file to import').setInputFiles(second);
  await page.getByRole('radio', { name: 'Replace earlier TMX imports' }).check();
  await page.getByRole('button', { name: 'Import TMX' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Replace the TMX imports of English → Spanish?' });
  await expect(dialog).toContainText('Importing “wire.tmx” removes the 3 units imported earlier from TMX files for English → Spanish.');
  await expect(dialog).not.toContainText('team');
  // Focus starts on Cancel, the safe answer.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Nothing was imported; the translation memory is unchanged.')).toBeVisible();
  await expect(page.getByText('3 units in this pair.', { exact: true })).toBeVisible();

  // Asked again, answered Replace: the two new units take the place of the three.
  await page.getByRole('button', { name: 'Import TMX' }).click();
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByText('Imported 2 units; 0 skipped; 3 earlier imported units removed.', { exact: false })).toBeVisible();
  await expect(page.getByText('2 units in this pair.', { exact: true })).toBeVisible();
});
