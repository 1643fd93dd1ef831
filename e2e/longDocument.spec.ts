/**
 * A long document in browser mode (issue 11, "Long documents"): 3,000 paragraphs created through
 * the API. The paragraph list mounts a window of rows; Find, Alt+↓ across the window's edge,
 * Ctrl+G "Go to paragraph", typing far down the document and Translate all's Cancel stay right.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';
import { callApi } from './support/bridgeApi.js';

const COUNT = 3_000;

/** Whether the focused element is inside the window and not under the sticky toolbar. */
async function focusedInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const bar = document.querySelector('[data-f6-region="toolbar"]')!.getBoundingClientRect();
    if (!el || el === document.body) return false;
    const box = el.getBoundingClientRect();
    return box.top >= bar.bottom - 1 && box.top < window.innerHeight;
  });
}

/** The paragraph number (first cell) of the row holding focus. */
async function focusedNumber(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('[role="row"]')?.querySelector('[role="cell"]')?.textContent ?? null);
}

test('3,000 paragraphs: a window of rows; Find, Alt+↓ across the edge, Ctrl+G and typing far down work', async ({ page, server }) => {
  await callApi(server, 'setProfile', { name: 'Tomás Translator', role: 'translator' });
  const text = Array.from({ length: COUNT }, (_, i) => `Paragraph number ${i + 1} of the long report.`).join('\n\n');
  await callApi(server, 'importDocument', {
    source: { kind: 'text', text, format: 'txt' },
    sourceLang: 'en',
    targetLang: 'es',
    title: 'The long report',
  });

  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'The long report' }).click();
  const table = page.getByRole('table', { name: 'Paragraphs' });
  await expect(table).toHaveAttribute('aria-rowcount', String(COUNT));
  await expect(app.row(0)).toHaveAttribute('aria-rowindex', '1');
  expect(await app.rows().count()).toBeLessThan(40);

  // Find: one paragraph of 3,000, and back.
  const find = page.getByRole('searchbox', { name: 'Find' });
  await find.fill('number 2999 ');
  await expect(page.getByText(`Showing 1 of ${COUNT} paragraphs.`)).toBeVisible();
  await expect(table).toHaveAttribute('aria-rowcount', '1');
  await expect(app.rows()).toHaveCount(1);
  await expect(app.row(0).getByRole('cell').first()).toHaveText('2999');
  await find.fill('');
  await expect(table).toHaveAttribute('aria-rowcount', String(COUNT));

  // Alt+↓ walks past the rows mounted at first; each row is focused in view, below the toolbar.
  await app.translation(0).focus();
  for (let n = 2; n <= 45; n++) {
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => focusedNumber(page)).toBe(String(n));
  }
  expect(await focusedInView(page)).toBe(true);
  await expect(app.rows().filter({ has: page.getByRole('cell', { name: '1', exact: true }) })).toHaveCount(0);

  // Ctrl+G: a wrong number is refused in the dialog; 2,500 is mounted, scrolled to and focused.
  await page.keyboard.press('Control+g');
  const dialog = page.getByRole('dialog', { name: 'Go to paragraph' });
  const number = dialog.getByRole('spinbutton', { name: 'Paragraph number' });
  await expect(number).toBeFocused();
  await number.fill('3001');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText(`There is no such paragraph: enter a number from 1 to ${COUNT}.`);
  await number.fill('2500');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => focusedNumber(page)).toBe('2500');
  await expect(page.locator(':focus')).toHaveAccessibleName('Translation');
  await expect.poll(() => focusedInView(page)).toBe(true);

  // Typed there, saved, and still there after going away and back.
  await page.keyboard.type('Párrafo 2500.');
  const row2500 = app.rows().filter({ has: page.getByRole('cell', { name: '2500', exact: true }) });
  await expect(row2500).toContainText('Saved');
  await page.keyboard.press('Control+g');
  await dialog.getByRole('spinbutton', { name: 'Paragraph number' }).fill('1');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedNumber(page)).toBe('1');
  await expect(row2500).toHaveCount(0);
  await page.keyboard.press('Control+g');
  await dialog.getByRole('spinbutton', { name: 'Paragraph number' }).fill('2500');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedNumber(page)).toBe('2500');
  await expect(page.locator(':focus')).toHaveValue('Párrafo 2500.');
});

test('Translate all on a long document: Cancel has focus while it runs, "Translate all" when it ends', async ({ page, server }) => {
  await callApi(server, 'setProfile', { name: 'Tomás Translator', role: 'translator' });
  const text = Array.from({ length: COUNT }, (_, i) => `The committee met on day ${i + 1} and agreed on a new plan.`).join('\n\n');
  await callApi(server, 'importDocument', {
    source: { kind: 'text', text, format: 'txt' },
    sourceLang: 'en',
    targetLang: 'es',
    title: 'The long report',
  });
  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'The long report' }).click();
  await expect(page.getByRole('table', { name: 'Paragraphs' })).toHaveAttribute('aria-rowcount', String(COUNT));

  const translateAll = page.getByRole('button', { name: 'Translate all' });
  await expect(translateAll).toBeEnabled({ timeout: 30_000 });
  await translateAll.focus();
  await page.keyboard.press('Enter');
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeFocused();
  await expect(page.getByRole('progressbar', { name: 'Translation progress' })).toBeVisible();
  await page.keyboard.press('Enter');
  // Cancelled (or, on a fast machine, already finished): either way focus is back on "Translate all".
  await expect(page.getByRole('status').filter({ hasText: /^Machine translation (cancelled|finished)\.$/ })).toBeVisible({
    timeout: 120_000,
  });
  await expect(translateAll).toBeFocused();
});

test('after Translate all (cancelled, then to the end) the editor shows what the document holds: status counts and the last paragraph’s MT', async ({
  page,
  server,
}) => {
  // More paragraphs than one page of getParagraphPage: the editor reads them back in pieces.
  const count = 2_500;
  await callApi(server, 'setProfile', { name: 'Tomás Translator', role: 'translator' });
  const text = Array.from({ length: count }, (_, i) => `The board approved plan number ${i + 1} after a long debate.`).join('\n\n');
  const doc = await callApi<{ id: string }>(server, 'importDocument', {
    source: { kind: 'text', text, format: 'txt' },
    sourceLang: 'en',
    targetLang: 'es',
    title: 'The plans',
  });
  const machineOnServer = async (): Promise<{ machine: number; last: string }> => {
    const detail = await callApi<{ paragraphs: { status: string; target: string }[] }>(server, 'getDocument', { documentId: doc.id });
    return { machine: detail.paragraphs.filter((p) => p.status === 'machine').length, last: detail.paragraphs[count - 1]!.target };
  };
  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'The plans' }).click();
  await expect(page.getByRole('table', { name: 'Paragraphs' })).toHaveAttribute('aria-rowcount', String(count));
  const translateAll = page.getByRole('button', { name: 'Translate all' });
  const show = page.getByLabel('Show', { exact: true });
  const done = page.getByRole('status').filter({ hasText: /^Machine translation (cancelled|finished)\.$/ });

  // Cancelled in mid-run (or, on a fast machine, already over): the rows shown as MT are those the server holds.
  await expect(translateAll).toBeEnabled({ timeout: 30_000 });
  await translateAll.click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(done).toBeVisible({ timeout: 120_000 });
  const atCancel = await machineOnServer();
  await show.selectOption({ label: 'Machine translation' });
  await expect(page.getByText(`Showing ${atCancel.machine} of ${count} paragraphs.`)).toBeVisible();
  await show.selectOption({ label: 'All paragraphs' });

  // Then to the end: every paragraph is MT, and the last one shows the server's translation.
  await expect(translateAll).toBeEnabled();
  await translateAll.click();
  await expect(page.getByRole('status').filter({ hasText: /^Machine translation finished\.$/ })).toBeVisible({ timeout: 120_000 });
  const after = await machineOnServer();
  expect(after.machine).toBe(count);
  expect(after.last).not.toBe('');
  await show.selectOption({ label: 'Machine translation' });
  await expect(page.getByText(`Showing ${count} of ${count} paragraphs.`)).toBeVisible();
  await show.selectOption({ label: 'All paragraphs' });
  await page.keyboard.press('Control+g');
  const dialog = page.getByRole('dialog', { name: 'Go to paragraph' });
  await dialog.getByRole('spinbutton', { name: 'Paragraph number' }).fill(String(count));
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedNumber(page)).toBe(String(count));
  await expect(page.locator(':focus')).toHaveValue(after.last);
});
