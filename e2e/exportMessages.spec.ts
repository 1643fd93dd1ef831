/**
 * Smaller things of issue 11 in browser mode: a publish-ready export on a new library names every
 * empty footer setting and links to them; after an export the user is told where the file went;
 * the draft notice is in the target language whatever the interface language; checkboxes sit
 * beside their labels; the document dashboard is laid out (status table beside the figures).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { downloadText, VersoPage } from './support/versoPage.js';

const NOTICE_ES = 'BORRADOR — no aprobado para su publicación (párrafos aprobados: 2 de 2)';

async function signedOffArticle(app: VersoPage): Promise<void> {
  await app.importText('# Short story\n\nThe house is red.', { source: 'en', target: 'es', format: 'Markdown' });
  await expect(app.rows()).toHaveCount(2);
  await app.translation(0).fill('Historia corta');
  await app.translation(1).fill('La casa es roja.');
  await expect(app.row(1)).toContainText('Saved');
  await app.signOff(app.row(0).getByRole('button', { name: 'Sign off' }));
  await app.signOff(app.row(1).getByRole('button', { name: 'Sign off' }));
  await expect(app.progressText()).toContainText('2 of 2 signed off');
}

test('a new library: the export names both empty settings and links to them; then it says where the file went', async ({
  page,
  server,
}) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await signedOffArticle(app);

  await page.getByLabel('Export format').selectOption({ label: 'Plain text' });
  await page.getByLabel('Export mode').selectOption({ label: 'Publish-ready' });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'disclosure footer' });
  await expect(alert).toContainText(
    'the footer needs the publisher name and contact e-mail address. Fill them in under Settings → Publication',
  );
  await expect(page.getByText('Check the contact e-mail address')).toHaveCount(0);
  await alert.getByRole('link', { name: 'Open Settings → Publication' }).click();
  await expect(page).toHaveURL(/#\/settings\/publication$/);
  const publisher = page.getByRole('textbox', { name: 'Publisher' });
  await expect(publisher).toBeFocused();
  await publisher.fill('Diario Ejemplo');
  await page.getByRole('textbox', { name: 'Contact e-mail' }).fill('redaccion@example.org');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  // Back to the article, as it was.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Short story', level: 1 })).toBeVisible();

  const download = await app.exportAs('Plain text', 'Publish-ready');
  expect(download.suggestedFilename()).toBe('short-story.es.txt');
  expect(await downloadText(download)).toContain('Diario Ejemplo');
  await expect(page.getByRole('status').filter({ hasText: 'Exported short-story.es.txt' })).toHaveText(
    'Exported short-story.es.txt: your browser saved it in its downloads folder (or asked you where to put it).',
  );
  // Browser mode cannot open a folder; the desktop app offers "Show in folder".
  await expect(page.getByRole('button', { name: 'Show in folder' })).toHaveCount(0);
});

test('the draft notice is in the target language, whatever the interface language', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await signedOffArticle(app);

  await page.getByLabel('Export format').selectOption({ label: 'HTML' });
  await page.getByLabel('Export mode').selectOption({ label: 'Draft' });
  let download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const html = await downloadText(await download);
  expect(html).toContain('<title>BORRADOR: Historia corta</title>');
  expect(html).toContain(`<p class="verso-draft" role="note"><strong>${NOTICE_ES}</strong></p>`);
  expect(html).not.toContain('DRAFT');

  await page.getByLabel('Interface language').selectOption('de');
  await page.getByLabel('Exportformat').selectOption({ label: 'Markdown' });
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportieren', exact: true }).click();
  const md = await downloadText(await download);
  expect(md.startsWith(`${NOTICE_ES}\n\n`)).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'short-story.es.draft.md exportiert' })).toContainText('Download-Ordner');
});

/** Every visible checkbox sits at the start of its label's line, beside it (not centred above it). */
async function expectCheckboxesBesideLabels(page: Page, where: string): Promise<number> {
  const boxes = page.locator('input[type="checkbox"]:visible');
  const count = await boxes.count();
  for (let i = 0; i < count; i++) {
    const box = boxes.nth(i);
    const id = await box.getAttribute('id');
    const label = id ? page.locator(`label[for="${id}"]`) : box.locator('xpath=ancestor::label[1]');
    // Both boxes from one layout (content still arriving above may move the page between two reads).
    await expect(label).toBeVisible();
    const [b, l] = await box.evaluate((el, forId) => {
      const lab = forId ? document.querySelector(`label[for="${forId}"]`) : el.closest('label');
      const rect = (r: DOMRect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
      return [rect(el.getBoundingClientRect()), rect(lab!.getBoundingClientRect())];
    }, id);
    const name = `${where}: ${(await label.textContent())?.trim()}`;
    if (id) expect(b.x + b.width, name).toBeLessThanOrEqual(l.x + 1);
    else expect(b.x, name).toBeLessThanOrEqual(l.x + 2);
    // The box is on the label's first line.
    const middle = b.y + b.height / 2;
    expect(middle, name).toBeGreaterThan(l.y);
    expect(middle, name).toBeLessThan(l.y + Math.min(l.height, 2 * b.height + 8));
  }
  return count;
}

test('checkboxes sit beside their labels; the dashboard puts the status table beside the figures', async ({ page, server }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('checkbox', { name: 'Pre-fill 100% matches' })).toBeVisible();
  expect(await expectCheckboxesBesideLabels(page, 'settings')).toBeGreaterThanOrEqual(5);
  await page.getByRole('button', { name: 'Back', exact: true }).first().click();

  await page.getByRole('button', { name: 'Glossary' }).click();
  await expect(page.getByRole('checkbox', { name: 'Case-sensitive' }).first()).toBeVisible();
  expect(await expectCheckboxesBesideLabels(page, 'glossary')).toBeGreaterThanOrEqual(1);
  await page.goBack();

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('checkbox', { name: /Bilingual pair/ })).toBeVisible();
  expect(await expectCheckboxesBesideLabels(page, 'import')).toBeGreaterThanOrEqual(1);
  await page.goBack();

  await signedOffArticle(app);
  // The find bar's options (checkboxes wrapped in their labels).
  expect(await expectCheckboxesBesideLabels(page, 'editor')).toBeGreaterThanOrEqual(2);

  await page.getByText('Dashboard', { exact: true }).click();
  const table = page.getByRole('table', { name: 'Paragraphs and words by status' });
  await expect(table).toBeVisible();
  const figures = page.locator('.dashboard-figure');
  await expect(figures).toHaveCount(5);
  const t = (await table.boundingBox())!;
  const f = (await figures.first().boundingBox())!;
  // Side by side: the first figure starts right of the table, level with its top.
  expect(f.x).toBeGreaterThan(t.x + t.width);
  expect(f.y).toBeLessThan(t.y + t.height / 2);
  // Numbers line up on the right.
  const align = await table
    .locator('tbody td')
    .first()
    .evaluate((el) => getComputedStyle(el).textAlign);
  expect(['right', 'end']).toContain(align);
  // The most-edited list comes below both.
  const edited = (await page.getByRole('heading', { name: 'Edited most' }).boundingBox())!;
  expect(edited.y).toBeGreaterThan(t.y + t.height);
});
