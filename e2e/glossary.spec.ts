/**
 * The glossary in browser mode: terms added on the glossary screen and imported from CSV, an
 * article whose translation violates them, the violation shown in the editor and blocking
 * sign-off, fixed in one paragraph and overridden with a reason in the other, then signed off.
 */
import { test, expect } from './support/fixtures.js';
import { downloadText, VersoPage } from './support/versoPage.js';

const XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="es" datatype="plaintext" original="summit.txt">
    <body>
      <trans-unit id="1"><source>The European Union met on Monday.</source><target state="translated">La UE se reunió el lunes.</target></trans-unit>
      <trans-unit id="2"><source>The prime minister spoke first.</source><target state="translated">El jefe del Gobierno habló primero.</target></trans-unit>
    </body>
  </file>
</xliff>`;

test('a glossary term violation blocks sign-off until fixed or overridden with a reason', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');

  // The glossary screen: add a term, then import another from CSV.
  await page.getByRole('button', { name: 'Glossary' }).click();
  await expect(page.getByRole('heading', { name: 'Glossary', level: 1 })).toBeFocused();
  await page.getByLabel('Source language').selectOption('en');
  await page.getByLabel('Target language').selectOption('es');
  await page.getByRole('textbox', { name: 'Source term' }).fill('European Union');
  await page.getByRole('textbox', { name: 'Target term' }).fill('Unión Europea');
  await page.getByRole('textbox', { name: 'Forbidden variants' }).fill('UE');
  await page.getByRole('textbox', { name: 'Note' }).fill('Spell out in body text.');
  await page.getByRole('button', { name: 'Add term' }).click();
  const terms = page.getByRole('table', { name: 'Glossary terms' });
  await expect(terms.getByRole('row', { name: /European Union/ })).toContainText('Unión Europea');

  // A bad row refuses the whole import and changes nothing.
  const file = page.getByLabel('Glossary file (CSV or TBX)');
  await file.setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('source,target\r\nprime minister,primer ministro\r\n,missing\r\n'),
  });
  await page.getByRole('button', { name: 'Import glossary' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Row 3 of the file has a value that is missing or not valid in its source column. Nothing was imported.',
  );
  await expect(page.getByText('1 term', { exact: true })).toBeVisible();
  await file.setInputFiles({
    name: 'house-style.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('source,target,note\r\nprime minister,primer ministro,"Lower case, always"\r\n'),
  });
  await page.getByRole('button', { name: 'Import glossary' }).click();
  await expect(page.getByRole('status')).toHaveText('Imported: 1 added, 0 updated, 0 unchanged, 0 removed. The pair now has 2 terms.');
  await expect(terms.getByRole('row')).toHaveCount(3);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export TBX' }).click();
  const tbx = await downloadText(await download);
  expect(tbx).toContain('<martif type="TBX-Basic" xml:lang="en">');
  expect(tbx).toContain('<term>prime minister</term>');

  // An article whose translation (made elsewhere) violates both terms.
  await page.getByRole('button', { name: 'Back to library' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Choose file').setInputFiles({ name: 'summit.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(XLIFF) });
  await page.getByLabel('Target language').selectOption('es');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(app.rows()).toHaveCount(2);
  await expect(app.row(0)).toContainText('Confirmed');

  // The source term is highlighted; its target shows on keyboard focus.
  const mark = app.row(0).locator('mark', { hasText: 'European Union' });
  await mark.focus();
  const tip = app.row(0).getByRole('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText('Glossary: Unión Europea (Spell out in body text.) Avoid: UE.');
  await expect(mark).toHaveAccessibleDescription('Glossary: Unión Europea (Spell out in body text.) Avoid: UE.');

  // Live QA shows the violations.
  const qa = app.row(0).getByRole('list', { name: 'QA issues of paragraph 1' });
  await expect(qa).toContainText('Error: Glossary: “European Union” must be translated as “Unión Europea”.');
  await expect(qa).toContainText('Error: Glossary: “UE” is a forbidden variant; use “Unión Europea” for “European Union”.');
  await expect(app.row(1).getByRole('list', { name: 'QA issues of paragraph 2' })).toContainText(
    '“prime minister” must be translated as “primer ministro”',
  );

  // Bulk sign-off skips both and says why.
  await app.signOff(page.getByRole('button', { name: 'Sign off all confirmed' }));
  await expect(page.getByText('2 paragraphs were skipped:')).toBeVisible();
  await expect(app.progressText()).toContainText('0 of 2 signed off');

  // Fixed: the error goes away and the paragraph signs off.
  await app.translation(0).fill('La Unión Europea se reunió el lunes.');
  await expect(app.row(0)).toContainText('Saved');
  await expect(qa).toHaveCount(0);
  await app.signOff(app.row(0).getByRole('button', { name: 'Sign off' }));
  await expect(app.progressText()).toContainText('1 of 2 signed off');

  // Overridden with a reason: signed off, the reason in the history.
  await app.signOff(app.row(1).getByRole('button', { name: 'Sign off' }));
  const reason = app.row(1).getByRole('textbox', { name: 'Reason for signing off despite the QA errors' });
  await expect(reason).toBeFocused();
  await expect(app.row(1)).toContainText('Glossary: “prime minister” must be translated as “primer ministro”.');
  await reason.fill('Quoting the government’s own wording.');
  await app.row(1).getByRole('button', { name: 'Sign off anyway' }).click();
  await expect(app.progressText()).toContainText('2 of 2 signed off');
  await app.row(1).getByRole('button', { name: 'History' }).click();
  await expect(app.row(1).getByRole('region', { name: 'History of paragraph 2' })).toContainText(
    'QA override: Quoting the government’s own wording.',
  );
});
