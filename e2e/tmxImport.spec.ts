/**
 * Issue 17 in browser mode: a multi-megabyte TMX imported from Settings is streamed to the bridge
 * (an upload, not base64 JSON), read in the import worker with a progress bar, and summed up; a
 * bigger one cancelled half-way leaves the memory as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';

const tu = (i: number) =>
  `  <tu creationdate="20261129T081500Z" creationid="desk"><prop type="x-domain">news</prop>
    <tuv xml:lang="en-GB"><seg>The council approved budget line ${i} for schools and <bpt i="1">&lt;b&gt;</bpt>public<ept i="1">&lt;/b&gt;</ept> health.</seg></tuv>
    <tuv xml:lang="es-ES"><seg>El consejo aprobó la partida ${i} para escuelas y sanidad <bpt i="1">&lt;b&gt;</bpt>pública<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
  </tu>\n`;

function writeTmx(file: string, from: number, to: number): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-GB" creationtool="e2e"/><body>\n');
  for (let at = from; at < to; at += 5000) {
    fs.writeSync(fd, Array.from({ length: Math.min(5000, to - at) }, (_, i) => tu(at + i)).join(''));
  }
  fs.writeSync(fd, '</body></tmx>\n');
  fs.closeSync(fd);
}

test('a multi-MB TMX is imported with progress and a summary; Cancel on a bigger one leaves the memory unchanged', async ({
  page,
  server,
}, testInfo) => {
  test.setTimeout(240_000);
  const small = testInfo.outputPath('memory.tmx');
  const big = testInfo.outputPath('bigger.tmx');
  fs.mkdirSync(path.dirname(small), { recursive: true });
  writeTmx(small, 0, 20_000);
  writeTmx(big, 20_000, 220_000);
  expect(fs.statSync(small).size).toBeGreaterThan(5_000_000);

  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await page.getByRole('button', { name: 'Settings' }).click();

  await page.getByLabel('TMX file to import').setInputFiles(small);
  await page.getByRole('button', { name: 'Import TMX' }).click();
  await expect(page.getByRole('progressbar', { name: 'TMX import progress' })).toBeVisible();
  await expect(page.getByText('Imported 20000 units; 0 skipped; 0 earlier imported units removed.', { exact: false })).toBeVisible({
    timeout: 120_000,
  });
  await expect(page.getByRole('progressbar', { name: 'TMX import progress' })).toHaveCount(0);
  await expect(page.getByText(/^20,?000 units in this pair\.$/)).toBeVisible();

  // A bigger file: Cancel while it is being read; nothing of it is kept.
  await page.getByLabel('TMX file to import').setInputFiles(big);
  await page.getByRole('button', { name: 'Import TMX' }).click();
  await expect(page.getByText(/Reading bigger\.tmx: [\d,.]+ units read/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByText('The import was cancelled; nothing was imported.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'TMX import progress' })).toHaveCount(0);
  // Read again from the library, not from what the page showed before.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByText(/^20,?000 units in this pair\.$/)).toBeVisible();
});
