/**
 * The editorial workflow in browser mode with the real Apertium engine: inline QA, the sign-off
 * gate and its override, bulk sign-off that skips and reports, history and undo across a reload.
 */
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';
import { paragraphEffort } from '../shared/metrics/effort.js';

const ARTICLE = ['In 2024, 300 people attended the festival.', 'The house is red.', 'The dog is small.'];

test('QA errors block sign-off until overridden; bulk sign-off skips and reports; undo survives a reload', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');
  await app.importText(ARTICLE.join('\n\n'), { source: 'en', target: 'es' });
  await expect(app.rows()).toHaveCount(3);
  await app.translateAll();
  await expect(app.translation(2)).not.toHaveValue('', { timeout: 60_000 });
  await expect(app.translation(0)).toHaveValue(/2024/);
  const mt = [await app.translation(0).inputValue(), await app.translation(1).inputValue(), await app.translation(2).inputValue()];
  const mtThird = mt[2]!;

  // The translator drops a number: the QA error shows in the row as it is typed.
  await app.translation(0).fill('En 2024, la gente asistió al festival.');
  const qa = app.row(0).getByRole('list', { name: 'QA issues of paragraph 1' });
  await expect(qa).toContainText('Error: The number 300 is missing or changed.');
  await expect(app.row(0)).toContainText('Saved');

  // An edit, undone with Ctrl+Z after a reload (the undo history is stored).
  await app.translation(2).fill('El perro es diminuto.');
  await expect(app.row(2)).toContainText('Saved');
  await page.reload();
  await page.getByText('In 2024, 300 people attended the festival.').first().click();
  await expect(app.translation(2)).toHaveValue('El perro es diminuto.');
  await app.translation(2).focus();
  await page.keyboard.press('Control+z');
  await expect(app.translation(2)).toHaveValue(mtThird);
  await page.keyboard.press('Control+Shift+z');
  await expect(app.translation(2)).toHaveValue('El perro es diminuto.');
  await page.keyboard.press('Control+z');
  await expect(app.translation(2)).toHaveValue(mtThird);
  // Back to exactly the MT: the status is machine translation again, not "Edited".
  await expect(app.row(2).locator('.status-badge')).toHaveText('Machine translation');

  // The history names who did what, in which role, and what an undo undid.
  await app.row(2).getByRole('button', { name: 'History' }).click();
  const history = app.row(2).getByRole('region', { name: 'History of paragraph 3' });
  await expect(history).toContainText('Edited by Tomás Translator (translator)');
  // Undo and redo are described in words, never by internal revision numbers.
  await expect(history).toContainText('Undo of the edit by Tomás Translator from');
  await expect(history).toContainText('Redo of the edit by Tomás Translator from');
  await expect(history).not.toContainText('revision');
  await expect(history).toContainText('Machine translation by apertium');
  // Restoring an earlier version makes it current again, as a new revision.
  await history.getByRole('button', { name: 'Restore this version' }).first().click();
  await expect(app.translation(2)).toHaveValue('El perro es diminuto.');
  await expect(history).toContainText('Brings back the version of');

  // The translator rewords the second paragraph.
  await app.translation(1).fill('La vivienda es roja.');
  await expect(app.row(1)).toContainText('Saved');

  // Confirm all three.
  await app.translation(0).focus();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Control+Enter');
    await expect(app.row(i)).toContainText('Confirmed');
  }

  // The editor's bulk sign-off skips the paragraph with a QA error and says why.
  await app.switchProfile('Elena Editor', 'Editor');
  await app.signOff(page.getByRole('button', { name: 'Sign off all confirmed' }));
  await expect(app.progressText()).toContainText('2 of 3 signed off');
  await expect(page.getByText('2 paragraphs signed off.')).toBeVisible();
  await expect(page.getByText('1 paragraph was skipped:')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Paragraph 1: QA errors \(The number 300 is missing or changed\./ })).toBeVisible();
  await expect(app.row(0)).toContainText('Confirmed');

  // Signing it off alone asks for a reason; with one it is signed off and the reason is in the history.
  await app.signOff(app.row(0).getByRole('button', { name: 'Sign off' }));
  const reason = app.row(0).getByRole('textbox', { name: 'Reason for signing off despite the QA errors' });
  await expect(reason).toBeFocused();
  await expect(app.progressText()).toContainText('2 of 3 signed off');
  await reason.fill('The organisers gave no attendance figure.');
  await app.row(0).getByRole('button', { name: 'Sign off anyway' }).click();
  await expect(app.progressText()).toContainText('3 of 3 signed off');
  await app.row(0).getByRole('button', { name: 'History' }).click();
  const firstHistory = app.row(0).getByRole('region', { name: 'History of paragraph 1' });
  await expect(firstHistory).toContainText('Signed off by Elena Editor (editor)');
  await expect(firstHistory).toContainText('QA override: The organisers gave no attendance figure.');

  // The editor types a change into the second paragraph (6 keystrokes; the translator's fill was 1) and sees raw MT → translator → editor.
  await app.translation(1).focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(', sí.');
  await expect(app.translation(1)).toHaveValue('La vivienda es roja, sí.');
  await expect(app.row(1)).toContainText('Saved');
  await app.row(1).getByRole('button', { name: 'Three-way diff' }).click();
  const diffs = app.row(1).getByRole('region', { name: 'Machine translation → translator → editor' });
  const byTranslator = diffs.getByRole('figure', { name: 'Machine translation → confirmed by Tomás Translator' });
  await expect(byTranslator.locator('del')).toHaveText(['removed: casa']);
  await expect(byTranslator.locator('ins')).toHaveText(['added: vivienda']);
  const byEditor = diffs.getByRole('figure', { name: 'Confirmed text → current text' });
  await expect(byEditor.locator('ins')).toHaveText(['added: , sí']);
  await expect(byEditor.locator('del')).toHaveCount(0);

  // The dashboard's figures are those of the edits made.
  await page.getByText('Dashboard', { exact: true }).click();
  const byStatus = page.getByRole('table', { name: 'Paragraphs and words by status' });
  await expect(byStatus.getByRole('row', { name: /^Signed off/ })).toHaveText(/Signed off\s*2\s*11/);
  await expect(byStatus.getByRole('row', { name: /^Edited/ })).toHaveText(/Edited\s*1\s*4/);
  await expect(byStatus.getByRole('row', { name: /^Total/ })).toHaveText(/Total\s*3\s*15/);
  const finals = ['En 2024, la gente asistió al festival.', 'La vivienda es roja, sí.', 'El perro es diminuto.'];
  const efforts = finals.map((text, i) => ({ number: i + 1, ...paragraphEffort(mt[i]!, text, 'es') })).filter((e) => e.charDistance > 0);
  efforts.sort((a, b) => b.charDistance - a.charDistance);
  const pct = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
  const dec = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const mostEdited = page.locator('.most-edited li');
  await expect(mostEdited).toHaveCount(efforts.length);
  for (const [i, e] of efforts.entries()) {
    await expect(mostEdited.nth(i)).toContainText(
      `Paragraph ${e.number}: ${pct.format(e.charDistance)} of characters changed, HTER ${dec.format(e.hter!)}`,
    );
  }
  await expect(mostEdited.filter({ hasText: 'Paragraph 2:' })).toContainText('7 keystrokes');
  const avgChars = efforts.reduce((a, e) => a + e.charDistance, 0) / 3;
  await expect(page.locator('.dashboard-figures')).toContainText(pct.format(avgChars));
});

test('keyboard first: Alt+↑/↓, F7 to the next QA issue, Ctrl+Shift+S, and the ? overlay', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await app.importText(['The house is red.', 'In 2024, 300 people came.', 'The dog is small.'].join('\n\n'), {
    source: 'en',
    target: 'es',
  });
  await app.translateAll();
  await expect(app.translation(2)).not.toHaveValue('', { timeout: 60_000 });
  await app.translation(1).fill('En 2024 vinieron personas.');
  await expect(app.row(1)).toContainText('Saved');

  await app.translation(0).focus();
  await page.keyboard.press('F7');
  await expect(app.translation(1)).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(app.translation(2)).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(app.translation(0)).toBeFocused();

  // Faster than reading speed: Verso asks first, with "Yes, sign off" focused (Escape keeps reviewing).
  await page.keyboard.press('Control+Shift+S');
  const fastDialog = page.getByRole('alertdialog', { name: 'Sign off faster than reading speed?' });
  await expect(fastDialog).toContainText('Paragraph 1 was on screen for less time than it takes to read');
  await expect(fastDialog.getByRole('button', { name: 'Yes, sign off' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(fastDialog).toHaveCount(0);
  await expect(app.row(0)).toContainText('Signed off');
  await expect(app.progressText()).toContainText('1 of 3 signed off');
  // Signed off moments after arriving: recorded as a fast sign-off, and said so.
  await expect(page.getByRole('status').filter({ hasText: 'signed off faster than it can be read' })).toContainText('Paragraph 1');
  await app.row(0).getByRole('button', { name: 'History' }).click();
  await expect(app.row(0).getByRole('region', { name: 'History of paragraph 1' })).toContainText(
    'Fast sign-off (faster than reading speed)',
  );
  await expect(app.row(0).getByRole('region', { name: 'History of paragraph 1' })).toContainText('diff viewed: no');
  // The QA gate holds for the shortcut too: it asks for a reason, and only that (issue 11: it used
  // to ask "faster than reading speed?" first, two questions in a row).
  await app.translation(1).focus();
  await page.keyboard.press('Control+Shift+S');
  await expect(app.row(1).getByRole('textbox', { name: 'Reason for signing off despite the QA errors' })).toBeFocused();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(app.row(1).getByRole('textbox', { name: 'Reason for signing off despite the QA errors' })).toHaveCount(0);

  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /F7/ })).toContainText('Next paragraph with a QA issue');
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('comments between translator and editor; find, filter and replace with a confirmation per match', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');
  await app.importText(['The house is red.', 'The red car is fast.', 'The dog is small.'].join('\n\n'), { source: 'en', target: 'es' });
  await app.translateAll();
  await expect(app.translation(2)).not.toHaveValue('', { timeout: 60_000 });
  await app.translation(0).fill('La casa es roja, sí.');
  await app.translation(1).fill('El coche rojo es rápido y rojo.');
  await expect(app.row(1)).toContainText('Saved');

  // The translator asks; the editor answers and resolves.
  await app.row(1).getByRole('button', { name: 'Comments' }).click();
  await app.row(1).getByRole('textbox', { name: 'New comment' }).fill('Is "red" meant twice?');
  await app.row(1).getByRole('button', { name: 'Add comment' }).click();
  const thread = app.row(1).getByRole('region', { name: 'Comments on paragraph 2' });
  await expect(thread).toContainText('Tomás Translator (translator)');
  await expect(thread).toContainText('Is "red" meant twice?');
  const toggle = app.row(1).getByRole('button', { name: 'Comments (1, 1 open)' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(thread).toHaveCount(0);

  await app.switchProfile('Elena Editor', 'Editor');
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'With open comments' });
  await expect(app.rows()).toHaveCount(1);
  await expect(page.getByText('Showing 1 of 3 paragraphs.')).toBeVisible();
  await app.row(0).getByRole('button', { name: 'Comments (1, 1 open)' }).click();
  await expect(app.row(0).getByRole('region', { name: 'Comments on paragraph 2' })).toContainText('Is "red" meant twice?');
  await app.row(0).getByRole('textbox', { name: 'New comment' }).fill('No, once is enough.');
  await app.row(0).getByRole('button', { name: 'Add comment' }).click();
  await expect(app.row(0).getByRole('region', { name: 'Comments on paragraph 2' })).toContainText('Elena Editor (editor)');
  await app.row(0).getByRole('button', { name: 'Resolve' }).first().click();
  await expect(app.row(0).getByRole('region', { name: 'Comments on paragraph 2' })).toContainText('resolved by Elena Editor');
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'All paragraphs' });
  await expect(app.rows()).toHaveCount(3);

  // Ctrl+F, a case-sensitive regular expression over the translations, then replace one match of two.
  await app.translation(2).focus();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find' });
  await expect(find).toBeFocused();
  await page.getByLabel('Search in').selectOption({ label: 'Translation only' });
  await page.getByLabel('Regular expression').check();
  await find.fill('roj[oa]');
  await expect(app.rows()).toHaveCount(2);
  await page.getByRole('textbox', { name: 'Replace with' }).fill('colorado');
  await page.getByRole('button', { name: 'Preview replacements' }).click();
  const preview = page.getByRole('list', { name: 'Replacements to confirm' });
  await expect(preview.getByRole('listitem')).toHaveCount(3);
  // Skip the first match of paragraph 2, replace its second one: the replacement is an edit.
  await preview.getByRole('listitem').nth(1).getByRole('button', { name: 'Skip' }).click();
  await expect(preview.getByRole('listitem')).toHaveCount(2);
  await preview.getByRole('listitem').nth(1).getByRole('button', { name: 'Replace in paragraph 2' }).click();
  await expect(app.translation(1)).toHaveValue('El coche rojo es rápido y colorado.');
  await app.row(1).getByRole('button', { name: 'History' }).click();
  await expect(app.row(1).getByRole('region', { name: 'History of paragraph 2' })).toContainText('Edited by Elena Editor (editor)');
  await find.fill('');
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Edited by Tomás Translator' });
  await expect(app.rows()).toHaveCount(2);
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Edited by Elena Editor' });
  await expect(app.rows()).toHaveCount(1);
  await expect(app.translation(0)).toHaveValue('El coche rojo es rápido y colorado.');
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'All paragraphs' });
  await find.fill('(');
  await expect(page.getByRole('alert').filter({ hasText: 'This regular expression is not valid.' })).toBeVisible();
});
