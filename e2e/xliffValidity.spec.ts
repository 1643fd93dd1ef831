/**
 * Issue 14, item 1, in browser mode: a Markdown article with a heading, bold, italic, inline code
 * and a link, machine-translated (so each unit also holds the MT candidate with its codes), is
 * exported as XLIFF 2.0 through the UI; the downloaded file validates against the official
 * schemas (xmllint) and meets the processing requirements; imported back, the link keeps its href.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { downloadText, VersoPage } from './support/versoPage.js';
import { xmlSchemaErrors } from '../main/testing/validateXml.js';
import { xliffRuleErrors } from '../main/testing/xliffRules.js';

const ARTICLE =
  '## Flood warning\n\nThe river **burst** its *banks* on Monday, see [the report](https://news.example/flood?id=1&x=2) and `gauge-7`.\n\n1. Stay home';

async function exportFile(page: Page, format: string): Promise<string> {
  await page.getByLabel('Export format').selectOption({ label: format });
  await page.getByLabel('Export mode').selectOption({ label: 'Draft' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  return downloadText(await download);
}

test('XLIFF 2.0 of a formatted, machine-translated article is valid, and its link comes back on import', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await app.importText(ARTICLE, { source: 'en', target: 'es', format: 'Markdown' });
  await expect(app.rows()).toHaveCount(3);
  await app.translateAll();
  await expect(page.getByRole('progressbar', { name: 'Translation progress' })).toBeHidden({ timeout: 60_000 });
  await expect(app.translation(1)).toContainText('río');

  const x20 = await exportFile(page, 'XLIFF 2.0');
  expect(xmlSchemaErrors(x20, 'xliff20')).toBeNull();
  expect(xliffRuleErrors(x20)).toEqual([]);
  // The candidate holds the codes too, under its own ids; the link's href is in originalData.
  expect(x20).toMatch(/<mtc:match [^>]*subType="verso:[^"\s:]+"/);
  expect(x20).toMatch(/<pc id="m\d+" type="link" dataRefStart="md\d+"/);
  expect(x20).toContain('&lt;a href=&quot;https://news.example/flood?id=1&amp;amp;x=2&quot;&gt;');
  expect(x20).toContain('type="verso:heading-2"');
  expect(x20).toContain('type="verso:list-item-1"');
  expect(x20).toMatch(/<segment id="s2" state="initial" subState="verso:machine">/);

  // XLIFF 1.2 of the same document is valid too.
  const x12 = await exportFile(page, 'XLIFF 1.2');
  expect(xmlSchemaErrors(x12, 'xliff12')).toBeNull();
  expect(xliffRuleErrors(x12)).toEqual([]);

  // Imported back, the link is a link again (its href in the chip's name), bold too: in the
  // source and in the imported translation (the raw MT).
  await page.getByRole('button', { name: 'Back to library' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Choose file').setInputFiles({ name: 'flood.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(x20) });
  await page.getByLabel('Target language').selectOption('es');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(app.rows()).toHaveCount(3);
  const row = app.row(1);
  await expect(row.getByRole('img', { name: 'start of link to https://news.example/flood?id=1&x=2' })).toHaveCount(2);
  await expect(row.getByRole('img', { name: 'start of bold' })).toHaveCount(2);
  await expect(app.translation(1).getByRole('img', { name: 'end of link to https://news.example/flood?id=1&x=2' })).toHaveCount(1);
});
