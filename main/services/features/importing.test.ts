/** Living stories: a revised source applied to a document in work, over a real database. */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createImportingRepo } from '../../db/repositories/importing/importingRepo.js';
import type { DocumentDetail } from '../../../shared/types.js';
import { createBackend, type Backend } from '../../backend.js';
import { dbDigest } from '../../import/testing/dbDigest.js';
import { createFakeEngine } from '../../testing/fakeEngine.js';
import { recordJobEvents } from '../../testing/jobEvents.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { failure } from '../../testing/failure.js';

const ORIGINAL = `# Flood waters rise in river town

Heavy rain caused the river to burst its banks on Tuesday night, flooding more than 200 homes.

The mayor declared a state of emergency at 6 a.m. and asked residents to stay indoors.

Schools and the town library will remain closed until Friday.

Volunteers filled 3,000 sandbags overnight.

"We have never seen water this high," said a local shop owner.`;

// Edits, an insertion, a deletion and a move.
const REVISED = `# Flood waters rise in river town

Heavy rain caused the river to burst its banks on Tuesday night, flooding more than 350 homes.

"We have never seen water this high," said a local shop owner.

The mayor declared a state of emergency at 6 a.m. and asked residents to stay indoors.

Emergency shelters have opened in the sports hall and two churches.

Volunteers filled 3,000 sandbags overnight.`;

let dir: string;
let backend: Backend;

beforeEach(() => {
  dir = makeTempDir();
  backend = createBackend({
    dataDir: dir,
    mode: 'browser',
    version: '1.0.0',
    engines: [createFakeEngine({ id: 'fake', name: 'Fake MT', translate: (t) => `ES ${t}` })],
  });
});
afterEach(() => {
  backend.close();
  removeTempDir(dir);
});

const md = (text: string, fileName = 'story.md') => ({ kind: 'file' as const, fileName, dataBase64: Buffer.from(text).toString('base64') });

async function storyInWork(): Promise<DocumentDetail> {
  const { api } = backend;
  await api.setProfile({ name: 'Eda', role: 'editor' });
  const doc = await api.importDocument({ source: md(ORIGINAL), sourceLang: 'en', targetLang: 'es' });
  const log = recordJobEvents(backend.events);
  const { jobId } = await api.translateParagraphs({ documentId: doc.id });
  await log.final(jobId);
  log.stop();
  const p = (await api.getDocument({ documentId: doc.id })).paragraphs;
  // Headline and the first paragraph signed off; the quote signed off; the mayor paragraph edited.
  await api.updateParagraphTarget({ paragraphId: p[1]!.id, target: 'Lluvias intensas: más de 200 casas inundadas.' });
  await api.confirmParagraphs({ paragraphIds: [p[0]!.id, p[1]!.id, p[5]!.id] });
  await api.signOffParagraphs({ paragraphIds: [p[0]!.id, p[1]!.id, p[5]!.id] });
  await api.updateParagraphTarget({ paragraphId: p[2]!.id, target: 'El alcalde declaró el estado de emergencia.' });
  return api.getDocument({ documentId: doc.id });
}

describe('reimportDocument', () => {
  it('keeps unchanged and moved work, reopens changed paragraphs, inserts new ones and archives removed ones', async () => {
    const { api } = backend;
    const before = await storyInWork();
    const [headline, rain, mayor, schools, sandbags, quote] = before.paragraphs;

    const { document: after, summary } = await api.reimportDocument({ documentId: before.id, source: md(REVISED, 'story-v2.md') });

    expect(summary).toMatchObject({ unchanged: 3, moved: [3], changed: [2], added: [5], signOffsWithdrawn: 1 });
    expect(summary.removed).toEqual([{ oldNumber: 4, source: schools!.source }]);
    expect(after.paragraphs.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(after.paragraphs.map((p) => p.source)).toEqual(REVISED.split('\n\n').map((s) => s.replace(/^# /, '')));

    const [h2, rain2, quote2, mayor2, shelters, sandbags2] = after.paragraphs;
    // Unchanged: everything kept, including the sign-off and its hash.
    expect(h2).toMatchObject({ id: headline!.id, target: headline!.target, status: 'signed-off', signOff: headline!.signOff });
    expect(mayor2).toMatchObject({ id: mayor!.id, target: mayor!.target, status: 'edited' });
    expect(sandbags2).toMatchObject({ id: sandbags!.id, target: sandbags!.target, status: 'machine', mt: sandbags!.mt });
    // Moved: same paragraph, new place, sign-off intact.
    expect(quote2).toMatchObject({ id: quote!.id, target: quote!.target, status: 'signed-off', signOff: quote!.signOff });
    // Changed: reopened, translation kept as the starting point, sign-off withdrawn.
    expect(rain2).toMatchObject({ id: rain!.id, target: rain!.target, status: 'edited', signOff: null });
    expect(rain2!.source).toContain('350 homes');
    // New: inserted in place, to be translated.
    expect(shelters).toMatchObject({ status: 'new', target: '' });
    expect(before.paragraphs.some((p) => p.id === shelters!.id)).toBe(false);

    const reopened = await api.listReopenedParagraphs({ documentId: before.id });
    expect(reopened).toEqual([
      expect.objectContaining({
        paragraphId: rain!.id,
        oldSource: rain!.source,
        oldTarget: rain!.target,
        oldStatus: 'signed-off',
        signedOffByName: 'Eda',
      }),
    ]);
    const db = new Database(backend.dbPath, { readonly: true });
    const archived = createImportingRepo(db).archived(before.id);
    db.close();
    expect(archived).toEqual([
      expect.objectContaining({ paragraphId: schools!.id, oldPosition: 3, source: schools!.source, target: schools!.target }),
    ]);
    // What the editor shows of it: its former number and the translation it had.
    expect(await api.listArchivedParagraphs({ documentId: before.id })).toEqual([
      {
        paragraphId: schools!.id,
        oldNumber: 4,
        source: schools!.source,
        target: schools!.target,
        status: schools!.status,
        archivedAt: expect.any(String),
      },
    ]);
    expect((await failure(api.listArchivedParagraphs({ documentId: 'nope' }))).code).toBe('DOCUMENT_NOT_FOUND');

    // Removed text is not exported; the reopened paragraph is settled once confirmed again.
    const draft = await api.exportFile({ documentId: before.id, format: 'txt', mode: 'draft' });
    expect(draft.content).not.toContain('Schools');
    expect(draft.content).not.toContain('Escuelas');
    await api.confirmParagraphs({ paragraphIds: [rain2!.id] });
    expect(await api.listReopenedParagraphs({ documentId: before.id })).toEqual([]);
  });

  it('records the reopening in the paragraph history', async () => {
    const { api } = backend;
    const before = await storyInWork();
    await api.reimportDocument({ documentId: before.id, source: md(REVISED) });
    const history = await api.getParagraphHistory({ paragraphId: before.paragraphs[1]!.id });
    const last = history.entries.at(-1)!;
    expect(last).toMatchObject({ origin: 'import', action: 'sign-off-withdrawn', statusBefore: 'signed-off', statusAfter: 'edited' });
  });

  it('re-importing the same source changes nothing but the record of the re-import', async () => {
    const { api } = backend;
    const before = await storyInWork();
    const { document: after, summary } = await api.reimportDocument({ documentId: before.id, source: md(ORIGINAL) });
    expect(summary).toMatchObject({ unchanged: 6, moved: [], changed: [], added: [], removed: [], signOffsWithdrawn: 0 });
    expect(after.paragraphs).toEqual(before.paragraphs);
  });

  it('leaves the database untouched when the revised file is refused', async () => {
    const { api } = backend;
    const before = await storyInWork();
    const digest = dbDigest(backend.dbPath);
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff version="1.2"><file><body><trans-unit id="1"><source>&e;</source></trans-unit></body></file></xliff>';
    expect(await failure(api.reimportDocument({ documentId: before.id, source: md(xxe, 'v2.xlf') }))).toMatchObject({
      code: 'IMPORT_XML_ENTITIES',
    });
    expect(await failure(api.reimportDocument({ documentId: before.id, source: md('   \n\n ', 'v2.txt') }))).toMatchObject({
      code: 'IMPORT_EMPTY',
    });
    expect(await failure(api.reimportDocument({ documentId: 'nope', source: md(REVISED) }))).toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
    expect(dbDigest(backend.dbPath)).toEqual(digest);
  });
});

describe('bilingual pair', () => {
  const SOURCE = `# Flood waters rise in river town

Heavy rain caused the river to burst its banks on Tuesday night, flooding more than 200 homes.

The mayor declared a state of emergency.

Volunteers filled 3,000 sandbags.`;
  // The translator split the second paragraph in two.
  const TRANSLATION = `Crecen las aguas en un pueblo ribereño

Las fuertes lluvias desbordaron el río el martes por la noche.

Más de 200 viviendas quedaron inundadas.

El alcalde declaró el estado de emergencia.

Los voluntarios llenaron 3.000 sacos de arena.`;

  it('aligns a source with a translation made elsewhere and creates the document from the checked pairs', async () => {
    const { api } = backend;
    await api.setProfile({ name: 'Ana', role: 'translator' });
    const alignment = await api.alignBilingual({ source: md(SOURCE), translation: md(TRANSLATION, 'traduccion.txt') });
    expect(alignment.sources.map((s) => s.kind)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph']);
    expect(alignment.translations).toHaveLength(5);
    expect(alignment.proposal).toEqual([
      'Crecen las aguas en un pueblo ribereño',
      'Las fuertes lluvias desbordaron el río el martes por la noche. Más de 200 viviendas quedaron inundadas.',
      'El alcalde declaró el estado de emergencia.',
      'Los voluntarios llenaron 3.000 sacos de arena.',
    ]);
    expect(alignment.uncertain).toEqual([false, true, false, false]);

    const doc = await api.importBilingual({ source: md(SOURCE), targets: alignment.proposal, sourceLang: 'en', targetLang: 'es' });
    expect(doc.paragraphs.map((p) => [p.status, p.target])).toEqual(alignment.proposal.map((t) => ['edited', t]));
    expect(doc.title).toBe('Flood waters rise in river town');
  });

  it('aligns plain text for a source with inline markup; the created paragraphs keep the tokens (a plain translation gets them at its end)', async () => {
    const { api } = backend;
    await api.setProfile({ name: 'Ana', role: 'translator' });
    const source = 'The river **burst** its banks.\n\nSee [the report](https://news.example/r).';
    const alignment = await api.alignBilingual({
      source: md(source),
      translation: md('El río **se desbordó**.\n\nVer el informe.', 'es.md'),
    });
    expect(alignment.sources.map((s) => s.text)).toEqual(['The river burst its banks.', 'See the report.']);
    expect(alignment.proposal).toEqual(['El río se desbordó.', 'Ver el informe.']);
    const doc = await api.importBilingual({ source: md(source), targets: alignment.proposal, sourceLang: 'en', targetLang: 'es' });
    expect(doc.paragraphs[1]!.codes).toEqual([{ type: 'link', href: 'https://news.example/r' }]);
    expect(doc.paragraphs[1]!.target).toBe('Ver el informe. \uE000\uE100');
  });

  it('refuses targets that do not match the source paragraphs, changing nothing', async () => {
    const { api } = backend;
    await api.setProfile({ name: 'Ana', role: 'translator' });
    const digest = dbDigest(backend.dbPath);
    expect(
      await failure(api.importBilingual({ source: md(SOURCE), targets: ['a', 'b'], sourceLang: 'en', targetLang: 'es' })),
    ).toMatchObject({
      code: 'ALIGNMENT_COUNT_MISMATCH',
      details: { sources: 4, targets: 2 },
    });
    expect(dbDigest(backend.dbPath)).toEqual(digest);
  });
});

describe('HTML pages', () => {
  const PAGE = `<html lang="en"><head><title>Flood waters rise | The Daily</title></head><body>
    <nav><a href="/">Home</a></nav>
    <article><h1>Flood waters rise</h1><p>Heavy rain caused the river to burst its banks on Tuesday night, flooding more than 200 homes in the lower town.</p>
    <aside class="factbox"><h3>River levels</h3><p>The river is usually one metre deep at the bridge; on Tuesday it reached four.</p></aside>
    <p>The mayor declared a state of emergency at 6 a.m. and asked residents to stay indoors until the water falls.</p></article></body></html>`;
  const html = (text: string, extract?: 'article' | 'page') => ({ ...md(text, 'flood.html'), ...(extract ? { extract } : {}) });

  it('imports the article or the whole page, and a re-import reads the page the way it was first read', async () => {
    const { api } = backend;
    await api.setProfile({ name: 'Eda', role: 'editor' });
    const article = await api.importDocument({ source: html(PAGE), sourceLang: 'en', targetLang: 'es' });
    expect(article.title).toBe('Flood waters rise');
    expect(article.paragraphs.map((p) => p.source)).not.toContain('River levels');
    const page = await api.importDocument({ source: html(PAGE, 'page'), sourceLang: 'en', targetLang: 'es' });
    expect(page.title).toBe('Flood waters rise');
    expect(page.paragraphs.map((p) => p.source)).toContain('River levels');

    const again = await api.reimportDocument({ documentId: page.id, source: html(PAGE) });
    expect(again.summary).toMatchObject({ unchanged: page.paragraphs.length, added: [], removed: [] });
    // A choice made at re-import wins, and is kept for the next one.
    const asArticle = await api.reimportDocument({ documentId: page.id, source: html(PAGE, 'article') });
    expect(asArticle.summary.removed.map((r) => r.source)).toContain('River levels');
    const next = await api.reimportDocument({ documentId: page.id, source: html(PAGE) });
    expect(next.summary).toMatchObject({ unchanged: asArticle.document.paragraphs.length, removed: [] });
  });

  it('pasted HTML keeps its links and emphasis as chips', async () => {
    const { api } = backend;
    await api.setProfile({ name: 'Ana', role: 'translator' });
    const doc = await api.importDocument({
      source: {
        kind: 'text',
        format: 'html',
        text: '<meta charset="utf-8"><h1>Flood</h1><p>The <b>river</b> burst, <a href="https://news.example/r">the report</a> says.</p>',
      },
      sourceLang: 'en',
      targetLang: 'es',
    });
    expect(doc.title).toBe('Flood');
    expect(doc.paragraphs[1]).toMatchObject({
      source: 'The \uE000river\uE100 burst, \uE001the report\uE101 says.',
      codes: [{ type: 'bold' }, { type: 'link', href: 'https://news.example/r' }],
    });
  });
});
