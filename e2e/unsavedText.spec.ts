/**
 * Nothing typed is lost when the page goes away before its autosave (issue 11, "Typing, pausing
 * across autosave … never lose a character"): a reload right after typing, and a save that could
 * not reach Verso before the reload, both end with the text stored and shown.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';
import { callApi } from './support/bridgeApi.js';
import type { RunningServer } from './support/server.js';

interface Detail {
  paragraphs: { target: string }[];
}

async function openArticle(page: Page, server: RunningServer): Promise<{ app: VersoPage; documentId: string }> {
  await callApi(server, 'setProfile', { name: 'Tomás Translator', role: 'translator' });
  const doc = await callApi<{ id: string }>(server, 'importDocument', {
    source: { kind: 'text', text: 'The house is red.\n\nThe dog is small.', format: 'txt' },
    sourceLang: 'en',
    targetLang: 'es',
    title: 'Houses',
  });
  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Houses' }).click();
  await expect(app.rows()).toHaveCount(2);
  return { app, documentId: doc.id };
}

async function storedTarget(server: RunningServer, documentId: string, index: number): Promise<string | undefined> {
  const detail = await callApi<Detail>(server, 'getDocument', { documentId });
  return detail.paragraphs[index]?.target;
}

test('a reload right after typing (before the autosave) loses nothing', async ({ page, server }) => {
  const { app, documentId } = await openArticle(page, server);
  await app.translation(1).click();
  await page.keyboard.type('El perro es pequeño.');
  await page.reload();
  await expect(app.rows()).toHaveCount(2);
  await expect(app.translation(1)).toHaveValue('El perro es pequeño.');
  await expect.poll(() => storedTarget(server, documentId, 1)).toBe('El perro es pequeño.');
});

test('text typed while Verso could not be reached survives a renderer crash, and is saved on the next start', async ({ page, server }) => {
  const { app, documentId } = await openArticle(page, server);
  const context = page.context();
  // Every save fails, as when the bridge cannot be reached.
  let reachable = false;
  await context.route('**/api/invoke/updateParagraphTarget', (route) => (reachable ? route.continue() : route.abort()));
  await app.translation(0).click();
  await page.keyboard.type('La casa es roja.');
  await expect(app.row(0).getByRole('alert')).toContainText('Not saved, your text is kept here.');

  // The renderer crashes (no unload event, no last request), then Verso is reachable again.
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => undefined); // never answered: the page is gone
  await crashed;
  reachable = true;
  expect(await storedTarget(server, documentId, 0)).toBe('');

  const next = await context.newPage();
  const again = new VersoPage(next);
  await again.open(`${server.url}#/documents/${documentId}`);
  await expect(again.rows()).toHaveCount(2);
  await expect(again.translation(0)).toHaveValue('La casa es roja.');
  await expect.poll(() => storedTarget(server, documentId, 0)).toBe('La casa es roja.');
  await expect(again.row(0)).toContainText('Edited');
  // Stored: a reload shows the stored text with nothing pending.
  await next.reload();
  await expect(again.translation(0)).toHaveValue('La casa es roja.');
  await expect(again.row(0)).not.toContainText('Saving');
});
