/**
 * Issue 13, item 1 in browser mode: Settings → Backups lists the start backup, "Back up now" adds
 * one, and Restore brings back a document deleted after that backup (the backend replaces the
 * library file while calls wait; the page loads again).
 */
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';
import { importMarkdown, invoke } from './support/api.js';

test('Settings → Backups: the start backup is listed, Back up now adds one, Restore brings back a deleted document', async ({
  page,
  server,
}) => {
  await invoke(server, 'setProfile', { name: 'Elena Editor', role: 'editor' });
  const doc = await importMarkdown(server, 'The storm closed roads.\n\nSchools stay open.', 'en', 'es', 'Storm story');

  const app = new VersoPage(page);
  await app.open(server.url);
  await expect(page.getByRole('button', { name: 'Storm story' })).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Backups' });
  const rows = section.getByRole('table', { name: 'Backups' }).getByRole('row');
  // The header row and the backup taken when the library opened.
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('At start');

  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(section.getByRole('status')).toContainText('Backup made:');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('By hand');

  // Deleted after the backup (as another window or the CLI would), then restored.
  await invoke(server, 'deleteDocument', { documentId: doc.id });
  await rows.nth(1).getByRole('button', { name: 'Restore' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('The current library is backed up first');
  await dialog.getByRole('button', { name: 'Restore' }).click();

  // The page loads again on the restored library; the library before it is one of the backups.
  await expect(page.getByRole('region', { name: 'Backups' }).getByRole('table', { name: 'Backups' })).toContainText('Before a restore');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Storm story' })).toBeVisible();
  const docs = await invoke<{ title: string }[]>(server, 'listDocuments', {});
  expect(docs.map((d) => d.title)).toEqual(['Storm story']);
});

test('Settings → Backups: the number to keep is saved and applied', async ({ page, server }) => {
  await invoke(server, 'setProfile', { name: 'Elena Editor', role: 'editor' });
  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Backups' });
  const rows = section.getByRole('table', { name: 'Backups' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(rows).toHaveCount(3);
  await section.getByLabel('Backups to keep').fill('1');
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByRole('status')).toHaveText('Verso keeps the newest 1 backups.');
  await expect(rows).toHaveCount(2);
  const list = await invoke<{ keep: number; backups: unknown[] }>(server, 'listBackups', {});
  expect(list.keep).toBe(1);
  expect(list.backups).toHaveLength(1);
});
