/**
 * Issue 12, defeat 1, through the UI in browser mode: raw Apertium MT exported as XLIFF 2.0 and
 * imported back keeps its MT origin, so publish-ready export under "only when machine translation
 * was used" still carries the footer. A file that does not say where its translation came from is
 * "origin unknown": the footer counts it as MT until an editor declares it human with a reason
 * (a translator is refused).
 */
import { test, expect } from './support/fixtures.js';
import { downloadText, VersoPage } from './support/versoPage.js';
import { findFooterTemplate, renderFooter } from '../shared/footer.js';
import type { Page } from '@playwright/test';

const PUBLISHER = 'Diario Ejemplo';
const CONTACT = 'redaccion@example.org';
const FOOTER_FIRST_LINE = renderFooter(findFooterTemplate('es')!, { publisher: PUBLISHER, contactEmail: CONTACT }).split('\n\n')[0]!;

async function settings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Publisher' }).fill(PUBLISHER);
  await page.getByRole('textbox', { name: 'Contact e-mail' }).fill(CONTACT);
  await page.getByLabel('Disclosure footer', { exact: true }).selectOption({ label: 'Only when machine translation was used' });
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
}

async function exportText(page: Page, format: string, mode: 'Publish-ready' | 'Draft'): Promise<string> {
  await page.getByLabel('Export format').selectOption({ label: format });
  await page.getByLabel('Export mode').selectOption({ label: mode });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  return downloadText(await download);
}

async function upload(page: Page, name: string, content: string): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Choose file').setInputFiles({ name, mimeType: 'application/xliff+xml', buffer: Buffer.from(content) });
  await page.getByLabel('Target language').selectOption('es');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

async function signOffAll(app: VersoPage, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await app.signOff(app.row(i).getByRole('button', { name: 'Sign off' }));
  await expect(app.progressText()).toContainText(`${count} of ${count} signed off`);
}

test('raw MT laundered through XLIFF 2.0 keeps its origin: the footer is still there after the round trip', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await settings(page);
  await app.importText('The house is red.\n\nThe dog is small.', { source: 'en', target: 'es', format: 'Plain text' });
  await expect(app.rows()).toHaveCount(2);
  await app.translateAll();
  await expect(app.translation(1)).not.toHaveValue('', { timeout: 60_000 });
  await expect(app.row(0)).toContainText('Machine translation');

  const xlf = await exportText(page, 'XLIFF 2.0', 'Draft');
  expect(xlf).toContain('state="initial" subState="verso:machine"');
  expect(xlf).not.toContain('state="translated"');

  await page.getByRole('button', { name: 'Back to library' }).click();
  await upload(page, 'house.xlf', xlf);
  await expect(app.rows()).toHaveCount(2);
  await expect(app.row(0)).toContainText('Machine translation');
  await signOffAll(app, 2);

  const txt = await exportText(page, 'Plain text', 'Publish-ready');
  expect(txt).toContain(FOOTER_FIRST_LINE);
  const attestation = JSON.parse(await exportText(page, 'Review attestation (JSON-LD)', 'Publish-ready')) as {
    engines: { name: string }[];
  };
  expect(attestation.engines.map((e) => e.name)).toEqual(['Apertium']);
});

test('XLIFF 1.2: paragraphs that started as MT and were confirmed keep their MT origin after the round trip', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await settings(page);
  await app.importText('The house is red.\n\nThe dog is small.', { source: 'en', target: 'es', format: 'Plain text' });
  await app.translateAll();
  await expect(app.translation(1)).not.toHaveValue('', { timeout: 60_000 });
  await app.translation(0).focus();
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press('Control+Enter');
    await expect(app.row(i)).toContainText('Confirmed');
  }

  const xlf = await exportText(page, 'XLIFF 1.2', 'Draft');
  expect(xlf).toContain('<alt-trans origin="Apertium"');
  await page.getByRole('button', { name: 'Back to library' }).click();
  await upload(page, 'house.xlf', xlf);
  await expect(app.rows()).toHaveCount(2);
  await expect(app.row(0)).toContainText('Confirmed');
  await signOffAll(app, 2);
  expect(await exportText(page, 'Plain text', 'Publish-ready')).toContain(FOOTER_FIRST_LINE);
});

const UNTOLD = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="story.txt" source-language="en" target-language="es" datatype="plaintext" tool-id="omt">
    <header><tool tool-id="omt" tool-name="OmegaT" tool-version="3.6"/></header>
    <body>
      <trans-unit id="1"><source>The storm closed roads.</source><target state="translated">La tormenta cerró carreteras.</target></trans-unit>
    </body>
  </file>
</xliff>`;

test('origin unknown: the footer counts it as MT; a translator may not declare it human, an editor may, with a reason', async ({
  page,
  server,
}) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await settings(page);
  await app.switchProfile('Tomás Translator', 'Translator');
  await upload(page, 'story.xlf', UNTOLD);
  await expect(app.rows()).toHaveCount(1);
  const notice = page.locator('.unknown-origin');
  await expect(notice).toContainText(
    'Paragraph 1 came from an imported file that does not say how it was translated. The disclosure footer counts it as machine translation.',
  );
  await expect(notice).toContainText('Imported from: OmegaT 3.6.');

  await page.getByRole('button', { name: 'Declare human translation…' }).click();
  await page.getByRole('textbox', { name: 'Why is this human translation?' }).fill('I translated it myself');
  await page.getByRole('button', { name: 'Declare human', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Only an editor may declare that a translation of unknown origin was made by a person.',
  );
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(notice).toContainText('The disclosure footer counts it as machine translation.');

  await app.switchProfile('Elena Editor', 'Editor');
  await signOffAll(app, 1);
  expect(await exportText(page, 'Plain text', 'Publish-ready')).toContain(FOOTER_FIRST_LINE);

  await page.getByRole('button', { name: 'Declare human translation…' }).click();
  await page.getByRole('textbox', { name: 'Why is this human translation?' }).fill('Translated by Ana Ruiz for the desk');
  await page.getByRole('button', { name: 'Declare human', exact: true }).click();
  await expect(notice).toContainText('Paragraph 1 declared human translation by Elena Editor: Translated by Ana Ruiz for the desk');
  await expect(page.getByRole('button', { name: 'Declare human translation…' })).toHaveCount(0);
  expect(await exportText(page, 'Plain text', 'Publish-ready')).toBe('La tormenta cerró carreteras.\n');
});
