/**
 * Keyboard and focus in browser mode (issue 11, "Keyboard"): F6 / Shift+F6 between the toolbar,
 * the paragraph list and the side panels; the skip links; the sticky toolbar never covering the
 * focused element; focus after Translate all, Sign off all confirmed, an override sign-off and
 * the dialogs — never on <body>.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';
import { callApi } from './support/bridgeApi.js';

async function focusRegion(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('[data-f6-region]')?.getAttribute('data-f6-region') ?? null);
}

async function focusIsOnBody(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement === null || document.activeElement === document.body);
}

/** The focused element's top is below the sticky toolbar (when the toolbar is stuck to the top). */
async function focusedClearOfToolbar(page: Page): Promise<{ ok: boolean; what: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const bar = document.querySelector('[data-f6-region="toolbar"]')!.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const stuck = bar.top <= 1;
    const inBar = el.closest('[data-f6-region="toolbar"]') !== null;
    return { ok: inBar || !stuck || box.top >= bar.bottom - 1, what: `${el.tagName}.${el.className} top ${box.top} bar ${bar.bottom}` };
  });
}

const SENTENCES = Array.from({ length: 24 }, (_, i) => `The European Union met on day ${i + 1} of the summit.`);

test('F6 cycles toolbar → paragraphs → side panels → TM matches; skip links; the sticky toolbar never covers focus', async ({
  page,
  server,
}) => {
  await callApi(server, 'setProfile', { name: 'Tomás Translator', role: 'translator' });
  await callApi(server, 'addGlossaryTerm', {
    sourceLang: 'en',
    targetLang: 'es',
    term: { source: 'European Union', target: 'Unión Europea' },
  });
  await callApi(server, 'importDocument', {
    source: { kind: 'text', text: SENTENCES.join('\n\n'), format: 'txt' },
    sourceLang: 'en',
    targetLang: 'es',
    title: 'Summit',
  });
  const app = new VersoPage(page);
  await app.open(server.url);
  await page.getByRole('button', { name: 'Summit' }).click();
  await expect(app.rows()).toHaveCount(SENTENCES.length);
  await expect(app.row(0).locator('mark.glossary-term').first()).toBeVisible();
  // The toolbar's first control once the engine check is done (on a busy machine it may still be disabled).
  await expect(page.getByRole('button', { name: 'Translate all' })).toBeEnabled({ timeout: 30_000 });

  // Landmarks.
  await expect(page.getByRole('region', { name: 'Document toolbar' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Paragraph list' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Document checks and figures' })).toBeVisible();

  await app.translation(3).click();
  await page.keyboard.press('F6');
  expect(await focusRegion(page)).toBe('panels');
  await expect(page.locator(':focus')).toContainText('QA issues');
  await page.keyboard.press('F6');
  expect(await focusRegion(page)).toBe('tm');
  await expect(page.locator(':focus')).toHaveAccessibleName('Translation memory matches');
  await page.keyboard.press('F6');
  expect(await focusRegion(page)).toBe('toolbar');
  await expect(page.getByRole('button', { name: 'Translate all' })).toBeFocused();
  await page.keyboard.press('F6');
  // Back to the row focused last.
  await expect(app.translation(3)).toBeFocused();
  await page.keyboard.press('Shift+F6');
  expect(await focusRegion(page)).toBe('toolbar');
  await page.keyboard.press('Shift+F6');
  expect(await focusRegion(page)).toBe('tm');
  await page.keyboard.press('Shift+F6');
  expect(await focusRegion(page)).toBe('panels');
  await page.keyboard.press('Shift+F6');
  await expect(app.translation(3)).toBeFocused();

  // From the last paragraph, the toolbar is a skip link away (not hundreds of Shift+Tab presses).
  const last = app.row(SENTENCES.length - 1);
  // The row's last control (after History) is the exclusion toggle.
  await last.getByRole('button', { name: 'Exclude from translation' }).focus();
  await page.keyboard.press('Tab');
  const back = page.getByRole('link', { name: 'Back to the toolbar' });
  await expect(back).toBeFocused();
  await expect(back).toBeVisible();
  await page.keyboard.press('Enter');
  expect(await focusRegion(page)).toBe('toolbar');
  // And from the toolbar's end... the top of the editor offers the paragraphs.
  await page.getByRole('button', { name: 'Back to library' }).focus();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the paragraphs' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  // The row focused last (the last paragraph's, whose exclusion toggle had focus).
  await expect(last.getByRole('textbox', { name: 'Translation' })).toBeFocused();

  // Shift+Tab up from the last paragraph: whatever takes focus (a row's controls, a glossary term)
  // is scrolled clear of the sticky toolbar.
  await last.getByRole('textbox', { name: 'Translation' }).focus();
  let sawTerm = false;
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Shift+Tab');
    const where = await focusedClearOfToolbar(page);
    expect(where.ok, where.what).toBe(true);
    if (where.what.startsWith('MARK')) sawTerm = true;
  }
  expect(sawTerm).toBe(true);
});

test('focus after Translate all, Sign off all confirmed, an override sign-off and the dialogs is never <body>', async ({
  page,
  server,
}) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await app.importText(['In 2024, 300 people attended the festival.', 'The house is red.', 'The dog is small.'].join('\n\n'), {
    source: 'en',
    target: 'es',
  });
  await expect(app.rows()).toHaveCount(3);

  // Translate all: when it is done, focus is on "Translate all" again.
  const translateAll = page.getByRole('button', { name: 'Translate all' });
  await expect(translateAll).toBeEnabled({ timeout: 30_000 });
  await translateAll.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Machine translation finished.')).toBeVisible({ timeout: 60_000 });
  await expect(translateAll).toBeFocused();

  // A QA error in the first paragraph; confirm all three with Ctrl+Enter.
  await app.translation(0).fill('En 2024, la gente asistió al festival.');
  await expect(app.row(0)).toContainText('Saved');
  await app.translation(0).focus();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Control+Enter');
    await expect(app.row(i)).toContainText('Confirmed');
  }

  // Sign off all confirmed: the question, then focus on the skipped paragraph's entry.
  await page.getByRole('button', { name: 'Sign off all confirmed' }).focus();
  await page.keyboard.press('Enter');
  await app.confirmFastSignOff();
  const skipped = page.getByRole('button', { name: /^Paragraph 1: QA errors/ });
  await expect(skipped).toBeFocused();
  expect(await focusIsOnBody(page)).toBe(false);
  await page.keyboard.press('Enter');
  await expect(app.translation(0)).toBeFocused();

  // A sign-off with a reason (one question: the reason form, no fast sign-off question first):
  // the form goes, focus stays in the row.
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByRole('alertdialog', { name: 'Sign off faster than reading speed?' })).toHaveCount(0);
  const reason = app.row(0).getByRole('textbox', { name: 'Reason for signing off despite the QA errors' });
  await expect(reason).toBeFocused();
  await reason.fill('The organisers gave no attendance figure.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(app.progressText()).toContainText('3 of 3 signed off');
  await expect(app.translation(0)).toBeFocused();

  // The shortcut overlay, opened from its button, lists the new keys and gives focus back.
  const open = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await open.focus();
  await page.keyboard.press('Enter');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /^F6 / })).toContainText('Next area: toolbar, paragraph list, side panels');
  await expect(help.getByRole('row', { name: /^Ctrl\+G / })).toContainText('Go to paragraph');
  await page.keyboard.press('Escape');
  await expect(open).toBeFocused();

  // Go to paragraph: Escape gives focus back too.
  await app.translation(2).focus();
  await page.keyboard.press('Control+g');
  await expect(page.getByRole('dialog', { name: 'Go to paragraph' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app.translation(2)).toBeFocused();
});
