/**
 * Glossary exchange in browser mode: a term with a definition typed on the glossary screen is
 * exported as TBX-Basic 2008 (v2, the default) — which translate-toolkit's tbx2po reads, definition
 * included — and as TBX v3 when chosen; the v2 file imported back (replace) keeps the definition;
 * a file with a data category Verso has no field for (part of speech) says so after the import.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './support/fixtures.js';
import { downloadText, VersoPage } from './support/versoPage.js';

test('the glossary exports TBX-Basic 2008 (v2) by default, with definitions, that translate-toolkit reads', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Elena Editor', 'Editor');

  await page.getByRole('button', { name: 'Glossary' }).click();
  await page.getByLabel('Source language').selectOption('en');
  await page.getByLabel('Target language').selectOption('es');
  await page.getByRole('textbox', { name: 'Source term' }).fill('R&D');
  await page.getByRole('textbox', { name: 'Target term' }).fill('I+D');
  await page.getByRole('textbox', { name: 'Definition' }).fill('Research & development <of new products>.');
  await page.getByRole('textbox', { name: 'Forbidden variants' }).fill('R+D');
  await page.getByRole('button', { name: 'Add term' }).click();
  const terms = page.getByRole('table', { name: 'Glossary terms' });
  await expect(terms.getByRole('row', { name: /R&D/ })).toContainText('Research & development <of new products>.');

  // The default TBX is TBX-Basic 2008 (v2), said so in the choice itself.
  const version = page.getByRole('combobox', { name: 'TBX version' });
  await expect(version.locator('option:checked')).toHaveText('TBX-Basic 2008 (v2) – for OmegaT, translate-toolkit, most CAT tools');
  let download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export TBX' }).click();
  const v2File = await download;
  expect(v2File.suggestedFilename()).toBe('glossary.en-es.tbx');
  const v2 = await downloadText(v2File);
  expect(v2).toContain('<martif type="TBX-Basic" xml:lang="en">');
  expect(v2).toContain('<descrip type="definition">Research &amp; development &lt;of new products&gt;.</descrip>');
  expect(v2).toContain('<term>R&amp;D</term>');
  await expect(page.getByRole('status')).toHaveText('Saved glossary.en-es.tbx.');

  // translate-toolkit reads the file the screen saved (a missing tool fails, never skips).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-e2e-tbx-'));
  try {
    fs.writeFileSync(path.join(dir, 'g.tbx'), v2);
    const r = spawnSync('/usr/bin/tbx2po', [path.join(dir, 'g.tbx'), path.join(dir, 'g.po')], { encoding: 'utf8', timeout: 60_000 });
    expect(r.error, 'tbx2po must be installed (apt-get install translate-toolkit)').toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    const po = fs.readFileSync(path.join(dir, 'g.po'), 'utf8');
    expect(po).toContain('msgid "R&D"\nmsgstr "I+D"');
    expect(po).toContain('Research & development <of new products>.');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // TBX v3 when chosen.
  await version.selectOption('v3');
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export TBX' }).click();
  const v3File = await download;
  expect(v3File.suggestedFilename()).toBe('glossary.en-es.tbx-v3.tbx');
  expect(await downloadText(v3File)).toContain('<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">');

  // The v2 file comes back with its definition (replace: the term is removed first by editing it away).
  await terms.getByRole('button', { name: 'Edit R&D' }).click();
  await page.getByRole('textbox', { name: 'Definition' }).fill('');
  await page.getByRole('button', { name: 'Save term' }).click();
  await expect(terms.getByRole('row', { name: /R&D/ })).not.toContainText('Research');
  await page
    .getByLabel('Glossary file (CSV or TBX)')
    .setInputFiles({ name: 'glossary.en-es.tbx', mimeType: 'application/x-tbx+xml', buffer: Buffer.from(v2) });
  await page.getByRole('combobox', { name: 'Import mode' }).selectOption('replace');
  await page.getByRole('button', { name: 'Import glossary' }).click();
  await expect(page.getByRole('status')).toHaveText('Imported: 0 added, 1 updated, 0 unchanged, 0 removed. The pair now has 1 term.');
  await expect(terms.getByRole('row', { name: /R&D/ })).toContainText('Research & development <of new products>.');

  // Another tool's TBX with data categories Verso has no field for: imported, and the loss is said.
  const other = v2.replace(
    '<tig>\n            <term>R&amp;D</term>',
    '<tig>\n            <term>R&amp;D</term>\n            <termNote type="partOfSpeech">noun</termNote>',
  );
  expect(other).toContain('partOfSpeech');
  await page
    .getByLabel('Glossary file (CSV or TBX)')
    .setInputFiles({ name: 'other.tbx', mimeType: 'application/x-tbx+xml', buffer: Buffer.from(other) });
  await page.getByRole('combobox', { name: 'Import mode' }).selectOption('merge');
  await page.getByRole('button', { name: 'Import glossary' }).click();
  await expect(page.getByRole('status')).toHaveText(
    "Imported: 0 added, 0 updated, 1 unchanged, 0 removed. The pair now has 1 term. Not kept, as Verso's glossary has no field for them: partOfSpeech (1 entry).",
  );
});
