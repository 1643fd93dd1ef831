/**
 * translate-toolkit reads Verso's XLIFF 1.2 (issue 14): `pocount` (Debian translate-toolkit, on
 * /usr/bin) counts signed-off paragraphs (approved="yes") as translated, not fuzzy; an edited one
 * as fuzzy; one without a translation as untranslated. A missing pocount fails the test.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';

let dir: string;
let backend: Backend;
beforeEach(async () => {
  dir = makeTempDir();
  backend = createBackend({ dataDir: path.join(dir, 'data'), mode: 'browser', version: '1.0.0', engines: [] });
  await backend.api.setProfile({ name: 'Eda', role: 'editor' });
});
afterEach(() => {
  backend.close();
  removeTempDir(dir);
});

it('pocount counts approved (signed-off) paragraphs as translated, edited as fuzzy, new as untranslated', async () => {
  const { api } = backend;
  const text = ['Flood waters rise', 'Heavy rain fell.', 'Schools are closed.', 'Nobody knows why.'].join('\n\n');
  const doc = await api.importDocument({ source: { kind: 'text', text, format: 'txt' }, sourceLang: 'en', targetLang: 'es' });
  const [a, b, c] = doc.paragraphs;
  await api.updateParagraphTarget({ paragraphId: a!.id, target: 'Suben las aguas' });
  await api.updateParagraphTarget({ paragraphId: b!.id, target: 'Llovió mucho.' });
  await api.updateParagraphTarget({ paragraphId: c!.id, target: 'Las escuelas cierran.' });
  await api.confirmParagraphs({ paragraphIds: [a!.id, b!.id] });
  await api.signOffParagraphs({ paragraphIds: [a!.id, b!.id] });
  const file = await api.exportFile({ documentId: doc.id, format: 'xliff12', mode: 'draft' });
  const target = path.join(dir, 'story.xlf');
  fs.writeFileSync(target, file.content);

  const run = spawnSync('/usr/bin/pocount', ['--csv', target], { encoding: 'utf8', timeout: 120_000 });
  expect(run.error, 'pocount (Debian translate-toolkit) must be installed').toBeUndefined();
  expect(run.status, run.stderr).toBe(0);
  // Filename, Translated Messages, Translated Source Words, Translated Target Words, Fuzzy Messages, Fuzzy Source Words, Untranslated Messages, …
  const row = run.stdout
    .trim()
    .split('\n')
    .at(-1)!
    .split(',')
    .map((s) => s.trim());
  expect({ translated: Number(row[1]), fuzzy: Number(row[4]), untranslated: Number(row[6]) }).toEqual({
    translated: 2,
    fuzzy: 1,
    untranslated: 1,
  });
}, 150_000);
