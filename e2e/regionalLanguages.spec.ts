/**
 * Issue 14 in browser mode: regional languages and TMX level 2. A TMX with es-ES and es-MX
 * variants (LISA PUBLIC doctype, inline codes) is imported; a document created as en-US → es-MX
 * through "Other language (BCP 47 tag)…" gets the es-MX match first and the es-ES one labelled
 * "es-ES match"; Apertium's en→es serves it; the export carries the Spanish footer (es-MX → es).
 */
import { test, expect } from './support/fixtures.js';
import { downloadText, VersoPage } from './support/versoPage.js';
import { findFooterTemplate, renderFooter } from '../shared/footer.js';
import { xmlSchemaErrors } from '../main/testing/validateXml.js';

const PUBLISHER = 'Diario Ejemplo';
const CONTACT = 'redaccion@example.org';
const WEATHER = 'The weather is fine today.';
const MX = 'Hoy hace buen clima.';
const ES = 'Hoy hace buen tiempo.';

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx PUBLIC "-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN" "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="Agency" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en-US" datatype="html"/>
  <body>
    <tu>
      <tuv xml:lang="eN-uS"><seg>${WEATHER}</seg></tuv>
      <tuv xml:lang="es-ES"><seg>${ES}</seg></tuv>
      <tuv xml:lang="ES-mx"><seg>${MX}</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Start<ept i="1">&lt;/b&gt;</ept> now.</seg></tuv>
      <tuv xml:lang="es-MX"><seg>Pulsa <bpt i="1">&lt;b&gt;</bpt>Inicio<ept i="1">&lt;/b&gt;</ept> ahora.</seg></tuv>
    </tu>
  </body>
</tmx>`;

test('en-US → es-MX: regional tags in the pickers, the es-MX TM match preferred over es-ES and labelled, Spanish footer', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Publisher' }).fill(PUBLISHER);
  await page.getByRole('textbox', { name: 'Contact e-mail' }).fill(CONTACT);
  await page.getByRole('button', { name: 'Save settings' }).click();

  // The TMX joins the en → es memory with both Spanish variants (every variant kept).
  await page.getByRole('combobox', { name: 'Source language', exact: true }).selectOption('en');
  await page.getByRole('combobox', { name: 'Target language', exact: true }).selectOption('es');
  await page
    .getByLabel('TMX file to import')
    .setInputFiles({ name: 'agency.tmx', mimeType: 'application/x-tmx+xml', buffer: Buffer.from(TMX) });
  await page.getByRole('button', { name: 'Import TMX' }).click();
  await expect(page.getByText('Imported 3 units; 0 skipped; 0 earlier imported units removed.')).toBeVisible();
  // The memory's TMX export keeps the codes and canonical tags, and validates against tmx14.dtd.
  const tmDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export TMX' }).click();
  const tm = await downloadText(await tmDownload);
  expect(tm).toContain(
    '<tuv xml:lang="es-MX"><seg>Pulsa <bpt i="1" type="bold">&lt;b&gt;</bpt>Inicio<ept i="1">&lt;/b&gt;</ept> ahora.</seg></tuv>',
  );
  expect(tm).toContain('<tuv xml:lang="en-US">');
  expect(xmlSchemaErrors(tm, 'tmx14')).toBeNull();
  await page.getByRole('button', { name: 'Back', exact: true }).click();

  // Import as en-US → es-MX: the common list stays; "Other language" takes any valid tag.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('textbox', { name: 'Article text' }).fill(`${WEATHER}\n\nThe dog is small.`);
  await page.getByRole('combobox', { name: 'Source language', exact: true }).selectOption({ label: 'Other language (BCP 47 tag)…' });
  await page.getByRole('combobox', { name: 'Source language: language tag' }).fill('en-us');
  await page.getByRole('combobox', { name: 'Target language', exact: true }).selectOption({ label: 'Other language (BCP 47 tag)…' });
  const target = page.getByRole('combobox', { name: 'Target language: language tag' });
  await target.fill('es-XY');
  await expect(page.getByRole('alert')).toContainText('“es-XY” is not a valid language tag');
  await target.fill('es-mx');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText(/^es-MX: /)).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(app.rows()).toHaveCount(2);

  // The es-MX unit first (100 %), the es-ES one labelled and a point lower.
  await app.translation(0).focus();
  const matches = app.row(0).getByRole('region', { name: 'Translation memory matches' });
  const items = matches.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('100 %');
  await expect(items.nth(0)).toContainText(MX);
  await expect(items.nth(0)).not.toContainText('es-MX match');
  await expect(items.nth(1)).toContainText('99 %');
  await expect(items.nth(1)).toContainText(ES);
  await expect(items.nth(1).getByText('es-ES match')).toBeVisible();
  await page.keyboard.press('Control+m');
  await expect(app.translation(0)).toHaveValue(MX);

  // MT for the other paragraph: Apertium's en → es serves en-US → es-MX (BCP 47 lookup).
  await app.translateAll();
  await expect(app.translation(1)).not.toHaveValue('', { timeout: 60_000 });
  await app.translation(1).fill('El perrito es pequeño.');
  await app.translation(1).blur();
  await expect(app.row(1)).toContainText('Saved');
  for (const i of [0, 1]) {
    await app.signOff(app.row(i).getByRole('button', { name: 'Sign off' }));
    await expect(app.row(i)).toContainText('by Elena Editor');
  }

  // The document's TMX export (signed-off paragraphs) validates against tmx14.dtd, with regional tags.
  await page.getByLabel('Export format').selectOption({ label: 'TMX (signed-off paragraphs)' });
  const docTmxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const docTmx = await downloadText(await docTmxDownload);
  expect(docTmx).toContain(`<tuv xml:lang="es-MX"><seg>${MX}</seg></tuv>`);
  expect(xmlSchemaErrors(docTmx, 'tmx14')).toBeNull();

  // The publish-ready export ends with the Spanish footer (es-MX → es, never another language).
  const text = await downloadText(await app.exportAs('Plain text', 'Publish-ready'));
  const footer = renderFooter(findFooterTemplate('es')!, { publisher: PUBLISHER, contactEmail: CONTACT });
  expect(text).toContain(MX);
  expect(text).toContain(footer.split('\n\n')[0]!);
});
