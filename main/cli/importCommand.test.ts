/** `verso import` / `verso reimport` (issue 14): an XLIFF in other languages is a clear error unless --file-languages. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../backend.js';
import { runCli } from './runCli.js';
import { useCliLibrary } from './testing/cliLibrary.js';

const cli = useCliLibrary();
const { out, err, io } = cli;

const CATALAN = `<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="s" source-language="en" target-language="ca" datatype="plaintext"><header><tool tool-id="t" tool-name="memoQ" tool-version="9.12"/></header><body>
<trans-unit id="1"><source>Good morning.</source><target state="translated">Bon dia.</target></trans-unit>
<trans-unit id="2"><source>Good night.</source></trans-unit></body></file></xliff>`;

describe('verso import', () => {
  it('refuses an XLIFF in other languages than --source/--target, naming both, and imports nothing', async () => {
    fs.writeFileSync(path.join(cli.dir, 'story.xlf'), CATALAN);
    expect(await runCli(['import', 'story.xlf', '--source', 'en', '--target', 'es'], io)).toBe(1);
    expect(err.join('')).toContain('The file is in en→ca, not en→es.');
    expect(err.join('')).toContain('--file-languages');
    expect(await runCli(['list'], io)).toBe(0);
    expect(out.join('')).toContain('The library is empty.');
  });

  it("--file-languages imports it in the file's languages; reimport applies another tool's targets with a summary", async () => {
    fs.writeFileSync(path.join(cli.dir, 'story.xlf'), CATALAN);
    expect(await runCli(['import', 'story.xlf', '--source', 'en', '--target', 'es', '--file-languages'], io)).toBe(0);
    const [id] = out.join('').split('\t');
    expect(out.join('')).toContain('en→ca\t2 paragraphs');
    fs.writeFileSync(
      path.join(cli.dir, 'back.xlf'),
      CATALAN.replace('Bon dia.', 'Bon dia a tothom.').replace(
        '<source>Good night.</source>',
        '<source>Good night.</source><target state="translated">Bona nit.</target>',
      ),
    );
    out.length = 0;
    expect(await runCli(['reimport', id!, 'back.xlf'], io)).toBe(0);
    expect(out.join('')).toContain('translations from memoQ 9.12: applied 2 (1, 2), unchanged 0, sign-offs reopened 0');
  });
});

describe('verso import --prefill', () => {
  // 2,500 units: the exact match is the last, so it is still queued for the index when the import's session ends.
  const units = Array.from({ length: 2500 }, (_, i) => [`Noise sentence number ${i} about the river.`, `Frase de ruido ${i}.`]);
  units.push(['The storm closed roads on Monday.', 'La tormenta cerró carreteras el lunes.']);
  const TMX = `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="T" creationtoolversion="1" segtype="paragraph" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>${units
    .map(([en, es]) => `<tu><tuv xml:lang="en"><seg>${en}</seg></tuv><tuv xml:lang="es"><seg>${es}</seg></tuv></tu>`)
    .join('')}</body></tmx>`;
  const STORY = 'The storm closed roads on Monday.\n\nThe storm closed roads on monday.\n\nSchools stay shut.\n';

  beforeEach(async () => {
    const backend = createBackend({ dataDir: path.join(cli.dir, 'data'), mode: 'browser', version: '1.0.0', engines: [] });
    await backend.api.importTmx({
      fileName: 'big.tmx',
      dataBase64: Buffer.from(TMX).toString('base64'),
      sourceLang: 'en',
      targetLang: 'es',
      mode: 'merge',
    });
    backend.close();
    fs.writeFileSync(path.join(cli.dir, 'story.txt'), STORY);
  });

  it('fills the paragraphs with a 100 % match (setting off, the TMX not yet indexed) and prints how many', async () => {
    const db = new Database(path.join(cli.dir, 'data', 'verso.sqlite'));
    const queued = db.prepare('SELECT count(*) AS n FROM tm_index_queue').get() as { n: number };
    db.close();
    // More than the lookups of three paragraphs index on their own (500 each): only a full drain finds the match.
    expect(queued.n).toBeGreaterThan(3 * 500);
    expect(await runCli(['import', 'story.txt', '--source', 'en', '--target', 'es', '--prefill'], io)).toBe(0);
    const text = out.join('');
    expect(text).toContain('\ten→es\t3 paragraphs\t');
    // The case variant is not a 100 % match.
    expect(text).toContain('pre-filled 1 of 3 paragraphs with 100 % translation memory matches\n');
    const backend = createBackend({ dataDir: path.join(cli.dir, 'data'), mode: 'browser', version: '1.0.0', engines: [] });
    const [summary] = await backend.api.listDocuments({});
    const doc = await backend.api.getDocument({ documentId: summary!.id });
    backend.close();
    expect(doc.paragraphs.map((p) => [p.target, p.status])).toEqual([
      ['La tormenta cerró carreteras el lunes.', 'edited'],
      ['', 'new'],
      ['', 'new'],
    ]);
  });

  it('without --prefill (and the setting off) fills nothing', async () => {
    expect(await runCli(['import', 'story.txt', '--source', 'en', '--target', 'es'], io)).toBe(0);
    expect(out.join('')).not.toContain('pre-filled');
    const backend = createBackend({ dataDir: path.join(cli.dir, 'data'), mode: 'browser', version: '1.0.0', engines: [] });
    const [summary] = await backend.api.listDocuments({});
    const doc = await backend.api.getDocument({ documentId: summary!.id });
    backend.close();
    expect(doc.paragraphs.every((p) => p.status === 'new' && p.target === '')).toBe(true);
  });
});

describe('verso import --prefill-from', () => {
  const TMX = `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="T" creationtoolversion="1" segtype="paragraph" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="en"><seg>Noise about the river.</seg></tuv><tuv xml:lang="es"><seg>Ruido.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>The storm closed roads on Monday.</seg></tuv><tuv xml:lang="es"><seg>La tormenta cerró carreteras el lunes.</seg></tuv></tu>
</body></tmx>`;
  const STORY = 'The storm closed roads on Monday.\n\nThe storm closed roads on monday.\n\nSchools stay shut.\n';

  beforeEach(() => {
    fs.writeFileSync(path.join(cli.dir, 'story.txt'), STORY);
    fs.writeFileSync(path.join(cli.dir, 'memory.tmx'), TMX);
  });

  it('fills the paragraphs with a 100 % match in the TMX, prints how many, and stores none of its units', async () => {
    expect(await runCli(['import', 'story.txt', '--source', 'en', '--target', 'es', '--prefill-from', 'memory.tmx'], io)).toBe(0);
    expect(out.join('')).toContain(
      'pre-filled 1 of 3 paragraphs with 100 % matches from memory.tmx (2 translation units read, none stored)\n',
    );
    const backend = createBackend({ dataDir: path.join(cli.dir, 'data'), mode: 'browser', version: '1.0.0', engines: [] });
    const [summary] = await backend.api.listDocuments({});
    const doc = await backend.api.getDocument({ documentId: summary!.id });
    const stats = await backend.api.getTmStats({ sourceLang: 'en', targetLang: 'es' });
    backend.close();
    expect(doc.paragraphs.map((p) => [p.target, p.status])).toEqual([
      ['La tormenta cerró carreteras el lunes.', 'edited'],
      ['', 'new'],
      ['', 'new'],
    ]);
    expect(stats.units).toBe(0);
  });

  it('a TMX that cannot be read: exit 1, its name, and the document is not imported', async () => {
    fs.rmSync(path.join(cli.dir, 'memory.tmx'));
    expect(await runCli(['import', 'story.txt', '--source', 'en', '--target', 'es', '--prefill-from', 'memory.tmx'], io)).toBe(1);
    expect(err.join('')).toMatch(/memory\.tmx.*TMX_FILE_UNREADABLE/);
    const backend = createBackend({ dataDir: path.join(cli.dir, 'data'), mode: 'browser', version: '1.0.0', engines: [] });
    const docs = await backend.api.listDocuments({});
    backend.close();
    expect(docs).toEqual([]);
  });

  it('a TMX broken half-way: exit 1, the line it broke at, nothing filled', async () => {
    fs.writeFileSync(path.join(cli.dir, 'memory.tmx'), TMX.slice(0, TMX.indexOf('<tu>', 300) + 30));
    expect(await runCli(['import', 'story.txt', '--source', 'en', '--target', 'es', '--prefill-from', 'memory.tmx'], io)).toBe(1);
    expect(err.join('')).toMatch(/memory\.tmx is broken at line 3, column \d+ \(translation unit 2\).*Nothing was filled\..*imported as/);
    const backend = createBackend({ dataDir: path.join(cli.dir, 'data'), mode: 'browser', version: '1.0.0', engines: [] });
    const [summary] = await backend.api.listDocuments({});
    const doc = await backend.api.getDocument({ documentId: summary!.id });
    backend.close();
    expect(doc.paragraphs.every((p) => p.status === 'new' && p.target === '')).toBe(true);
  });
});
