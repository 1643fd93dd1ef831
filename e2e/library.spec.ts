/**
 * The library in browser mode: search, sort, rename; delete with confirmation (a translator is
 * refused for a document with sign-offs, by the UI and by the service when called directly; an
 * editor may; every deletion is in the record); the open document survives a reload; back and
 * forward; an address naming a missing document.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import type { RunningServer } from './support/server.js';
import { VersoPage } from './support/versoPage.js';

function library(page: Page): Locator {
  return page.getByRole('list', { name: 'Articles' });
}

/** The articles (not the status counts listed inside each). */
function items(page: Page): Locator {
  return library(page).locator(':scope > li');
}

function item(page: Page, title: string): Locator {
  return items(page).filter({ has: page.getByRole('button', { name: title, exact: true }) });
}

async function titles(page: Page): Promise<string[]> {
  return library(page).locator('.document-open').allTextContents();
}

async function backToLibrary(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Back to library' }).click();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
}

/** Calls the API as the page does (the bridge with the run's token), bypassing the UI. */
async function callApi(
  server: RunningServer,
  method: string,
  input: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const response = await fetch(`${server.origin}/api/invoke/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
}

test('search, sort and rename; two imports of one article are told apart', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');
  const floods = '# Floods in Valencia\n\nThe river rose.\n\nSchools closed.';
  await app.importText(floods, { source: 'en', target: 'es', format: 'Markdown' });
  await expect(app.rows()).toHaveCount(3);
  await backToLibrary(page);
  await app.importText('# Zebra crossings\n\nThe city paints new crossings.', { source: 'en', target: 'de', format: 'Markdown' });
  await expect(app.rows()).toHaveCount(2);
  await backToLibrary(page);
  // Import times are shown to the second: the same article imported again a moment later (not
  // within the same second, as a fast test could) must show another time.
  await page.waitForTimeout(1_100);
  await app.importText(floods, { source: 'en', target: 'es', format: 'Markdown' });
  await expect(app.rows()).toHaveCount(3);
  // The second import gets some work, so its counts differ too.
  await app.translation(1).fill('El río subió.');
  await expect(app.row(1)).toContainText('Saved');
  await backToLibrary(page);

  // Newest change first; each item shows languages, counts by status, import date and last change.
  expect(await titles(page)).toEqual(['Floods in Valencia', 'Zebra crossings', 'Floods in Valencia']);
  const [newer, older] = [items(page).nth(0), items(page).nth(2)];
  await expect(newer).toContainText('English → Spanish');
  await expect(newer.getByRole('list', { name: 'Paragraphs by status' })).toContainText('New 2');
  await expect(newer.getByRole('list', { name: 'Paragraphs by status' })).toContainText('Edited 1');
  await expect(older.getByRole('list', { name: 'Paragraphs by status' })).toContainText('New 3');
  await expect(older.getByRole('list', { name: 'Paragraphs by status' })).toContainText('Edited 0');
  const importedNewer = (await newer.textContent())!.match(/Imported [^L]+/)![0];
  const importedOlder = (await older.textContent())!.match(/Imported [^L]+/)![0];
  expect(importedNewer).not.toBe(importedOlder);
  await expect(newer).toContainText(/Last change \w{3} \d{1,2}, \d{4}/);

  // Search: by title (case and accents ignored), by language name, every word.
  const search = page.getByRole('textbox', { name: 'Search library' });
  await search.fill('VALENCIA');
  await expect.poll(() => titles(page)).toEqual(['Floods in Valencia', 'Floods in Valencia']);
  await expect(page.getByText('2 articles match “VALENCIA”.')).toBeVisible();
  await search.fill('german');
  await expect.poll(() => titles(page)).toEqual(['Zebra crossings']);
  await search.fill('floods german');
  await expect(page.getByText('No article matches “floods german”.')).toBeVisible();
  await search.press('Escape');
  await expect.poll(() => titles(page)).toHaveLength(3);

  // Sort by title.
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Title (A–Z)' });
  await expect.poll(() => titles(page)).toEqual(['Floods in Valencia', 'Floods in Valencia', 'Zebra crossings']);
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Last change (newest first)' });

  // Rename: the button's name is exactly "Rename"; an empty title is refused and changes nothing.
  const zebra = item(page, 'Zebra crossings');
  await zebra.getByRole('button', { name: 'Rename', exact: true }).click();
  const box = page.getByRole('textbox', { name: 'New title' });
  await expect(box).toBeFocused();
  await box.fill('   ');
  await page.getByRole('button', { name: 'Save title' }).click();
  await expect(page.getByRole('alert')).toHaveText('The title is empty. Type a title.');
  await box.press('Escape');
  await expect(zebra.getByRole('button', { name: 'Rename', exact: true })).toBeFocused();
  await zebra.getByRole('button', { name: 'Rename', exact: true }).click();
  await page.getByRole('textbox', { name: 'New title' }).fill('Zebra crossings in Berlin');
  await page.getByRole('textbox', { name: 'New title' }).press('Enter');
  await expect(page.getByText('Renamed to “Zebra crossings in Berlin”.')).toBeVisible();
  await expect(item(page, 'Zebra crossings in Berlin').getByRole('button', { name: 'Rename', exact: true })).toBeFocused();
  // A renamed document moves up: it is the latest change.
  await expect.poll(() => titles(page)).toEqual(['Zebra crossings in Berlin', 'Floods in Valencia', 'Floods in Valencia']);
  await page.reload();
  await expect.poll(() => titles(page)).toEqual(['Zebra crossings in Berlin', 'Floods in Valencia', 'Floods in Valencia']);
});

test('delete asks first; a document with sign-offs only an editor may delete; every deletion is recorded', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await app.importText('# Approved story\n\nThe house is red.', { source: 'en', target: 'es', format: 'Markdown' });
  await expect(app.rows()).toHaveCount(2);
  await app.translation(0).fill('Historia aprobada');
  await app.translation(1).fill('La casa es roja.');
  await expect(app.row(1)).toContainText('Saved');
  await app.signOff(app.row(0).getByRole('button', { name: 'Sign off' }));
  await app.signOff(app.row(1).getByRole('button', { name: 'Sign off' }));
  await expect(app.progressText()).toContainText('2 of 2 signed off');
  await backToLibrary(page);
  await app.importText('# Draft piece\n\nNothing approved here.', { source: 'en', target: 'fr', format: 'Markdown' });
  await expect(app.rows()).toHaveCount(2);
  await backToLibrary(page);

  await app.switchProfile('Tomás Translator', 'Translator');
  const approved = item(page, 'Approved story');
  const deleteApproved = approved.getByRole('button', { name: 'Delete', exact: true });
  await deleteApproved.click();
  let dialog = page.getByRole('alertdialog', { name: 'Delete “Approved story”?' });
  await expect(dialog).toContainText('2 paragraphs, 2 signed off');
  await expect(dialog).toContainText('This article has 2 sign-offs. Only an editor can delete it.');
  await expect(dialog.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(deleteApproved).toBeFocused();

  // The service refuses too, whatever the UI shows.
  const docs = (await callApi(server, 'listLibrary', {})).value as { id: string; title: string }[];
  const approvedId = docs.find((d) => d.title === 'Approved story')!.id;
  expect(await callApi(server, 'deleteDocument', { documentId: approvedId })).toMatchObject({
    ok: false,
    error: { code: 'LIBRARY_DELETE_NEEDS_EDITOR' },
  });
  await page.reload();
  await expect(item(page, 'Approved story')).toHaveCount(1);

  // A translator deletes a document without sign-offs, after confirming.
  await item(page, 'Draft piece').getByRole('button', { name: 'Delete', exact: true }).click();
  dialog = page.getByRole('alertdialog', { name: 'Delete “Draft piece”?' });
  await expect(dialog).toContainText('The deletion is recorded with your name, role and the time.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Deleted “Draft piece”. The deletion is in the deletion record.')).toBeVisible();
  await expect(item(page, 'Draft piece')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Approved story', exact: true })).toBeFocused();

  // An editor may delete the signed-off one.
  await app.switchProfile('Elena Editor', 'Editor');
  await item(page, 'Approved story').getByRole('button', { name: 'Delete', exact: true }).click();
  dialog = page.getByRole('alertdialog', { name: 'Delete “Approved story”?' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No articles yet. Import one to begin.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Search library' })).toBeFocused();

  // The record, in the UI and through the API: who, role, when, title, languages, counts.
  await page.getByText('Deletion record', { exact: true }).click();
  const table = page.getByRole('table', { name: 'Deleted articles, newest first' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText('Elena Editor (Editor)');
  await expect(table.getByRole('row').nth(1)).toContainText('Approved story');
  await expect(table.getByRole('row').nth(2)).toContainText('Tomás Translator (Translator)');
  await expect(table.getByRole('row').nth(2)).toContainText('English → French');
  const record = (await callApi(server, 'listDocumentDeletions', {})).value as Record<string, unknown>[];
  expect(record).toMatchObject([
    {
      title: 'Approved story',
      sourceLang: 'en',
      targetLang: 'es',
      paragraphCount: 2,
      signedOffCount: 2,
      signOffCount: 2,
      deletedBy: 'Elena Editor',
      role: 'editor',
    },
    {
      title: 'Draft piece',
      sourceLang: 'en',
      targetLang: 'fr',
      paragraphCount: 2,
      signedOffCount: 0,
      signOffCount: 0,
      deletedBy: 'Tomás Translator',
      role: 'translator',
    },
  ]);
  expect(typeof record[0]!['deletedAt']).toBe('string');
});

test('the open document survives a reload; back and forward move between library and document; a missing one says so', async ({
  page,
  server,
}) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');
  // The token left the address bar (kept for the tab); the route lives in the hash.
  await expect(page).toHaveURL(`${server.origin}/`);
  await app.importText('# Kept open\n\nFirst paragraph.\n\nSecond paragraph.', { source: 'en', target: 'es', format: 'Markdown' });
  await expect(page.getByRole('heading', { name: 'Kept open', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`^${server.origin}/#/documents/[\\w-]+$`));
  const documentUrl = page.url();
  await app.translation(1).fill('Primer párrafo.');
  await expect(app.row(1)).toContainText('Saved');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Kept open', level: 1 })).toBeVisible();
  await expect(app.rows()).toHaveCount(3);
  await expect(app.translation(1)).toHaveValue('Primer párrafo.');
  expect(page.url()).toBe(documentUrl);

  // The import form was replaced by the document: back goes to the library.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'Kept open', level: 1 })).toBeVisible();
  await backToLibrary(page);
  await expect(page).toHaveURL(`${server.origin}/#/`);
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Kept open', level: 1 })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();

  // Settings and glossary have addresses too.
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page).toHaveURL(`${server.origin}/#/settings`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();

  // An address naming a document that does not exist.
  await page.goto(`${server.origin}/#/documents/no-such-document`);
  const heading = page.getByRole('heading', { name: 'Document not found', level: 1 });
  await expect(heading).toBeFocused();
  await expect(page.getByText('No article in the library has this address. It may have been deleted, or the link is wrong.')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the library' }).click();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kept open', exact: true })).toBeVisible();
  // An address that names nothing shows the library.
  await page.goto(`${server.origin}/#/nowhere/at/all`);
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(`${server.origin}/#/`);
});
