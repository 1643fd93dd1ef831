/** Sentence-level matches (issue 17 item 3) through the backend: lookup, insert sentence / assembled, sentence pairs on sign-off. */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../shared/types.js';
import { createBackend, type Backend } from '../../backend.js';
import { createFakeEngine } from '../../testing/fakeEngine.js';
import { failure } from '../../testing/failure.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function start(): Backend {
  const dir = makeTempDir();
  const backend = createBackend({ dataDir: dir, mode: 'electron', version: '1.0.0', engines: [createFakeEngine()] });
  cleanups.push(() => {
    backend.close();
    removeTempDir(dir);
  });
  return backend;
}

const article = (backend: Backend, paragraphs: string[]): Promise<DocumentDetail> =>
  backend.api.importDocument({
    source: { kind: 'text', text: paragraphs.join('\n\n'), format: 'txt' },
    sourceLang: 'en',
    targetLang: 'es',
  });

function rows(backend: Backend, sql: string): Record<string, unknown>[] {
  const db = new Database(backend.dbPath, { readonly: true });
  const out = db.prepare(sql).all() as Record<string, unknown>[];
  db.close();
  return out;
}

const tu = (en: string, es: string) => `<tu><tuv xml:lang="en"><seg>${en}</seg></tuv><tuv xml:lang="es"><seg>${es}</seg></tuv></tu>`;
const SENTENCE_TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="memoQ" creationtoolversion="9" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
<body>
${tu('The storm hit the coast on Monday.', 'La tormenta azotó la costa el lunes.')}
${tu('Thousands of homes lost power.', 'Miles de hogares se quedaron sin luz.')}
${tu('Officials expect repairs to take a week.', 'Las autoridades prevén que las reparaciones duren una semana.')}
</body></tmx>`;

async function withSentenceTmx(backend: Backend): Promise<void> {
  await backend.api.setProfile({ name: 'Elena', role: 'editor' });
  const dataBase64 = Buffer.from(SENTENCE_TMX, 'utf8').toString('base64');
  await backend.api.importTmx({ sourceLang: 'en', targetLang: 'es', fileName: 'memoq.tmx', dataBase64, mode: 'merge' });
}

describe('sentence-level lookup', () => {
  it('looks up each sentence of a paragraph: each matches its own sentence unit, one sentence may match none', async () => {
    const backend = start();
    await withSentenceTmx(backend);
    const doc = await article(backend, [
      'The storm hit the coast on Tuesday. Thousands of homes lost power. Schools stay closed until Friday.',
      'Thousands of homes lost power.',
    ]);
    const result = await backend.api.lookupTmSentences({ paragraphId: doc.paragraphs[0]!.id });
    // The paragraph as a whole matches no sentence unit (too short against it).
    expect(result.matches).toEqual([]);
    expect(result.sentences.map((s) => [s.index, s.text, s.matches.map((m) => [m.score, m.target])])).toEqual([
      [0, 'The storm hit the coast on Tuesday.', [[87, 'La tormenta azotó la costa el lunes.']]],
      [1, 'Thousands of homes lost power.', [[100, 'Miles de hogares se quedaron sin luz.']]],
      [2, 'Schools stay closed until Friday.', []],
    ]);
    const source = doc.paragraphs[0]!.source;
    for (const s of result.sentences) expect(source.slice(s.start, s.end)).toBe(s.text);

    // One sentence: its matches are the paragraph's, no sentence list.
    const single = await backend.api.lookupTmSentences({ paragraphId: doc.paragraphs[1]!.id });
    expect(single.matches.map((m) => m.score)).toEqual([100]);
    expect(single.sentences).toEqual([]);
  });
});

describe('inserting sentence matches', () => {
  it('Insert sentence fills an empty target in order, then replaces the sentence of the same index; a revision with origin tm and provenance', async () => {
    const backend = start();
    const { api } = backend;
    await withSentenceTmx(backend);
    const doc = await article(backend, ['The storm hit the coast on Monday. Thousands of homes lost power.']);
    const paragraphId = doc.paragraphs[0]!.id;
    const { sentences } = await api.lookupTmSentences({ paragraphId });
    const [first, second] = sentences.map((s) => s.matches[0]!);

    // Empty target (0 sentences ≠ 2): appended, i.e. the translation is built sentence by sentence.
    let r = await api.applyTmSentence({ paragraphId, sentenceIndex: 1, unitId: second!.unitId });
    expect(r.paragraph.target).toBe('Miles de hogares se quedaron sin luz.');
    r = await api.applyTmSentence({ paragraphId, sentenceIndex: 0, unitId: first!.unitId });
    expect(r.paragraph.target).toBe('Miles de hogares se quedaron sin luz. La tormenta azotó la costa el lunes.');
    // Now two sentences, as the source: sentence 0 replaces the target's sentence 0.
    await api.updateParagraphTarget({ paragraphId, target: 'Una tormenta. Algo más.' });
    r = await api.applyTmSentence({ paragraphId, sentenceIndex: 1, unitId: second!.unitId });
    expect(r.paragraph.target).toBe('Una tormenta. Miles de hogares se quedaron sin luz.');

    const history = await api.getParagraphHistory({ paragraphId });
    expect(history.entries.at(-1)).toMatchObject({ origin: 'tm', action: 'edit', afterText: r.paragraph.target });
    const provenance = await api.listTmProvenance({ paragraphId });
    expect(provenance.at(-1)).toMatchObject({
      revisionId: history.entries.at(-1)!.id,
      unitId: second!.unitId,
      score: 100,
      unitSource: 'Thousands of homes lost power.',
      unitOrigin: 'tmx',
    });
    // Undone like any edit.
    expect((await api.undoParagraph({ paragraphId })).paragraph.target).toBe('Una tormenta. Algo más.');
  });

  it('Insert assembled joins the best matches, keeping the source of a sentence without one; the provenance names the weakest', async () => {
    const backend = start();
    const { api } = backend;
    await withSentenceTmx(backend);
    const doc = await article(backend, ['The storm hit the coast on Tuesday. Schools stay closed.  Thousands of homes lost power.']);
    const paragraphId = doc.paragraphs[0]!.id;
    const { sentences } = await api.lookupTmSentences({ paragraphId });
    const unitIds = sentences.map((s) => s.matches[0]?.unitId ?? null);
    expect(unitIds[1]).toBeNull();
    const r = await api.applyTmAssembled({ paragraphId, unitIds });
    expect(r.paragraph.target).toBe('La tormenta azotó la costa el lunes. Schools stay closed.  Miles de hogares se quedaron sin luz.');
    expect((await api.listTmProvenance({ paragraphId })).map((p) => [p.unitId, p.score])).toEqual([[unitIds[0], 87]]);
    expect((await api.getParagraphHistory({ paragraphId })).entries.at(-1)).toMatchObject({ origin: 'tm' });
  });

  it('refuses a sentence index or list that no longer fits the paragraph, and a unit that is gone', async () => {
    const backend = start();
    const { api } = backend;
    await withSentenceTmx(backend);
    const doc = await article(backend, ['The storm hit the coast on Monday. Thousands of homes lost power.', 'One sentence.']);
    const paragraphId = doc.paragraphs[0]!.id;
    const { sentences } = await api.lookupTmSentences({ paragraphId });
    const unitId = sentences[0]!.matches[0]!.unitId;
    const changed = await failure(api.applyTmSentence({ paragraphId, sentenceIndex: 2, unitId }));
    expect(changed).toMatchObject({ code: 'TM_SENTENCES_CHANGED', details: { sentences: 2 } });
    expect((await failure(api.applyTmSentence({ paragraphId: doc.paragraphs[1]!.id, sentenceIndex: 0, unitId }))).code).toBe(
      'TM_SENTENCES_CHANGED',
    );
    expect((await failure(api.applyTmAssembled({ paragraphId, unitIds: [unitId, null, null] }))).code).toBe('TM_SENTENCES_CHANGED');
    expect((await failure(api.applyTmSentence({ paragraphId, sentenceIndex: 0, unitId: 99_999 }))).code).toBe('TM_UNIT_NOT_FOUND');
    expect((await api.getParagraphHistory({ paragraphId })).entries.some((e) => e.origin === 'tm')).toBe(false);
  });
});

describe('sentence pairs of signed-off paragraphs', () => {
  const sentenceUnits = (backend: Backend) =>
    rows(backend, 'SELECT source, target FROM tm_units WHERE parent_unit_id IS NOT NULL ORDER BY id').map((r) => [
      r['source'],
      r['target'],
    ]);

  it('are stored when source and target have the same number of sentences, and go with the sign-off', async () => {
    const backend = start();
    const { api } = backend;
    await api.setProfile({ name: 'Elena', role: 'editor' });
    const doc = await article(backend, ['Dr. Weber arrived on Monday. She left on Friday.', 'Rain fell. Wind rose.', 'Only one.']);
    const [p, q, r] = doc.paragraphs.map((x) => x.id) as [string, string, string];
    await api.updateParagraphTarget({ paragraphId: p, target: 'La Dra. Weber llegó el lunes. Se fue el viernes.' });
    await api.updateParagraphTarget({ paragraphId: q, target: 'Llovió y sopló el viento.' });
    await api.updateParagraphTarget({ paragraphId: r, target: 'Solo uno.' });
    await api.signOffParagraphs({ paragraphIds: [p, q, r] });
    // Stored when the TM indexes the sign-off (here: the next lookup).
    const other = await article(backend, ['Dr. Weber arrived on Tuesday. It rained.']);
    const { sentences } = await api.lookupTmSentences({ paragraphId: other.paragraphs[0]!.id });
    expect(sentenceUnits(backend)).toEqual([
      ['Dr. Weber arrived on Monday.', 'La Dra. Weber llegó el lunes.'],
      ['She left on Friday.', 'Se fue el viernes.'],
    ]);
    expect(sentences[0]!.matches[0]).toMatchObject({ target: 'La Dra. Weber llegó el lunes.', origin: 'signoff', documentId: doc.id });
    // A paragraph's own sentence pairs are not matches for it.
    const own = await api.lookupTmSentences({ paragraphId: p });
    expect(own.sentences.flatMap((s) => s.matches)).toEqual([]);

    // Withdrawing the sign-off removes the sentence pairs too, and they leave the index.
    await api.updateParagraphTarget({ paragraphId: p, target: 'La Dra. Weber llegó el lunes. Se marchó el viernes.' });
    expect(sentenceUnits(backend)).toEqual([]);
    const after = await api.lookupTmSentences({ paragraphId: other.paragraphs[0]!.id });
    expect(after.sentences[0]!.matches).toEqual([]);
    // Signed off again: the new pairs (re-sign-off replaces, never duplicates).
    await api.signOffParagraphs({ paragraphIds: [p] });
    await api.lookupTmSentences({ paragraphId: other.paragraphs[0]!.id });
    await api.lookupTmSentences({ paragraphId: other.paragraphs[0]!.id });
    expect(sentenceUnits(backend)).toEqual([
      ['Dr. Weber arrived on Monday.', 'La Dra. Weber llegó el lunes.'],
      ['She left on Friday.', 'Se marchó el viernes.'],
    ]);
    expect(rows(backend, 'SELECT count(*) AS n FROM tm_index_queue')).toEqual([{ n: 0 }]);
  });
});

describe('inline codes in sentence pairs and sentence matches', () => {
  const o = (i: number) => String.fromCharCode(0xe000 + i);
  const c = (i: number) => String.fromCharCode(0xe100 + i);
  const md = (backend: Backend, text: string) =>
    backend.api.importDocument({ source: { kind: 'text', text, format: 'md' }, sourceLang: 'en', targetLang: 'es' });

  it('each pair keeps its own codes numbered from 0; an inserted sentence takes the codes of its place in the paragraph', async () => {
    const backend = start();
    const { api } = backend;
    await api.setProfile({ name: 'Elena', role: 'editor' });
    const signed = await md(backend, 'The **storm** hit. Homes lost [power](https://a.example).');
    const p = signed.paragraphs[0]!;
    expect(p.source).toBe(`The ${o(0)}storm${c(0)} hit. Homes lost ${o(1)}power${c(1)}.`);
    await api.updateParagraphTarget({
      paragraphId: p.id,
      target: `La ${o(0)}tormenta${c(0)} golpeó. Las casas perdieron la ${o(1)}luz${c(1)}.`,
    });
    await api.signOffParagraphs({ paragraphIds: [p.id] });

    // The same sentences, the other way round and with other codes (italic, another link).
    const other = await md(backend, 'Homes lost [power](https://b.example). The *storm* hit.');
    const q = other.paragraphs[0]!;
    const { sentences } = await api.lookupTmSentences({ paragraphId: q.id });
    expect(rows(backend, 'SELECT source, target, codes FROM tm_units WHERE parent_unit_id IS NOT NULL ORDER BY id')).toEqual([
      { source: `The ${o(0)}storm${c(0)} hit.`, target: `La ${o(0)}tormenta${c(0)} golpeó.`, codes: '[{"type":"bold"}]' },
      {
        source: `Homes lost ${o(0)}power${c(0)}.`,
        target: `Las casas perdieron la ${o(0)}luz${c(0)}.`,
        codes: '[{"type":"link","href":"https://a.example"}]',
      },
    ]);
    // The link sentence: same words, same kind of code (100); the bold sentence's italic differs (99).
    expect(sentences.map((s) => s.matches[0]?.score)).toEqual([100, 99]);
    const r = await api.applyTmAssembled({ paragraphId: q.id, unitIds: sentences.map((s) => s.matches[0]!.unitId) });
    // q's codes: 0 = the link, 1 = italic. The link maps onto it; the unit's bold has no counterpart and is left out.
    expect(r.paragraph.target).toBe(`Las casas perdieron la ${o(0)}luz${c(0)}. La tormenta golpeó.`);
  });
});
