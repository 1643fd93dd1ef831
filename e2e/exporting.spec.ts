/**
 * Export and disclosure in browser mode: sign off an article, export HTML and DOCX from the UI
 * (downloads), and the CLI on the same library writes the same export. The footer settings screen
 * changes the footer that goes out.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Download } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { downloadText, VersoPage } from './support/versoPage.js';
import { findFooterTemplate, renderFooter } from '../shared/footer.js';
import { docxParagraphs } from '../main/export/testing/docxParagraphs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, process.env.VERSO_DIST || 'dist', 'main/cli.cjs');
const PUBLISHER = 'Diario Ejemplo';
const CONTACT = 'redaccion@example.org';

async function downloadBytes(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function verso(dataDir: string, args: string[], cwd: string) {
  return spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, VERSO_DATA_DIR: dataDir },
    timeout: 60_000,
  });
}

test('sign off, export HTML and DOCX from the UI; the CLI export of the same document matches', async ({ page, server, dataDir }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Publisher' }).fill(PUBLISHER);
  await page.getByRole('textbox', { name: 'Contact e-mail' }).fill(CONTACT);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('button', { name: 'Back', exact: true }).click();

  await app.importText('# A short story\n\nThe house is red.\n\nThe dog is small.', { source: 'en', target: 'es', format: 'Markdown' });
  await expect(app.rows()).toHaveCount(3);
  await app.translateAll();
  await expect(app.translation(2)).not.toHaveValue('', { timeout: 60_000 });
  await app.translation(1).fill('La casa es <b>roja</b> & grande.');
  await app.translation(1).blur();
  await expect(app.row(1)).toContainText('Saved');

  // Not signed off yet: publish-ready HTML is refused, a draft is marked.
  await page.getByLabel('Export format').selectOption({ label: 'HTML' });
  await page.getByLabel('Export mode').selectOption({ label: 'Publish-ready' });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('3 paragraphs are not signed off');
  await page.getByLabel('Export mode').selectOption({ label: 'Draft' });
  const draftDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const draft = await downloadText(await draftDownload);
  expect(draft).toContain(
    '<p class="verso-draft" role="note"><strong>BORRADOR — no aprobado para su publicación (párrafos aprobados: 0 de 3)</strong></p>',
  );
  expect(draft).not.toContain('<footer');
  // A TMX holds signed-off paragraphs only: none yet, and the panel says so.
  await page.getByLabel('Export format').selectOption({ label: 'TMX (signed-off paragraphs)' });
  const tmxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  expect(await downloadText(await tmxDownload)).not.toContain('<tu ');
  await expect(page.getByText('A TMX holds signed-off paragraphs only: 0 of 3 are in this file.')).toBeVisible();
  await page.getByLabel('Export format').selectOption({ label: 'HTML' });

  for (let i = 0; i < 3; i++) await app.signOff(app.row(i).getByRole('button', { name: 'Sign off' }));
  await expect(app.progressText()).toContainText('3 of 3 signed off');

  await page.getByLabel('Export mode').selectOption({ label: 'Publish-ready' });
  const htmlDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const htmlFile = await htmlDownload;
  expect(htmlFile.suggestedFilename()).toBe('a-short-story.es.html');
  const html = await downloadText(htmlFile);
  const footer = renderFooter(findFooterTemplate('es')!, { publisher: PUBLISHER, contactEmail: CONTACT }).split('\n\n');
  expect(html).toContain('<h1>');
  expect(html).toContain('<p>La casa es &lt;b&gt;roja&lt;/b&gt; &amp; grande.</p>');
  expect(html).not.toContain('<b>');
  expect(html.split('<footer').length - 1).toBe(1);
  expect(html).toContain(`<footer class="ai-disclosure" lang="es" dir="ltr">\n<p>${footer[0]}</p>`);

  await page.getByLabel('Export format').selectOption({ label: 'Word (DOCX)' });
  const docxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const docxFile = await docxDownload;
  expect(docxFile.suggestedFilename()).toBe('a-short-story.es.docx');
  const docx = docxParagraphs(await downloadBytes(docxFile));
  expect(docx[0]!.style).toBe('Heading1');
  expect(docx[1]).toEqual({ style: null, text: 'La casa es <b>roja</b> & grande.' });
  expect(docx.filter((p) => p.style === 'AiDisclosure').map((p) => p.text)).toEqual(footer);
  await expect(page.getByRole('status').filter({ hasText: 'Exported a-short-story.es.docx' })).toBeVisible();

  // The CLI on the same library, while the app runs.
  const list = verso(dataDir, ['list'], dataDir);
  expect(list.status, list.stderr).toBe(0);
  expect(list.stdout).toContain('3/3 signed off');
  const outDir = fs.mkdtempSync(path.join(dataDir, 'out-'));
  const cliHtml = verso(dataDir, ['export', 'A short story', '--format', 'html', '--out', outDir], dataDir);
  expect(cliHtml.status, cliHtml.stderr).toBe(0);
  expect(fs.readFileSync(path.join(outDir, 'a-short-story.es.html'), 'utf8')).toBe(html);
  const cliDocx = verso(dataDir, ['export', 'A short story', '--format', 'docx', '--out', outDir], dataDir);
  expect(cliDocx.status, cliDocx.stderr).toBe(0);
  expect(docxParagraphs(fs.readFileSync(path.join(outDir, 'a-short-story.es.docx')))).toEqual(docx);
  // No overwrite without --force.
  const again = verso(dataDir, ['export', 'A short story', '--format', 'html', '--out', outDir], dataDir);
  expect(again.status).toBe(1);
  expect(again.stderr).toContain('already exists');
});

test('the footer settings screen: a saved wording for Spanish goes out under the export', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Publisher' }).fill(PUBLISHER);
  await page.getByRole('textbox', { name: 'Contact e-mail' }).fill(CONTACT);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByLabel('Footer language').selectOption('es');
  const text = page.getByRole('textbox', { name: 'Footer text' });
  await expect(text).toHaveValue(/Este artículo ha sido traducido/);
  await text.fill('Traducido con ayuda de IA y revisado por {publisher}.');
  await expect(page.getByRole('region', { name: 'Footer preview' })).toContainText(
    `Traducido con ayuda de IA y revisado por ${PUBLISHER}.`,
  );
  await page.getByRole('textbox', { name: 'Reason for the footer wording change' }).fill('House wording');
  await page.getByRole('button', { name: 'Save footer' }).click();
  await expect(page.getByText('Footer saved for Spanish.')).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).first().click();

  await app.importText('The house is red.', { source: 'en', target: 'es' });
  await app.translateAll();
  await expect(app.translation(0)).not.toHaveValue('', { timeout: 60_000 });
  await app.signOff(app.row(0).getByRole('button', { name: 'Sign off' }));
  await expect(app.progressText()).toContainText('1 of 1 signed off');
  const exported = await downloadText(await app.exportAs('Plain text', 'Publish-ready'));
  expect(exported.trimEnd().endsWith(`Traducido con ayuda de IA y revisado por ${PUBLISHER}.`)).toBe(true);
  expect(exported).not.toContain('Este artículo ha sido traducido');
});
