/**
 * Big files pass the browser-mode bridge: a 13 MB TMX from another tool (tens of thousands of
 * units) and a 46 MB one (once the old whole-file limit) are imported through Settings →
 * Translation memory, as the renderer sends them (a streamed upload, issue 17).
 */
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';

const MB = 1024 * 1024;
const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="paragraph" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/><body>';

/** A TMX of about `bytes` bytes: `units` real units, the rest an XML comment (cheap to parse). */
function tmx(bytes: number, units: number, label = 'Unit'): Buffer {
  const tus: string[] = [];
  for (let i = 0; i < units; i++) {
    tus.push(
      `<tu><tuv xml:lang="en"><seg>${label} ${i}: the council met on Tuesday to discuss the budget for schools and roads.</seg></tuv><tuv xml:lang="es"><seg>Unidad ${i}: el consejo se reunió el martes para hablar del presupuesto de escuelas y carreteras.</seg></tuv></tu>`,
    );
  }
  const body = `${HEADER}${tus.join('\n')}`;
  const tail = '</body></tmx>';
  const padding = Math.max(0, bytes - Buffer.byteLength(body) - tail.length - 7);
  return Buffer.from(`${body}<!--${' '.repeat(padding)}-->${tail}`);
}

test('a 13 MB TMX and a 46 MB TMX are accepted in browser mode (streamed upload)', async ({ page, server }) => {
  test.setTimeout(180_000);
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await page.getByRole('button', { name: 'Settings' }).click();

  const units = 52_000; // about 13 MB of units
  const first = tmx(13 * MB, units);
  expect(first.length).toBeGreaterThanOrEqual(13 * MB - 1024);
  await page.getByLabel('TMX file to import').setInputFiles({ name: 'agency.tmx', mimeType: 'application/x-tmx+xml', buffer: first });
  await page.getByRole('button', { name: 'Import TMX' }).click();
  await expect(page.getByText(`Imported ${units} units; 0 skipped; 0 earlier imported units removed.`)).toBeVisible({ timeout: 120_000 });

  // 46 MB as base64 is about 61 MB of request: larger than any other call may send.
  await page
    .getByLabel('TMX file to import')
    .setInputFiles({ name: 'large.tmx', mimeType: 'application/x-tmx+xml', buffer: tmx(46 * MB, 1, 'Large file unit') });
  await page.getByRole('button', { name: 'Import TMX' }).click();
  await expect(page.getByText('Imported 1 units; 0 skipped; 0 earlier imported units removed.')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});
