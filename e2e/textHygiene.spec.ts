/**
 * Issue 13, item 5 in browser mode: a name or publisher with a hidden control or text-direction
 * character is refused on screen with a sentence naming the character; a title that still holds
 * one (a library written some other way) is shown isolated, with the character made visible, so
 * "report\u202Etxt.exe" never reads "reportexe.txt"; a rename with one is refused.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';
import { importMarkdown, invoke } from './support/api.js';

test('a profile name or a publisher with U+202E is refused with a clear message; nothing is saved', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('textbox', { name: 'Display name' }).fill('Eve\u202Erotide');
  await page.getByRole('radiogroup', { name: 'Role' }).getByRole('radio', { name: 'Editor' }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('alert')).toContainText('invisible control or text-direction character (U+202E)');
  await expect(page.getByRole('button', { name: 'Switch profile' })).toHaveCount(0);
  expect(await invoke<unknown[]>(server, 'listProfiles')).toEqual([]);

  await app.setUpProfile('Eve Editor', 'Editor');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Publisher' }).fill('Daily\u001b[2J News');
  await page.getByRole('textbox', { name: 'Contact e-mail' }).fill('news@example.org');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText('(U+001B)');
  expect((await invoke<{ publisher: string }>(server, 'getSettings')).publisher).not.toContain('\u001b');
});

test('a title holding U+202E is shown isolated with the character visible, and a rename with one is refused', async ({
  page,
  server,
  dataDir,
}) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Eve Editor', 'Editor');
  const doc = await importMarkdown(server, '# Budget\n\nThe council met.');
  // A library written some other way (an older version, a script): the title holds a bidi override.
  const db = new Database(path.join(dataDir, 'verso.sqlite'));
  db.prepare('UPDATE documents SET title = ? WHERE id = ?').run('report\u202Etxt.exe', doc.id);
  db.close();
  await page.reload();

  const open = page.getByRole('list', { name: 'Articles' }).locator('.document-open');
  await expect(open).toHaveText('report[U+202E]txt.exe');
  // Isolated from the text around it, and no raw override left on screen.
  await expect(open.locator('bdi')).toHaveText('report[U+202E]txt.exe');
  expect(await open.evaluate((el) => /[\u202A-\u202E\u2066-\u2069]/.test(el.textContent ?? ''))).toBe(false);

  await open.click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('report[U+202E]txt.exe');
  await expect(heading.locator('bdi')).toHaveCount(1);
  await page.getByRole('button', { name: 'Back to library' }).click();

  // Renaming to a title with an override is refused with the library's sentence.
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await page.getByRole('textbox', { name: 'New title' }).fill('budget\u202Efdp.exe');
  await page.getByRole('button', { name: 'Save title' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The title contains control characters or hidden formatting marks. Type it again without them.',
  );
  const stored = await invoke<{ title: string }>(server, 'getDocument', { documentId: doc.id });
  expect(stored.title).toBe('report\u202Etxt.exe');
});
