/**
 * The chip editor (paragraphs with inline codes) in browser mode: typing across autosave keeps
 * the caret, Alt+Insert and the "Missing formatting" buttons insert at the caret.
 */
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';
import { importMarkdown, invoke, storedParagraph } from './support/api.js';
import type { DocumentDetail } from '../shared/types.js';

const o = (i: number) => String.fromCharCode(0xe000 + i);
const c = (i: number) => String.fromCharCode(0xe100 + i);

const SOURCE = 'In 1997 the **bank** opened [a branch](https://news.example/b) in Madrid.';
const TARGET = `En 1997 el ${o(0)}banco${c(0)} abrió ${o(1)}una sucursal${c(1)} en Madrid.`;

async function openChipParagraph(page: import('@playwright/test').Page, server: { url: string; origin: string; token: string }) {
  await invoke(server, 'setProfile', { name: 'Tomás Translator', role: 'translator' });
  const doc: DocumentDetail = await importMarkdown(server, `${SOURCE}\n\nA plain paragraph.`, 'en', 'es', 'Bank story');
  await invoke(server, 'updateParagraphTarget', { paragraphId: doc.paragraphs[0]!.id, target: TARGET });
  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Bank story' }).click();
  await expect(app.rows()).toHaveCount(2);
  const box = app.translation(0);
  await expect(box.getByRole('img')).toHaveCount(4);
  return { app, doc, box, row: app.row(0) };
}

test('typing, pausing until "Saved", and typing again keeps the caret where it was', async ({ page, server }) => {
  const { doc, box, row } = await openChipParagraph(page, server);
  await box.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Primera parte.');
  await expect(row).toContainText('Saved');
  await page.waitForTimeout(1000);
  await page.keyboard.type(' Segunda parte.');
  await expect(row).toContainText('Saved');
  const expected = `${TARGET} Primera parte. Segunda parte.`;
  await expect.poll(async () => (await storedParagraph(server, doc.id, 0)).target).toBe(expected);

  // In the middle of the text as well: after "En 1997", across a save.
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 'En 1997'.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type(',');
  await expect(row).toContainText('Saved');
  await page.waitForTimeout(1000);
  await page.keyboard.type(' ya');
  await expect.poll(async () => (await storedParagraph(server, doc.id, 0)).target).toBe(expected.replace('En 1997', 'En 1997, ya'));
});

test('Alt+Insert and the "Missing formatting" button put a deleted chip back at the caret, after a save', async ({ page, server }) => {
  const { doc, box, row } = await openChipParagraph(page, server);
  await box.click();
  // Delete the start of the link chip (after "abrió "), then move before "sucursal"... and save.
  await page.keyboard.press('Control+Home');
  const beforeLink = 'En 1997 el _banco_ abrió '.length; // two chips count one step each
  for (let i = 0; i < beforeLink; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Delete');
  await expect(box.getByRole('img')).toHaveCount(3);
  for (let i = 0; i < 'una '.length; i++) await page.keyboard.press('ArrowRight');
  await expect(row).toContainText('Saved');
  await page.waitForTimeout(800);
  await page.keyboard.press('Alt+Insert');
  await expect(box.getByRole('img')).toHaveCount(4);
  const moved = `En 1997 el ${o(0)}banco${c(0)} abrió una ${o(1)}sucursal${c(1)} en Madrid.`;
  await expect.poll(async () => (await storedParagraph(server, doc.id, 0)).target).toBe(moved);

  // The button inserts at the caret too (the caret stays in the box while it is clicked).
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Backspace'); // "."
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Delete'); // nothing to do with chips: "E"
  await page.keyboard.press('Control+End');
  for (let i = 0; i < ' en Madrid'.length; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace'); // the end of the link chip
  await expect(box.getByRole('img')).toHaveCount(3);
  await expect(row).toContainText('Saved');
  await page.waitForTimeout(800);
  await page.keyboard.press('ArrowLeft');
  await row.getByRole('button', { name: 'Insert end of link to https://news.example/b' }).click();
  await expect(box).toBeFocused();
  await page.keyboard.type('X');
  const final = `n 1997 el ${o(0)}banco${c(0)} abrió una ${o(1)}sucursa${c(1)}Xl en Madrid`;
  await expect.poll(async () => (await storedParagraph(server, doc.id, 0)).target).toBe(final);
});
