/**
 * Issue 16, item 5 in browser mode: two Verso instances (two data directories, as on two laptops)
 * and no server between them. Tina saves her translation with Send for review; Eddie opens the file
 * with Open package (the document is added, with Tina's comment), resolves the comment, edits and sends
 * it back; Tina opens it and has his edit and the resolution.
 * Both change paragraph 2: Tina's editor shows a Conflict, closed with Keep mine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { makeDataDir, removeDataDir, startServer, type RunningServer } from './support/server.js';
import { invoke, importMarkdown } from './support/api.js';
import { VersoPage } from './support/versoPage.js';

interface Laptop {
  server: RunningServer;
  page: Page;
  app: VersoPage;
  dataDir: string;
}

async function laptop(browser: Browser, name: string, role: 'translator' | 'editor'): Promise<Laptop> {
  const dataDir = makeDataDir();
  const server = await startServer(dataDir);
  await invoke(server, 'setProfile', { name, role });
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  const app = new VersoPage(page);
  await app.open(server.url);
  return { server, page, app, dataDir };
}

/** Clicks Send for review in the open editor; the downloaded package's path. */
async function sendForReview(l: Laptop, file: string): Promise<string> {
  const download = l.page.waitForEvent('download');
  await l.page.getByRole('button', { name: 'Send for review' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toBe('storm.verso-review.json');
  await d.saveAs(file);
  await expect(l.page.getByText(/Saved storm\.verso-review\.json/)).toBeVisible();
  return file;
}

test('a document handed to another laptop and back as a review package, no server', async ({ browser }) => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-e2e-package-'));
  const laptops: Laptop[] = [];
  try {
    const tina = await laptop(browser, 'Tina', 'translator');
    laptops.push(tina);
    const eddie = await laptop(browser, 'Eddie', 'editor');
    laptops.push(eddie);
    const doc = await importMarkdown(tina.server, 'The storm hit the coast.\n\nSchools stay closed.', 'en', 'es', 'Storm');
    await invoke(tina.server, 'updateParagraphTarget', { paragraphId: doc.paragraphs[0]!.id, target: 'La tormenta golpeó la costa.' });
    await tina.page.reload();
    await tina.page.getByRole('button', { name: 'Storm' }).click();
    // A question travels with the package (version 2 carries comments).
    await tina.app.row(0).getByRole('button', { name: 'Comments' }).click();
    await tina.app.row(0).getByRole('textbox', { name: 'New comment' }).fill('Golpeó or azotó?');
    await tina.app.row(0).getByRole('button', { name: 'Add comment' }).click();
    await expect(tina.app.row(0).getByRole('region', { name: 'Comments on paragraph 1' })).toContainText('Golpeó or azotó?');
    const first = await sendForReview(tina, path.join(dir, 'first.verso-review.json'));

    await eddie.page.getByLabel('Open package').setInputFiles(first);
    await expect(eddie.page.getByRole('status').filter({ hasText: 'Added “Storm” from Tina’s package' })).toBeVisible();
    await eddie.page.getByRole('button', { name: 'Storm' }).click();
    await expect(eddie.app.translation(0)).toHaveValue('La tormenta golpeó la costa.');
    await eddie.app.row(0).getByRole('button', { name: 'Comments (1, 1 open)' }).click();
    const question = eddie.app.row(0).getByRole('region', { name: 'Comments on paragraph 1' });
    await expect(question).toContainText('Tina (translator)');
    await expect(question).toContainText('Golpeó or azotó?');
    await eddie.app.row(0).getByRole('button', { name: 'Resolve' }).click();
    await expect(question).toContainText('resolved by Eddie');
    await eddie.app.translation(0).fill('La tormenta azotó la costa.');
    await eddie.app.translation(0).blur();
    const back = await sendForReview(eddie, path.join(dir, 'back.verso-review.json'));

    await tina.page.getByRole('button', { name: 'Back to library' }).click();
    await tina.page.getByLabel('Open package').setInputFiles(back);
    await expect(tina.page.getByRole('status').filter({ hasText: 'Opened the package from Eddie' })).toContainText(
      'Paragraphs taken: 1; conflicts: 0; parts not applied: 0.',
    );
    await tina.page.getByRole('button', { name: 'Storm' }).click();
    await expect(tina.app.translation(0)).toHaveValue('La tormenta azotó la costa.');
    // Eddie's resolution came back with his edit.
    await tina.app
      .row(0)
      .getByRole('button', { name: /^Comments \(1/ })
      .click();
    await expect(tina.app.row(0).getByRole('region', { name: 'Comments on paragraph 1' })).toContainText('resolved by Eddie');

    // Both translate paragraph 2 differently: a Conflict in Tina's editor, closed with Keep mine.
    await tina.app.translation(1).fill('Las escuelas siguen cerradas.');
    await tina.app.translation(1).blur();
    await eddie.app.translation(1).fill('Los colegios siguen cerrados.');
    await eddie.app.translation(1).blur();
    const clash = await sendForReview(eddie, path.join(dir, 'clash.verso-review.json'));
    await tina.page.getByRole('button', { name: 'Back to library' }).click();
    await tina.page.getByLabel('Open package').setInputFiles(clash);
    await expect(tina.page.getByRole('status').filter({ hasText: 'Opened the package from Eddie' })).toContainText(
      'Paragraphs taken: 0; conflicts: 1;',
    );
    await tina.page.getByRole('button', { name: 'Storm' }).click();
    await expect(tina.app.row(1).getByText('Conflict', { exact: true })).toBeVisible();
    await expect(tina.app.translation(1)).toHaveValue('Las escuelas siguen cerradas.');
    await tina.app.row(1).getByRole('button', { name: 'Keep mine' }).click();
    await expect(tina.app.row(1).getByText('Conflict', { exact: true })).toHaveCount(0);
    await expect(tina.app.translation(1)).toHaveValue('Las escuelas siguen cerradas.');
  } finally {
    for (const l of laptops) {
      await l.page.context().close();
      await l.server.stop();
      await removeDataDir(l.dataDir);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
