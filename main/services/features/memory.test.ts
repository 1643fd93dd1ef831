/** The translation-memory services over a temporary database: sign-off → TM, matches, insert with origin tm, prefill, TMX, concordance. */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../shared/types.js';
import { createBackend, type Backend } from '../../backend.js';
import { createRepositories } from '../../db/repositories/index.js';
import { verifyLibrary } from '../../signing/verifyLibrary.js';
import { revisionTextHashes } from '../../db/audit/revisionLinks.js';
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

async function article(backend: Backend, paragraphs: string[], sourceLang = 'en', targetLang = 'es'): Promise<DocumentDetail> {
  return backend.api.importDocument({ source: { kind: 'text', text: paragraphs.join('\n\n'), format: 'txt' }, sourceLang, targetLang });
}

function rows(backend: Backend, sql: string): Record<string, unknown>[] {
  const db = new Database(backend.dbPath, { readonly: true });
  const out = db.prepare(sql).all() as Record<string, unknown>[];
  db.close();
  return out;
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function signOff(backend: Backend, paragraphId: string, target: string): Promise<void> {
  await backend.api.updateParagraphTarget({ paragraphId, target });
  await backend.api.signOffParagraphs({ paragraphIds: [paragraphId] });
}

describe('the TM follows sign-offs', () => {
  it('adds a signed-off paragraph with who, when and document; re-signing updates it; withdrawing removes it', async () => {
    const backend = start();
    const { api } = backend;
    await api.setProfile({ name: 'Elena', role: 'editor' });
    const first = await article(backend, ['The government announced new measures on Tuesday.', 'Other text.']);
    const p = first.paragraphs[0]!.id;
    await signOff(backend, p, 'El gobierno anunció nuevas medidas el martes.');
    expect(await api.getTmStats({ sourceLang: 'en-GB', targetLang: 'es-ES' })).toMatchObject({ units: 1 });
    expect(rows(backend, 'SELECT source, target, created_by, document_id, origin FROM tm_units')).toEqual([
      {
        source: 'The government announced new measures on Tuesday.',
        target: 'El gobierno anunció nuevas medidas el martes.',
        created_by: 'Elena',
        document_id: first.id,
        origin: 'signoff',
      },
    ]);

    const second = await article(backend, ['The government announced new measures on Friday.']);
    const q = second.paragraphs[0]!.id;
    const [match] = await api.lookupTm({ paragraphId: q });
    // 8 tokens, one replaced: floor(100 × 7/8) = 87
    expect(match).toMatchObject({
      score: 87,
      target: 'El gobierno anunció nuevas medidas el martes.',
      createdBy: 'Elena',
      origin: 'signoff',
      documentId: first.id,
    });
    // A paragraph is not its own match.
    expect(await api.lookupTm({ paragraphId: p })).toEqual([]);

    // Editing withdraws the sign-off: the unit is gone. Signing off again brings the new text.
    await api.updateParagraphTarget({ paragraphId: p, target: 'El Gobierno anunció medidas nuevas el martes.' });
    expect(await api.lookupTm({ paragraphId: q })).toEqual([]);
    await api.signOffParagraphs({ paragraphIds: [p] });
    expect((await api.lookupTm({ paragraphId: q })).map((m) => m.target)).toEqual(['El Gobierno anunció medidas nuevas el martes.']);
    expect(rows(backend, 'SELECT count(*) AS n FROM tm_units')).toEqual([{ n: 1 }]);
    // The index holds no stale postings after the withdrawal: the 8 words and 7 bigrams of the one unit.
    expect(rows(backend, 'SELECT sum(length(ids)) / 4 AS n FROM tm_postings')).toEqual([{ n: 15 }]);
  });

  it('inserting a match writes a revision with origin tm, its provenance, and can be undone', async () => {
    const backend = start();
    const { api } = backend;
    await api.setProfile({ name: 'Elena', role: 'editor' });
    const first = await article(backend, ['Police arrested two men in Lyon on Friday.']);
    await signOff(backend, first.paragraphs[0]!.id, 'La policía detuvo a dos hombres en Lyon el viernes.');
    const second = await article(backend, ['Police arrested three men in Lyon on Friday.']);
    const q = second.paragraphs[0]!.id;
    const [match] = await api.lookupTm({ paragraphId: q });
    const result = await api.applyTmMatch({ paragraphId: q, unitId: match!.unitId });
    expect(result.paragraph).toMatchObject({ target: 'La policía detuvo a dos hombres en Lyon el viernes.', status: 'edited' });
    const history = await api.getParagraphHistory({ paragraphId: q });
    expect(history.entries.at(-1)).toMatchObject({ origin: 'tm', action: 'edit', authorName: 'Elena' });
    expect(rows(backend, 'SELECT score, unit_source, unit_origin, unit_by FROM tm_provenance')).toEqual([
      { score: match!.score, unit_source: 'Police arrested two men in Lyon on Friday.', unit_origin: 'signoff', unit_by: 'Elena' },
    ]);
    expect(await api.listTmProvenance({ paragraphId: q })).toEqual([
      {
        revisionId: history.entries.at(-1)!.id,
        unitId: match!.unitId,
        score: match!.score,
        unitSource: 'Police arrested two men in Lyon on Friday.',
        unitOrigin: 'signoff',
        unitBy: 'Elena',
        unitAt: match!.createdAt,
      },
    ]);
    expect((await api.undoParagraph({ paragraphId: q })).paragraph.target).toBe('');

    expect((await failure(api.applyTmMatch({ paragraphId: q, unitId: 999 }))).code).toBe('TM_UNIT_NOT_FOUND');
    // A unit of another language pair is not a match for this paragraph.
    const french = await article(backend, ['Police arrested two men in Lyon on Friday.'], 'en', 'fr');
    expect((await failure(api.applyTmMatch({ paragraphId: french.paragraphs[0]!.id, unitId: match!.unitId }))).code).toBe(
      'TM_UNIT_NOT_FOUND',
    );
  });

  it('pre-fills 100 % matches only when the setting is on', async () => {
    const backend = start();
    const { api } = backend;
    await api.setProfile({ name: 'Elena', role: 'editor' });
    const first = await article(backend, ['Weather: sunny, 25 degrees.']);
    await signOff(backend, first.paragraphs[0]!.id, 'Tiempo: soleado, 25 grados.');
    const second = await article(backend, ['Weather: sunny, 25 degrees.', 'Weather: cloudy, 25 degrees.']);
    expect(await api.prefillTmMatches({ documentId: second.id })).toEqual({ paragraphs: [] });
    expect(await api.updateMemorySettings({ prefillExact: true })).toEqual({ prefillExact: true });
    const { paragraphs } = await api.prefillTmMatches({ documentId: second.id });
    expect(paragraphs.map((p) => [p.index, p.target, p.status])).toEqual([[0, 'Tiempo: soleado, 25 grados.', 'edited']]);
    expect((await api.getParagraphHistory({ paragraphId: paragraphs[0]!.id })).entries.at(-1)!.origin).toBe('tm');
    // Already filled: nothing more to do.
    expect((await api.prefillTmMatches({ documentId: second.id })).paragraphs).toEqual([]);
  });

  it('pre-fills a long document in chunks, other requests going on between them; a paragraph edited meanwhile is left alone', async () => {
    const backend = start();
    const { api } = backend;
    await api.setProfile({ name: 'Elena', role: 'editor' });
    const sources = Array.from({ length: 120 }, (_, i) => `Item ${i + 1}: the river rose again overnight.`);
    const first = await article(backend, sources);
    for (const [i, p] of first.paragraphs.entries())
      await api.updateParagraphTarget({ paragraphId: p.id, target: `Punto ${i + 1}: el río volvió a crecer.` });
    await api.signOffParagraphs({ paragraphIds: first.paragraphs.map((p) => p.id) });
    await api.updateMemorySettings({ prefillExact: true });
    const second = await article(backend, sources);
    const late = second.paragraphs[100]!;
    // The first chunk is looked up and written before the call yields; the edit comes in between chunks.
    const prefill = api.prefillTmMatches({ documentId: second.id });
    const edit = api.updateParagraphTarget({ paragraphId: late.id, target: 'Escrito a mano.' });
    const [{ paragraphs }] = await Promise.all([prefill, edit]);
    expect(paragraphs).toHaveLength(119);
    expect(paragraphs.map((p) => p.id)).not.toContain(late.id);
    const after = await api.getDocument({ documentId: second.id });
    expect(after.paragraphs[100]).toMatchObject({ target: 'Escrito a mano.', status: 'edited' });
    expect(after.paragraphs[99]).toMatchObject({ target: 'Punto 100: el río volvió a crecer.', status: 'edited' });
    expect(rows(backend, `SELECT count(*) AS n FROM tm_provenance WHERE paragraph_id = '${late.id}'`)).toEqual([{ n: 0 }]);
  });
});

describe('prefill writes', () => {
  it('each match: the paragraph, a tm revision and its provenance, all at the pre-fill’s time; one audit link for them; the document touched then; the chain verifies', async () => {
    const dir = makeTempDir();
    let tick = Date.parse('2026-01-01T00:00:00.000Z');
    // Every call a second later: the pre-fill asks once for all its writes.
    const backend = createBackend({ dataDir: dir, mode: 'electron', version: '1.0.0', engines: [], now: () => new Date((tick += 1000)) });
    cleanups.push(() => {
      backend.close();
      removeTempDir(dir);
    });
    const { api } = backend;
    await api.setProfile({ name: 'Elena', role: 'editor' });
    const first = await article(backend, ['One fine day.', 'Two fine days.', 'Three fine days.']);
    const es = ['Un buen día.', 'Dos buenos días.', 'Tres buenos días.'];
    for (const [i, p] of first.paragraphs.entries()) await api.updateParagraphTarget({ paragraphId: p.id, target: es[i]! });
    await api.signOffParagraphs({ paragraphIds: first.paragraphs.map((p) => p.id) });
    await api.updateMemorySettings({ prefillExact: true });
    const second = await article(backend, ['Three fine days.', 'Not in memory.', 'One fine day.']);
    const links = () => rows(backend, 'SELECT count(*) AS n FROM audit_log')[0]!.n as number;
    const before = links();
    const { paragraphs } = await api.prefillTmMatches({ documentId: second.id });
    expect(paragraphs.map((p) => [p.index, p.target])).toEqual([
      [0, 'Tres buenos días.'],
      [2, 'Un buen día.'],
    ]);
    // One time for the pre-fill's writes, the document's too.
    expect(paragraphs[0]!.updatedAt).toBe(paragraphs[1]!.updatedAt);
    expect(paragraphs[0]!.updatedAt > second.updatedAt).toBe(true);
    const doc = (await api.listDocuments({})).find((d) => d.id === second.id)!;
    expect(doc.updatedAt).toBe(paragraphs[1]!.updatedAt);
    expect(links()).toBe(before + 1);
    const link = rows(backend, 'SELECT kind, payload FROM audit_log ORDER BY seq DESC LIMIT 1')[0]!;
    expect(link.kind).toBe('revisions');
    const tmRevisions = rows(backend, `SELECT id FROM revisions WHERE document_id = '${second.id}' AND origin = 'tm' ORDER BY id`);
    expect(revisionTextHashes(link.payload as string).map(([id]) => ({ id }))).toEqual(tmRevisions);
    expect(
      rows(
        backend,
        `SELECT count(*) AS n FROM tm_provenance p JOIN revisions r ON r.id = p.revision_id WHERE r.document_id = '${second.id}'`,
      ),
    ).toEqual([{ n: 2 }]);
    expect((await api.getDocument({ documentId: second.id })).paragraphs.map((p) => p.status)).toEqual(['edited', 'new', 'edited']);
    const db = new Database(backend.dbPath);
    const report = verifyLibrary(db, createRepositories(db));
    db.close();
    expect(report.problems).toEqual([]);
    expect(report.links).toBe(links());
  });
});

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="OmegaT" creationtoolversion="3.6" segtype="paragraph" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="en-US" datatype="plaintext"/>
  <body>
    <tu creationid="ana" creationdate="20250102T030405Z">
      <tuv xml:lang="en-US"><seg>The central bank raised interest rates.</seg></tuv>
      <tuv xml:lang="es-ES"><seg>El banco central subió los tipos de interés.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en"><seg>Only <bpt i="1">&lt;b&gt;</bpt>one<ept i="1">&lt;/b&gt;</ept> language.</seg></tuv>
      <tuv xml:lang="de"><seg>Nur eine Sprache.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="EN"><seg>Markets <ph x="1">&lt;br/&gt;</ph>fell sharply.</seg></tuv>
      <tuv xml:lang="es"><seg>Los mercados cayeron con fuerza.</seg></tuv>
    </tu>
  </body>
</tmx>`;

describe('TMX import and export', () => {
  it('merges units of the pair (variants es-ES/es map to it), skipping others and duplicates; replace swaps earlier imports', async () => {
    const backend = start();
    const { api } = backend;
    await api.setProfile({ name: 'Elena', role: 'editor' });
    const input = { sourceLang: 'en', targetLang: 'es', fileName: 'omegat.tmx', dataBase64: b64(TMX), mode: 'merge' as const };
    expect(await api.importTmx(input)).toEqual({
      imported: 2,
      skipped: 1,
      removed: 0,
      notKept: { notes: 0, properties: 0, sourceVariants: 0 },
    });
    expect(await api.importTmx(input)).toEqual({
      imported: 0,
      skipped: 3,
      removed: 0,
      notKept: { notes: 0, properties: 0, sourceVariants: 0 },
    });
    expect(rows(backend, 'SELECT source, source_lang, target_lang, created_by, created_at FROM tm_units ORDER BY id')).toEqual([
      {
        source: 'The central bank raised interest rates.',
        source_lang: 'en-US',
        target_lang: 'es-ES',
        created_by: 'ana',
        created_at: '2025-01-02T03:04:05.000Z',
      },
      // Issue 14: the line break is kept as a code; the tag is canonical.
      { source: 'Markets \uE200fell sharply.', source_lang: 'en', target_lang: 'es', created_by: '', created_at: expect.any(String) },
    ]);
    expect(await api.importTmx({ ...input, mode: 'replace' })).toEqual({
      imported: 2,
      skipped: 1,
      removed: 2,
      notKept: { notes: 0, properties: 0, sourceVariants: 0 },
    });

    const doc = await article(backend, ['The central bank raised its interest rates.']);
    const [match] = await api.lookupTm({ paragraphId: doc.paragraphs[0]!.id });
    expect(match).toMatchObject({ score: 87, origin: 'tmx', target: 'El banco central subió los tipos de interés.' });

    const exported = await api.exportTmx({ sourceLang: 'en', targetLang: 'es' });
    expect(exported).toMatchObject({ fileName: 'verso-tm-en-es.tmx', units: 2 });
    // Round trip: the export imports into a fresh Verso as the same units.
    const other = start();
    await other.api.setProfile({ name: 'Olga', role: 'editor' });
    expect(await other.api.importTmx({ ...input, dataBase64: b64(exported.content) })).toEqual({
      imported: 2,
      skipped: 0,
      removed: 0,
      notKept: { notes: 0, properties: 0, sourceVariants: 0 },
    });
    // (TMX dates are to the second.)
    const units = 'SELECT source, target, source_lang, target_lang, created_by, substr(created_at, 1, 19) AS at FROM tm_units ORDER BY id';
    expect(rows(other, units)).toEqual(rows(backend, units));
  });

  it("what Replace would remove is asked first: the pair's TMX units only, and whether a team's libraries lose them too", async () => {
    const backend = start();
    const { api } = backend;
    await api.setProfile({ name: 'Elena', role: 'editor' });
    const pair = { sourceLang: 'en', targetLang: 'es' };
    expect(await api.checkTmxReplace(pair)).toEqual({ tmxUnits: 0, team: false });
    await api.importTmx({ ...pair, fileName: 'omegat.tmx', dataBase64: b64(TMX), mode: 'merge' });
    const doc = await article(backend, ['A signed-off sentence stays.']);
    await signOff(backend, doc.paragraphs[0]!.id, 'Una frase aprobada se queda.');
    expect((await api.getTmStats(pair)).units).toBe(3);
    expect(await api.checkTmxReplace(pair)).toEqual({ tmxUnits: 2, team: false });
    expect(await api.checkTmxReplace({ sourceLang: 'en', targetLang: 'fr' })).toEqual({ tmxUnits: 0, team: false });
    expect((await failure(api.checkTmxReplace({ sourceLang: 'en', targetLang: 'en' }))).code).toBe('LANGUAGE_SAME');

    // A library in a team: the removal would go to every member's library.
    const teamed = start();
    const db = new Database(teamed.dbPath);
    db.prepare("INSERT INTO team_state (key, value) VALUES ('me', ?)").run(JSON.stringify({ roleName: 'pat', teamRole: 'editor' }));
    db.close();
    await teamed.api.setProfile({ name: 'Pat', role: 'editor' });
    expect(await teamed.api.checkTmxReplace(pair)).toEqual({ tmxUnits: 0, team: true });
  });

  it('refuses hostile or broken files with a clear error and changes nothing', async () => {
    const backend = start();
    const { api } = backend;
    await api.setProfile({ name: 'Elena', role: 'editor' });
    const base = { sourceLang: 'en', targetLang: 'es', fileName: 'x.tmx', mode: 'replace' as const };
    await api.importTmx({ ...base, dataBase64: b64(TMX), mode: 'merge' });
    const before = rows(backend, 'SELECT * FROM tm_units');
    const xxe = `<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv><tuv xml:lang="es"><seg>x</seg></tuv></tu></body></tmx>`;
    expect((await failure(api.importTmx({ ...base, dataBase64: b64(xxe) }))).code).toBe('TMX_DOCTYPE');
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><tmx version="1.4"/>`;
    expect((await failure(api.importTmx({ ...base, dataBase64: b64(laughs) }))).code).toBe('TMX_DOCTYPE');
    const undefinedEntity = TMX.replace('fell sharply', 'fell &nbsp; sharply');
    expect(await failure(api.importTmx({ ...base, dataBase64: b64(undefinedEntity) }))).toMatchObject({
      code: 'TMX_INVALID',
      details: { line: 15 },
    });
    expect((await failure(api.importTmx({ ...base, dataBase64: b64(TMX.slice(0, 400)) }))).code).toBe('TMX_INVALID');
    expect((await failure(api.importTmx({ ...base, dataBase64: b64('<xliff version="1.2"/>') }))).code).toBe('TMX_INVALID');
    expect((await failure(api.importTmx({ ...base, dataBase64: b64('<tmx version="2.0"/>') }))).code).toBe('TMX_INVALID');
    expect((await failure(api.importTmx({ ...base, dataBase64: Buffer.from([0xc3, 0x28, 0x3c]).toString('base64') }))).code).toBe(
      'TMX_INVALID',
    );
    expect(await failure(api.importTmx({ ...base, targetLang: 'fr', dataBase64: b64(TMX) }))).toMatchObject({
      code: 'TMX_NO_UNITS',
      details: { languages: 'de, en, en-US, es, es-ES' },
    });
    expect(rows(backend, 'SELECT * FROM tm_units')).toEqual(before);
  });
});

describe('concordance', () => {
  it('finds a word or phrase in the sources of a pair, case-insensitively, with translations', async () => {
    const backend = start();
    const { api } = backend;
    await api.setProfile({ name: 'Elena', role: 'editor' });
    await api.importTmx({ sourceLang: 'en', targetLang: 'es', fileName: 'a.tmx', dataBase64: b64(TMX), mode: 'merge' });
    const hits = await api.searchTmConcordance({ sourceLang: 'en', targetLang: 'es', query: 'Interest Rates' });
    expect(hits.map((h) => [h.source, h.target])).toEqual([
      ['The central bank raised interest rates.', 'El banco central subió los tipos de interés.'],
    ]);
    expect(await api.searchTmConcordance({ sourceLang: 'en', targetLang: 'es', query: 'rates raised' })).toEqual([]);
    expect(await api.searchTmConcordance({ sourceLang: 'en', targetLang: 'fr', query: 'rates' })).toEqual([]);
    expect((await failure(api.searchTmConcordance({ sourceLang: 'en', targetLang: 'es', query: '  ' }))).code).toBe('TM_QUERY_EMPTY');
  });
});

describe('inline codes in the TM', () => {
  const o = (i: number) => String.fromCharCode(0xe000 + i);
  const c = (i: number) => String.fromCharCode(0xe100 + i);
  const md = (backend: Backend, text: string) =>
    backend.api.importDocument({ source: { kind: 'text', text, format: 'md' }, sourceLang: 'en', targetLang: 'es' });
  const TARGET = `El ${o(0)}banco${c(0)} abrió ${o(1)}una sucursal${c(1)} en Madrid.`;

  it('matches on the text with codes abstracted, with a formatting penalty, and inserts keeping the paragraph’s own codes', async () => {
    const backend = start();
    const { api } = backend;
    await api.setProfile({ name: 'Elena', role: 'editor' });
    const signed = await md(backend, 'The **bank** opened [a branch](https://a.example/one) in Madrid.');
    expect(signed.paragraphs[0]!.codes).toEqual([{ type: 'bold' }, { type: 'link', href: 'https://a.example/one' }]);
    await signOff(backend, signed.paragraphs[0]!.id, TARGET);
    expect(rows(backend, 'SELECT codes FROM tm_units')).toEqual([{ codes: JSON.stringify(signed.paragraphs[0]!.codes) }]);

    // Same words, same formatting (another link target): 100 %, inserted with this paragraph's codes.
    const same = (await md(backend, 'The **bank** opened [a branch](https://b.example/two) in Madrid.')).paragraphs[0]!;
    const [exact] = await api.lookupTm({ paragraphId: same.id });
    expect(exact).toMatchObject({ score: 100, target: TARGET, codes: signed.paragraphs[0]!.codes });
    const inserted = await api.applyTmMatch({ paragraphId: same.id, unitId: exact!.unitId });
    expect(inserted.paragraph.target).toBe(TARGET);
    expect(inserted.paragraph.codes).toEqual([{ type: 'bold' }, { type: 'link', href: 'https://b.example/two' }]);
    expect(rows(backend, `SELECT score FROM tm_provenance WHERE paragraph_id = '${same.id}'`)).toEqual([{ score: 100 }]);

    // Link first, then bold: the unit's tokens land on this paragraph's codes by kind and order.
    const swapped = (await md(backend, 'The [bank](https://c.example) opened **a branch** in Madrid.')).paragraphs[0]!;
    const [fuzzy] = await api.lookupTm({ paragraphId: swapped.id });
    expect(fuzzy!.score).toBe(99);
    const moved = await api.applyTmMatch({ paragraphId: swapped.id, unitId: fuzzy!.unitId });
    expect(moved.paragraph.target).toBe(`El ${o(1)}banco${c(1)} abrió ${o(0)}una sucursal${c(0)} en Madrid.`);

    // Italic where the unit has bold: the link is placed, the italic is left missing for the buttons.
    const italic = (await md(backend, 'The *bank* opened [a branch](https://d.example) in Madrid.')).paragraphs[0]!;
    const [partial] = await api.lookupTm({ paragraphId: italic.id });
    expect(partial!.score).toBe(99);
    expect((await api.applyTmMatch({ paragraphId: italic.id, unitId: partial!.unitId })).paragraph.target).toBe(
      `El banco abrió ${o(1)}una sucursal${c(1)} en Madrid.`,
    );

    // A paragraph without codes gets the words without any placeholder.
    const plain = (await md(backend, 'The bank opened a branch in Madrid.')).paragraphs[0]!;
    const [formatOnly] = await api.lookupTm({ paragraphId: plain.id });
    expect(formatOnly!.score).toBe(99);
    expect((await api.applyTmMatch({ paragraphId: plain.id, unitId: formatOnly!.unitId })).paragraph.target).toBe(
      'El banco abrió una sucursal en Madrid.',
    );

    // Pre-fill takes only true 100 % matches (formatting included).
    await api.updateMemorySettings({ prefillExact: true });
    const twin = await md(backend, 'The **bank** opened [a branch](https://e.example) in Madrid.\n\nThe bank opened a branch in Madrid.');
    const filled = await api.prefillTmMatches({ documentId: twin.id });
    expect(filled.paragraphs.map((p) => p.target)).toEqual([TARGET]);

    // The TM's TMX export carries the codes as TMX codes (issue 14), never placeholder characters.
    const exported = await api.exportTmx({ sourceLang: 'en', targetLang: 'es' });
    expect(exported.content).toContain(
      '<seg>El <bpt i="1" type="bold">&lt;b&gt;</bpt>banco<ept i="1">&lt;/b&gt;</ept> abrió <bpt i="2" type="link">&lt;a href=&quot;https://a.example/one&quot;&gt;</bpt>una sucursal<ept i="2">&lt;/a&gt;</ept> en Madrid.</seg>',
    );
    expect(exported.content).not.toMatch(/[\uE000-\uE2FF]/u);
  });
});

// Issue 14: TMX level 2 (codes matched as codes) and regional languages in the TM.
describe('TMX level 2 and regional variants in the TM', () => {
  const o = (i: number) => String.fromCharCode(0xe000 + i);
  const c = (i: number) => String.fromCharCode(0xe100 + i);
  const tmx = (units: string) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx PUBLIC "-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN" "tmx14.dtd">
<tmx version="1.4"><header creationtool="T" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="html"/><body>${units}</body></tmx>`;
  const md = (backend: Backend, text: string, sourceLang = 'en', targetLang = 'es') =>
    backend.api.importDocument({ source: { kind: 'text', text, format: 'md' }, sourceLang, targetLang });

  it('a formatted paragraph reaches 100 % against a TMX unit with the same text and codes; one differing only in formatting is another unit at 99 %', async () => {
    const backend = start();
    const { api } = backend;
    await api.setProfile({ name: 'Elena', role: 'editor' });
    const file = tmx(`
      <tu><tuv xml:lang="en"><seg>The <bpt i="1">&lt;b&gt;</bpt>bank<ept i="1">&lt;/b&gt;</ept> opened.</seg></tuv>
          <tuv xml:lang="es"><seg>El <bpt i="1">&lt;b&gt;</bpt>banco<ept i="1">&lt;/b&gt;</ept> abrió.</seg></tuv></tu>
      <tu><tuv xml:lang="en"><seg>The bank opened.</seg></tuv><tuv xml:lang="es"><seg>El banco abrió.</seg></tuv></tu>
      <tu><tuv xml:lang="en"><seg>The <bpt i="1" type="italic">&lt;i&gt;</bpt>bank<ept i="1">&lt;/i&gt;</ept> opened.</seg></tuv>
          <tuv xml:lang="es"><seg>El <bpt i="1" type="italic">&lt;i&gt;</bpt>banco<ept i="1">&lt;/i&gt;</ept> abrió.</seg></tuv></tu>`);
    // Three units: the plain one and the italic one are not merged with the bold one.
    expect(await api.importTmx({ sourceLang: 'en', targetLang: 'es', fileName: 'f.tmx', dataBase64: b64(file), mode: 'merge' })).toEqual({
      imported: 3,
      skipped: 0,
      removed: 0,
      notKept: { notes: 0, properties: 0, sourceVariants: 0 },
    });
    const bold = (await md(backend, 'The **bank** opened.')).paragraphs[0]!;
    const matches = await api.lookupTm({ paragraphId: bold.id });
    // The bold unit at 100 %; the plain one (same words, no formatting) at 99 % (the italic one has
    // the bold one's texts and placeholders, so it is listed once, as the better match).
    expect(matches.map((m) => [m.score, m.target, m.codes])).toEqual([
      [100, `El ${o(0)}banco${c(0)} abrió.`, [{ type: 'bold' }]],
      [99, 'El banco abrió.', []],
    ]);
    const italic = (await md(backend, 'The *bank* opened.')).paragraphs[0]!;
    expect((await api.lookupTm({ paragraphId: italic.id }))[0]).toMatchObject({ score: 100, codes: [{ type: 'italic' }] });
    expect((await api.applyTmMatch({ paragraphId: bold.id, unitId: matches[0]!.unitId })).paragraph.target).toBe(
      `El ${o(0)}banco${c(0)} abrió.`,
    );
    const plain = (await md(backend, 'The bank opened.')).paragraphs[0]!;
    expect((await api.lookupTm({ paragraphId: plain.id }))[0]).toMatchObject({ score: 100, target: 'El banco abrió.' });
  });

  it('prefers the document’s region, then the language, and says which (pt-BR gets its own 100 %, pt-PT is labelled and 99 %)', async () => {
    const backend = start();
    const { api } = backend;
    await api.setProfile({ name: 'Elena', role: 'editor' });
    const file = tmx(`
      <tu><tuv xml:lang="en"><seg>Take the train to the city centre.</seg></tuv>
          <tuv xml:lang="pt-PT"><seg>Apanhe o comboio para o centro da cidade.</seg></tuv>
          <tuv xml:lang="pt-BR"><seg>Pegue o trem para o centro da cidade.</seg></tuv></tu>
      <tu><tuv xml:lang="en"><seg>Register on the website today.</seg></tuv>
          <tuv xml:lang="pt-PT"><seg>Registe-se hoje no sítio web.</seg></tuv></tu>
      <tu><tuv xml:lang="en"><seg>Read the news every morning.</seg></tuv>
          <tuv xml:lang="pt"><seg>Leia as notícias todas as manhãs.</seg></tuv></tu>`);
    expect(await api.importTmx({ sourceLang: 'en', targetLang: 'pt-BR', fileName: 'f.tmx', dataBase64: b64(file), mode: 'merge' })).toEqual(
      { imported: 4, skipped: 0, removed: 0, notKept: { notes: 0, properties: 0, sourceVariants: 0 } },
    );
    const doc = await article(
      backend,
      ['Take the train to the city centre.', 'Register on the website today.', 'Read the news every morning.'],
      'en',
      'pt-BR',
    );
    expect(doc.targetLang).toBe('pt-BR');
    const [train, register, news] = doc.paragraphs;
    const trainMatches = await api.lookupTm({ paragraphId: train!.id });
    expect(trainMatches.map((m) => [m.score, m.targetLang, m.variant])).toEqual([
      [100, 'pt-BR', 'exact'],
      [99, 'pt-PT', 'other'],
    ]);
    expect((await api.lookupTm({ paragraphId: register!.id }))[0]).toMatchObject({ score: 99, targetLang: 'pt-PT', variant: 'other' });
    expect((await api.lookupTm({ paragraphId: news!.id }))[0]).toMatchObject({ score: 100, targetLang: 'pt', variant: 'broader' });
    // Pre-fill takes the document's own region and the language, never another region.
    await api.updateMemorySettings({ prefillExact: true });
    const filled = await api.prefillTmMatches({ documentId: doc.id });
    expect(filled.paragraphs.map((p) => p.target).sort()).toEqual([
      'Leia as notícias todas as manhãs.',
      'Pegue o trem para o centro da cidade.',
    ]);
  });

  it('en-US → en-GB: a TMX and the TM work by region, never returning the source as the translation', async () => {
    const backend = start();
    const { api } = backend;
    await api.setProfile({ name: 'Elena', role: 'editor' });
    const file = tmx(
      `<tu><tuv xml:lang="en-US"><seg>The color of the center.</seg></tuv><tuv xml:lang="en-GB"><seg>The colour of the centre.</seg></tuv></tu>`,
    );
    expect(
      await api.importTmx({ sourceLang: 'en-us', targetLang: 'EN-gb', fileName: 'f.tmx', dataBase64: b64(file), mode: 'merge' }),
    ).toEqual({ imported: 1, skipped: 0, removed: 0, notKept: { notes: 0, properties: 0, sourceVariants: 0 } });
    expect(rows(backend, 'SELECT source_lang, target_lang, source, target FROM tm_units')).toEqual([
      { source_lang: 'en-US', target_lang: 'en-GB', source: 'The color of the center.', target: 'The colour of the centre.' },
    ]);
    const us = await article(backend, ['The color of the center.'], 'en-US', 'en-GB');
    expect((await api.lookupTm({ paragraphId: us.paragraphs[0]!.id }))[0]).toMatchObject({
      score: 100,
      target: 'The colour of the centre.',
    });
    // The other direction finds nothing: the en-GB → en-US TM is empty.
    const gb = await article(backend, ['The colour of the centre.'], 'en-GB', 'en-US');
    expect(await api.lookupTm({ paragraphId: gb.paragraphs[0]!.id })).toEqual([]);
    const [unitId] = rows(backend, 'SELECT id FROM tm_units').map((r) => r['id'] as number);
    expect((await failure(api.applyTmMatch({ paragraphId: gb.paragraphs[0]!.id, unitId: unitId! }))).code).toBe('TM_UNIT_NOT_FOUND');
    expect((await api.exportTmx({ sourceLang: 'en-GB', targetLang: 'en-US' })).units).toBe(0);
    expect(
      (await failure(api.importTmx({ sourceLang: 'en-US', targetLang: 'en-us', fileName: 'f.tmx', dataBase64: b64(file), mode: 'merge' })))
        .code,
    ).toBe('LANGUAGE_SAME');
    expect(
      (
        await failure(
          api.importTmx({ sourceLang: 'en-US', targetLang: 'xx-nope', fileName: 'f.tmx', dataBase64: b64(file), mode: 'merge' }),
        )
      ).code,
    ).toBe('LANGUAGE_UNKNOWN');
  });
});
