/**
 * The walking skeleton as a user lives it, in browser mode: import the reference article,
 * machine-translate it with Apertium, edit, confirm, sign off, export publish-ready text with the
 * Spanish disclosure footer, restart the server and find everything as it was.
 */
import { test, expect } from './support/fixtures.js';
import { referenceBody } from './support/article.js';
import { downloadText, VersoPage } from './support/versoPage.js';
import { findFooterTemplate, renderFooter } from '../shared/footer.js';

const PUBLISHER = 'Diario Ejemplo';
const CONTACT = 'redaccion@example.org';

function countOccurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

test('import → translate → edit → confirm → sign off → export with footer → restart', async ({ page, server, restartServer }) => {
  const body = referenceBody();
  expect(body).toHaveLength(10);
  const app = new VersoPage(page);
  await app.open(server.url);

  await app.setUpProfile('Tomás Translator', 'Translator');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Publisher' }).fill(PUBLISHER);
  await page.getByRole('textbox', { name: 'Contact e-mail' }).fill(CONTACT);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('button', { name: 'Back', exact: true }).click();

  await app.importText(body.join('\n\n'), { source: 'en', target: 'es' });
  await expect(app.rows()).toHaveCount(body.length);
  await expect(app.row(0)).toContainText('The Chinese e-commerce giant Alibaba');
  await expect(app.progressText()).toContainText(`0 of ${body.length} signed off`);

  // Machine translation for every paragraph, from the real Apertium engine.
  await app.translateAll();
  await expect(page.getByRole('progressbar', { name: 'Translation progress' })).toBeHidden({ timeout: 60_000 });
  for (let i = 0; i < body.length; i++) {
    await expect(app.translation(i)).not.toHaveValue('');
    await expect(app.row(i)).toContainText('Machine translation');
  }
  await expect(app.translation(0)).toHaveValue(/Alibaba/);
  await expect(app.translation(0)).toHaveValue(/gigante/);
  // Apertium's unknown-word marks never reach the translation.
  await expect(app.translation(0)).not.toHaveValue(/\*Alibaba/);

  // A translator's correction is saved as they type.
  const edited =
    'El gigante chino del comercio electrónico Alibaba desmintió el sábado ante la agencia AFP un informe del Financial Times (FT).';
  await app.translation(0).fill(edited);
  await expect(app.row(0)).toContainText('Edited');
  await expect(app.row(0)).toContainText('Saved');

  // Keyboard-first: Ctrl+Enter confirms and moves to the next paragraph.
  await app.translation(0).focus();
  for (let i = 0; i < body.length; i++) {
    await expect(app.translation(i)).toBeFocused();
    await page.keyboard.press('Control+Enter');
    await expect(app.row(i)).toContainText('Confirmed');
  }

  // Translators cannot sign off; publish-ready export is refused and says how many and which.
  await expect(page.getByRole('button', { name: 'Sign off all confirmed' })).toHaveCount(0);
  await page.getByLabel('Export format').selectOption({ label: 'Plain text' });
  await page.getByLabel('Export mode').selectOption({ label: 'Publish-ready' });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(`${body.length} paragraphs are not signed off`);

  // A draft can always be exported and says it is a draft.
  const draft = await downloadText(await app.exportAs('Plain text', 'Draft'));
  expect(draft).toMatch(/^BORRADOR — /);
  expect(draft).toContain(edited);

  // The editor signs off everything that was confirmed.
  await app.switchProfile('Elena Editor', 'Editor');
  await app.signOff(page.getByRole('button', { name: 'Sign off all confirmed' }));
  await expect(app.progressText()).toContainText(`${body.length} of ${body.length} signed off`);

  const exported = await downloadText(await app.exportAs('Plain text', 'Publish-ready'));
  const template = findFooterTemplate('es');
  expect(template).not.toBeNull();
  const footer = renderFooter(template!, { publisher: PUBLISHER, contactEmail: CONTACT });
  expect(exported).toContain(edited);
  expect(exported.trimEnd().endsWith(footer)).toBe(true);
  expect(countOccurrences(exported, footer)).toBe(1);
  expect(exported).not.toMatch(/DRAFT/);
  const paragraphsOut = exported.trimEnd().slice(0, -footer.length).trim().split('\n\n');
  expect(paragraphsOut).toHaveLength(body.length);

  // Restart the server: same library, same edits, same sign-offs.
  const again = await restartServer();
  await app.open(again.url);
  await expect(page.getByRole('button', { name: 'Switch profile' })).toBeVisible();
  await page
    .getByText(/^The Chinese e-commerce giant Alibaba/)
    .first()
    .click();
  await expect(app.rows()).toHaveCount(body.length);
  await expect(app.progressText()).toContainText(`${body.length} of ${body.length} signed off`);
  await expect(app.translation(0)).toHaveValue(edited);
  const reexported = await downloadText(await app.exportAs('Plain text', 'Publish-ready'));
  expect(reexported).toBe(exported);
});

test('editing a signed-off paragraph withdraws its sign-off and blocks publish-ready export', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Publisher' }).fill(PUBLISHER);
  await page.getByRole('textbox', { name: 'Contact e-mail' }).fill(CONTACT);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('button', { name: 'Back', exact: true }).click();

  await app.importText('# A short story\n\nThe house is red.\n\nThe dog is small.', {
    source: 'en',
    target: 'es',
    format: 'Markdown',
  });
  await expect(app.rows()).toHaveCount(3);
  await app.translateAll();
  await expect(app.translation(2)).not.toHaveValue('', { timeout: 60_000 });
  for (let i = 0; i < 3; i++) await app.signOff(app.row(i).getByRole('button', { name: 'Sign off' }));
  await expect(app.progressText()).toContainText('3 of 3 signed off');

  await app.translation(1).fill('La casa es roja y grande.');
  await app.translation(1).blur();
  await expect(page.getByRole('status').filter({ hasText: 'Sign-off withdrawn' })).toContainText('paragraph 2');
  await expect(app.progressText()).toContainText('2 of 3 signed off');

  await page.getByLabel('Export format').selectOption({ label: 'Markdown' });
  await page.getByLabel('Export mode').selectOption({ label: 'Publish-ready' });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('1 paragraph is not signed off');
  await expect(alert).toContainText('2');

  await app.signOff(app.row(1).getByRole('button', { name: 'Sign off' }));
  const md = await downloadText(await app.exportAs('Markdown', 'Publish-ready'));
  expect(md.startsWith('# ')).toBe(true);
  expect(md).toContain('La casa es roja y grande.');
});

test('bad input gets a clear error and creates nothing; unsupported pairs offer no engine', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('textbox', { name: 'Article text' }).fill('   \n\n  ');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/empty/i);

  // A binary file with a misleading extension.
  await page.getByLabel('Choose file').setInputFiles({
    name: 'article.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/binary|not a text/i);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await expect(page.getByText(/signed off/)).toHaveCount(0);

  // English → German has no Apertium pair installed here: say so, offer nothing broken.
  await app.importText('The house is red.', { source: 'en', target: 'de' });
  await expect(app.rows()).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Translate all' })).toBeDisabled();
  await expect(page.getByText(/no .*engine.*(supports|for)/i)).toBeVisible();
});

test('a Markdown file picked from disk keeps its structure; the interface speaks German', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Choose file').setInputFiles({
    name: 'story.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('# The red house\n\nThe house is red.\n\n- The dog is small.\n- The cat is big.\n\n> The house is old.\n', 'utf8'),
  });
  await page.getByLabel('Source language').selectOption('en');
  await page.getByLabel('Target language').selectOption('es');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'The red house', level: 1 })).toBeVisible();
  await expect(app.rows()).toHaveCount(5);
  await expect(app.row(3)).toContainText('The cat is big.');

  await page.getByLabel('Interface language').selectOption('de');
  await expect(page.getByRole('button', { name: 'Alles übersetzen' })).toBeVisible();
  await expect(page.getByText('0 von 5 freigegeben')).toBeVisible();
  await expect(page.getByRole('row').first().getByRole('textbox', { name: 'Übersetzung' })).toBeVisible();
  await page.reload();
  // The choice is remembered.
  await expect(page.getByRole('button', { name: 'Profil wechseln' })).toBeVisible();
  await page.getByLabel('Sprache der Oberfläche').selectOption('en');
  await expect(page.getByRole('button', { name: 'Switch profile' })).toBeVisible();
});
