/**
 * Issue 14, no silent loss in browser mode: an XLIFF with a translator's note, a translation memory
 * alternative and a glossary entry is imported; the note is a comment on its paragraph and the
 * import report lists what was kept and what was not.
 */
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';

const FILE = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="es" datatype="plaintext" original="dam.txt">
    <header><note>Deadline: noon.</note></header>
    <body>
      <trans-unit id="1"><source>The dam held overnight.</source><target state="translated">La presa resistió durante la noche.</target>
        <alt-trans origin="TM"><target>La presa aguantó por la noche.</target></alt-trans>
        <note from="desk">Check the river's name.</note></trans-unit>
      <trans-unit id="2"><source>Rain is expected again on Friday.</source></trans-unit>
    </body>
  </file>
</xliff>`;

test('an XLIFF note becomes a comment, and the import report lists what the file held that was not imported', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Ana', 'Translator');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Choose file').setInputFiles({ name: 'dam.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(FILE) });
  await page.getByLabel('Target language').selectOption('es');
  await page.getByRole('button', { name: 'Import', exact: true }).click();

  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report).toBeVisible();
  await expect(report).toContainText('2 things in the file could not be imported');
  await expect(report.getByRole('list', { name: 'Imported', exact: true })).toContainText(
    '1 XLIFF note (now a comment on its paragraph) — at paragraph 1',
  );
  const lost = report.getByRole('list', { name: 'Not imported' });
  await expect(lost.getByRole('listitem')).toHaveText([
    '1 alternative translation that is not machine translation (a translation memory match, an earlier version) — at paragraph 1',
    '1 note on the whole file or a group, not on one paragraph',
  ]);
  await report.getByRole('button', { name: 'Close import report' }).click();

  await app
    .row(0)
    .getByRole('button', { name: /^Comments/ })
    .click();
  const thread = app.row(0).getByRole('region', { name: 'Comments on paragraph 1' });
  await expect(thread).toContainText("Check the river's name.");
  await expect(thread).toContainText('XLIFF (desk)');
});
