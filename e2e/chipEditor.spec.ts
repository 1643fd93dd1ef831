/**
 * The chip editor (paragraphs with inline codes) in browser mode: typing across autosave keeps
 * the caret, Alt+Insert and the "Missing formatting" buttons insert at the caret, IME composition
 * (through CDP, as input methods drive Chromium), right-to-left text, paste, server-side undo/redo,
 * the history, and the box of a paragraph not translated yet. (Randomized: chipEditorRandom.spec.ts.)
 */
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';
import { importMarkdown, invoke, storedParagraph } from './support/api.js';
import { chipBoxState } from './support/chipBox.js';
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

test('IME composition (Chinese, Japanese, Korean) lands at the caret next to chips, and only the committed text is saved', async ({
  page,
  server,
}) => {
  const { doc, box, row } = await openChipParagraph(page, server);
  const cdp = await page.context().newCDPSession(page);
  await box.focus();
  await page.keyboard.press('Control+Home');
  // Right before the bold chip ("En 1997 el |⟨B banco").
  for (let i = 0; i < 'En 1997 el '.length; i++) await page.keyboard.press('ArrowRight');
  const compose = async (steps: string[], commit: string) => {
    for (const step of steps)
      await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
    return cdp.send('Input.insertText', { text: commit });
  };
  await cdp.send('Input.imeSetComposition', { text: 'zhong', selectionStart: 5, selectionEnd: 5 });
  // Longer than autosave: half a composition is never stored.
  await page.waitForTimeout(1200);
  expect((await storedParagraph(server, doc.id, 0)).target).toBe(TARGET);
  await compose(['zhongguo', '中国'], '中国');
  // Right after the bold chip: Japanese, then Korean syllable by syllable.
  await page.keyboard.press('ArrowRight');
  await compose(['k', 'か', 'かん', 'かんじ', '漢字'], '漢字');
  await compose(['ㅎ', '하', '한'], '한');
  await page.keyboard.type('!');
  const expected = TARGET.replace(`el ${o(0)}banco`, `el 中国${o(0)}漢字한!banco`);
  await expect(row).toContainText('Saved');
  await expect.poll(async () => (await storedParagraph(server, doc.id, 0)).target).toBe(expected);
  expect((await chipBoxState(box)).head).toBe(expected.indexOf('!') + 1);
});

test('right-to-left text (Arabic) keeps every character and the caret across saves; Alt+Insert puts a chip at the caret', async ({
  page,
  server,
}) => {
  await invoke(server, 'setProfile', { name: 'Layla', role: 'translator' });
  const doc = await importMarkdown(server, 'The **bank** opened [a branch](https://news.example/b) in Madrid.', 'en', 'ar', 'Arabic story');
  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Arabic story' }).click();
  const box = app.translation(0);
  await expect(box).toHaveAttribute('dir', 'rtl');
  await box.focus();
  await page.keyboard.type('فتح البنك');
  await expect(app.row(0)).toContainText('Saved');
  await page.waitForTimeout(800);
  await page.keyboard.type(' فرعا');
  // Back over " فرعا" (logical backwards is ArrowRight in right-to-left text), then the chips.
  for (let i = 0; i < ' فرعا'.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Alt+Insert');
  await expect(box.getByRole('img', { name: 'start of bold' })).toHaveCount(1);
  await page.keyboard.press('Alt+Insert');
  await page.waitForTimeout(800);
  await page.keyboard.type(' في مدريد');
  const expected = `فتح البنك${o(0)}${c(0)} في مدريد فرعا`;
  await expect.poll(async () => (await storedParagraph(server, doc.id, 0)).target).toBe(expected);
  expect(await chipBoxState(box)).toMatchObject({ text: expected, head: expected.indexOf(' فرعا') });
});

test('paste is plain text: pasted chips and placeholder characters never become tokens', async ({ page, server }) => {
  const { doc, box } = await openChipParagraph(page, server);
  await box.focus();
  await page.keyboard.press('Control+End');
  const paste = (plain: string, html: string) =>
    box.evaluate(
      (el, [p, h]) => {
        const data = new DataTransfer();
        data.setData('text/plain', p!);
        data.setData('text/html', h!);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      [plain, html],
    );
  await paste(` Más${o(0)} texto${c(1)}`, `<span data-token="${o(0)}" contenteditable="false">⟨B</span> Más <b>texto</b>`);
  // Copying a selection with chips and pasting it gives its words only.
  await paste('', `<span data-token="${o(1)}">⟨↗</span>`);
  const expected = `${TARGET} Más texto`;
  await expect.poll(async () => (await storedParagraph(server, doc.id, 0)).target).toBe(expected);
  await expect(box.getByRole('img')).toHaveCount(4);
});

test('Ctrl+Z and Ctrl+Shift+Z are the paragraph’s history: the caret stays, and undoing back to the MT is machine translation again', async ({
  page,
  server,
}) => {
  await invoke(server, 'setProfile', { name: 'Tomás Translator', role: 'translator' });
  const doc = await importMarkdown(server, SOURCE, 'en', 'es', 'Bank story');
  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Bank story' }).click();
  await app.translateAll();
  const box = app.translation(0);
  await expect(box.getByRole('img')).toHaveCount(4, { timeout: 60_000 });
  const mt = (await storedParagraph(server, doc.id, 0)).target;
  await expect(app.row(0).locator('.status-badge')).toHaveText('Machine translation');
  await box.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Hoy.');
  await expect(app.row(0)).toContainText('Saved');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await chipBoxState(box)).text).toBe(mt);
  expect((await chipBoxState(box)).head).toBe(2);
  await expect(app.row(0).locator('.status-badge')).toHaveText('Machine translation');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await chipBoxState(box)).text).toBe(`${mt} Hoy.`);
  expect((await chipBoxState(box)).head).toBe(2);
  await expect(app.row(0).locator('.status-badge')).toHaveText('Edited');

  // The history shows the chips as chips and the undo in words.
  await app.row(0).getByRole('button', { name: 'History' }).click();
  const history = app.row(0).getByRole('region', { name: 'History of paragraph 1' });
  await expect(history).toContainText('Undo of the edit by Tomás Translator from');
  await expect(history).toContainText('Redo of the edit by Tomás Translator from');
  await expect(history).not.toContainText('revision');
  await expect(history).not.toContainText('⟨1⟩');
  await expect(history.getByRole('img', { name: 'start of bold' }).first()).toBeVisible();
  expect(await history.textContent()).not.toMatch(/[\uE000-\uE2FF]/u);
});

test('a paragraph with links and no translation yet shows a box like every other, and no missing formatting until words are typed', async ({
  page,
  server,
}) => {
  await invoke(server, 'setProfile', { name: 'Tomás Translator', role: 'translator' });
  await importMarkdown(server, `${SOURCE}\n\nA plain paragraph.`, 'en', 'es', 'Empty story');
  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Empty story' }).click();
  const chipBox = app.translation(0);
  const plainBox = app.translation(1);
  const looks = (box: import('@playwright/test').Locator) =>
    box.evaluate((el) => {
      const s = getComputedStyle(el);
      return { border: s.borderTopWidth, style: s.borderTopStyle, height: Math.round(el.getBoundingClientRect().height) };
    });
  const chip = await looks(chipBox);
  const plain = await looks(plainBox);
  expect(chip.border).toBe(plain.border);
  expect(chip.style).toBe('solid');
  expect(chip.height).toBeGreaterThanOrEqual(plain.height - 2);
  await expect(app.row(0).getByRole('group', { name: /Missing formatting/ })).toHaveCount(0);
  await expect(app.row(0)).not.toContainText('Formatting marks of the source are missing');
  await chipBox.click();
  await page.keyboard.type('En 1997');
  await expect(app.row(0).getByRole('group', { name: /Missing formatting/ })).toBeVisible();
});

test('a line break typed before a chip: the next line starts before the chip, and text typed there stays', async ({ page, server }) => {
  const { doc, box } = await openChipParagraph(page, server);
  await box.focus();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 'En 1997 el '.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.keyboard.type('hoy ');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Home');
  await page.keyboard.type('¡');
  const expected = TARGET.replace(`el ${o(0)}`, `el \n¡hoy ${o(0)}`);
  await expect.poll(async () => (await storedParagraph(server, doc.id, 0)).target).toBe(expected);
  expect((await chipBoxState(box)).head).toBe('En 1997 el \n¡'.length);
});
