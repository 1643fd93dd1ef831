/** The library services over a real database: counts, search, sort, rename, deletion rules and record. */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../shared/types.js';
import { createBackend, type Backend } from '../../backend.js';
import { exportFixture, type ExportFixture } from '../../export/testing/exportFixture.js';
import { createFakeEngine } from '../../testing/fakeEngine.js';
import { failure } from '../../testing/failure.js';
import { recordJobEvents } from '../../testing/jobEvents.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { COUNT_CATEGORY } from '../../db/repositories/library/libraryRepo.js';
import { actAs } from '../../testing/actAs.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** A backend whose clock advances one minute per call, so every change has its own time. */
function start(): Backend {
  const dir = makeTempDir();
  let minute = 0;
  const now = () => new Date(Date.UTC(2026, 2, 1, 8, minute++));
  const backend = createBackend({ dataDir: dir, mode: 'browser', version: '1.0.0', engines: [createFakeEngine()], now });
  cleanups.push(() => {
    backend.close();
    removeTempDir(dir);
  });
  return backend;
}

async function signedOffFixture(): Promise<ExportFixture> {
  const f = await exportFixture(['# Storm hits the coast', 'Roads closed.']);
  cleanups.push(() => f.cleanup());
  return f;
}

async function importText(backend: Backend, text: string, targetLang = 'es', title?: string): Promise<DocumentDetail> {
  return backend.api.importDocument({
    source: { kind: 'text', text, format: 'md' },
    sourceLang: 'en',
    targetLang,
    ...(title ? { title } : {}),
  });
}

function sql(backend: Backend, query: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Database(backend.dbPath);
  try {
    const statement = db.prepare(query);
    if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
    statement.run(...params);
    return [];
  } finally {
    db.close();
  }
}

describe('listLibrary', () => {
  it('counts paragraphs by status in the database and tells two imports of one article apart', async () => {
    const backend = start();
    const { api } = backend;
    await actAs(api, { name: 'Tomás', role: 'translator' });
    const text = '# Floods in Valencia\n\nThe river rose.\n\nSchools closed.\n\nRoads reopened.';
    const first = await importText(backend, text);
    const second = await importText(backend, text);
    const log = recordJobEvents(backend.events);
    const job = await api.translateParagraphs({ documentId: second.id });
    await log.final(job.jobId);
    log.stop();
    const p = (await api.getDocument({ documentId: second.id })).paragraphs;
    await api.updateParagraphTarget({ paragraphId: p[1]!.id, target: 'El río subió.' });
    await api.updateParagraphTarget({ paragraphId: p[2]!.id, target: 'Las escuelas cerraron.' });
    await api.confirmParagraphs({ paragraphIds: [p[2]!.id] });
    await actAs(api, { name: 'Elena', role: 'editor' });
    await api.signOffParagraphs({ paragraphIds: [p[2]!.id] });
    await api.setParagraphsExcluded({ paragraphIds: [p[3]!.id], excluded: true });

    const items = await api.listLibrary({});
    expect(items.map((i) => i.id)).toEqual([second.id, first.id]);
    const [b, a] = items;
    expect(a!.title).toBe(b!.title);
    expect(a!.importedAt < b!.importedAt).toBe(true);
    expect(a!.counts).toEqual([
      { key: 'new', count: 4 },
      { key: 'machine', count: 0 },
      { key: 'edited', count: 0 },
      { key: 'translated', count: 0 },
      { key: 'signed-off', count: 0 },
      { key: 'excluded', count: 0 },
    ]);
    expect(b!.counts).toEqual([
      { key: 'new', count: 0 },
      { key: 'machine', count: 1 },
      { key: 'edited', count: 1 },
      { key: 'translated', count: 0 },
      { key: 'signed-off', count: 1 },
      { key: 'excluded', count: 1 },
    ]);
    expect(b!.paragraphCount).toBe(4);
    expect(b!.fileName).toBeNull();
    expect(await api.getLibraryItem({ documentId: b!.id })).toEqual(b);
  });

  it('reads the counts from the index alone (no paragraph row is loaded)', () => {
    const backend = start();
    const plan = sql(
      backend,
      `EXPLAIN QUERY PLAN SELECT ${COUNT_CATEGORY}, count(*), max(updated_at) FROM paragraphs WHERE document_id = 'x' GROUP BY ${COUNT_CATEGORY}`,
    );
    expect(plan.map((r) => r['detail']).join(' | ')).toContain(
      'USING COVERING INDEX idx_paragraphs_document_id_status_excluded_at_updated_at',
    );
  });

  it('takes the last change from the paragraphs too, whichever service wrote them', async () => {
    const backend = start();
    const { api } = backend;
    await actAs(api, { name: 'Tomás', role: 'translator' });
    const older = await importText(backend, 'Older article.');
    const newer = await importText(backend, 'Newer article.');
    expect((await api.listLibrary({})).map((i) => i.id)).toEqual([newer.id, older.id]);
    // A write that did not touch the document row still counts as its last change.
    sql(backend, `UPDATE paragraphs SET updated_at = '2030-01-01T00:00:00.000Z' WHERE document_id = ?`, older.id);
    const items = await api.listLibrary({});
    expect(items.map((i) => i.id)).toEqual([older.id, newer.id]);
    expect(items[0]!.changedAt).toBe('2030-01-01T00:00:00.000Z');
  });

  it('searches titles, file names and languages (case, accents, every word), and sorts by title in the interface language', async () => {
    const backend = start();
    const { api } = backend;
    await actAs(api, { name: 'Tomás', role: 'translator' });
    const muller = await importText(backend, 'Text.', 'es', 'Interview with Müller');
    const zebra = await importText(backend, 'Text.', 'de', 'Zebra crossings');
    const apple = await importText(backend, 'Text.', 'fr', 'apple harvest');
    const file = await api.importDocument({
      source: { kind: 'file', fileName: 'budget-2026.md', dataBase64: Buffer.from('# Ärger im Haushalt\n\nText.').toString('base64') },
      sourceLang: 'de',
      targetLang: 'en',
    });
    const ids = async (input: Parameters<typeof api.listLibrary>[0]) => (await api.listLibrary(input)).map((i) => i.id);

    expect(await ids({ query: 'MULLER' })).toEqual([muller.id]);
    expect(await ids({ query: '  müller   interview ' })).toEqual([muller.id]);
    expect(await ids({ query: 'müller zebra' })).toEqual([]);
    expect(await ids({ query: 'budget-2026' })).toEqual([file.id]);
    expect(await ids({ query: 'arger' })).toEqual([file.id]);
    // Languages: tag, English name, own name, and the name in the interface language.
    expect(await ids({ query: 'fr' })).toEqual([apple.id]);
    expect(await ids({ query: 'spanish' })).toEqual([muller.id]);
    expect(await ids({ query: 'español' })).toEqual([muller.id]);
    expect(await ids({ query: 'Spanisch', locale: 'de' })).toEqual([muller.id]);
    expect(await ids({ query: 'Spanisch' })).toEqual([]);
    expect(await ids({ query: 'german zebra' })).toEqual([zebra.id]);
    expect(await ids({ query: '%' })).toEqual([]);

    expect(await ids({ sort: 'title' })).toEqual([apple.id, file.id, muller.id, zebra.id]);
    // Swedish orders Ä after Z.
    expect(await ids({ sort: 'title', locale: 'sv' })).toEqual([apple.id, muller.id, zebra.id, file.id]);
    expect(await ids({ sort: 'changed' })).toEqual([file.id, apple.id, zebra.id, muller.id]);
  });
});

describe('renameDocument', () => {
  it('stores a cleaned title and refuses a bad one with its own error, changing nothing', async () => {
    const backend = start();
    const { api } = backend;
    await actAs(api, { name: 'Tomás', role: 'translator' });
    const doc = await importText(backend, '# Old title\n\nText.');
    const before = await api.getLibraryItem({ documentId: doc.id });

    const renamed = await api.renameDocument({ documentId: doc.id, title: '  Floods:\n the  day  after\t' });
    expect(renamed.title).toBe('Floods: the day after');
    expect(renamed.changedAt > before.changedAt).toBe(true);
    expect((await api.getDocument({ documentId: doc.id })).title).toBe('Floods: the day after');

    const bad: [string, string][] = [
      ['   ', 'LIBRARY_TITLE_EMPTY'],
      ['x'.repeat(501), 'LIBRARY_TITLE_TOO_LONG'],
      ['Bell\u0007', 'LIBRARY_TITLE_INVALID'],
      ['Chip \uE000 inside', 'LIBRARY_TITLE_INVALID'],
      ['Broken \uD800 surrogate', 'LIBRARY_TITLE_INVALID'],
    ];
    for (const [title, code] of bad) {
      expect((await failure(api.renameDocument({ documentId: doc.id, title }))).code, JSON.stringify(title)).toBe(code);
    }
    expect((await failure(api.renameDocument({ documentId: doc.id, title: 'x'.repeat(501) }))).details).toEqual({ limit: 500 });
    expect((await api.getLibraryItem({ documentId: doc.id })).title).toBe('Floods: the day after');
    // Emoji (surrogate pairs) and right-to-left titles are fine; 500 characters is the limit, not 500 UTF-16 units.
    expect((await api.renameDocument({ documentId: doc.id, title: '🌊'.repeat(500) })).title).toBe('🌊'.repeat(500));
    expect((await api.renameDocument({ documentId: doc.id, title: 'فيضانات في فالنسيا' })).title).toBe('فيضانات في فالنسيا');

    // The same title again changes nothing (not even the last change).
    const same = await api.renameDocument({ documentId: doc.id, title: 'فيضانات في فالنسيا' });
    expect(same).toEqual(await api.getLibraryItem({ documentId: doc.id }));

    expect((await failure(api.renameDocument({ documentId: 'missing', title: 'X' }))).code).toBe('DOCUMENT_NOT_FOUND');
    expect(await backend.dispatch('renameDocument', { documentId: doc.id, title: 42 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await backend.dispatch('renameDocument', { documentId: doc.id, title: 'x'.repeat(5000) })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });
});

describe('deleting a document', () => {
  it('a translator may not delete a document with sign-offs; an editor may, and the record outlives it', async () => {
    const { backend, doc } = await signedOffFixture();
    const { api } = backend;
    await actAs(api, { name: 'Tomás Translator', role: 'translator' });
    expect(await api.checkDocumentDeletion({ documentId: doc.id })).toEqual({
      documentId: doc.id,
      title: 'Storm hits the coast',
      paragraphCount: 2,
      signedOffCount: 2,
      signOffCount: 2,
      allowed: false,
      refusal: 'signOffs',
    });
    const refused = await failure(api.deleteDocument({ documentId: doc.id }));
    expect(refused).toMatchObject({ code: 'LIBRARY_DELETE_NEEDS_EDITOR', details: { signOffs: 2 } });
    // Over the wire too (the renderer cannot skip the rule by calling the method itself).
    expect(await backend.dispatch('deleteDocument', { documentId: doc.id })).toMatchObject({
      ok: false,
      error: { code: 'LIBRARY_DELETE_NEEDS_EDITOR' },
    });
    expect((await api.getDocument({ documentId: doc.id })).paragraphs).toHaveLength(2);
    expect(await api.listDocumentDeletions({})).toEqual([]);

    await actAs(api, { name: 'Elena Editor', role: 'editor' });
    expect(await api.checkDocumentDeletion({ documentId: doc.id })).toMatchObject({ allowed: true, refusal: null });
    const before = (await api.getDocument({ documentId: doc.id })).paragraphs;
    await api.deleteDocument({ documentId: doc.id });
    expect((await failure(api.getDocument({ documentId: doc.id }))).code).toBe('DOCUMENT_NOT_FOUND');
    expect(await api.listDocumentDeletions({})).toEqual([
      {
        id: expect.any(Number),
        documentId: doc.id,
        title: 'Storm hits the coast',
        sourceLang: 'en',
        targetLang: 'es',
        importedAt: doc.createdAt,
        paragraphCount: 2,
        signedOffCount: 2,
        signOffCount: 2,
        deletedBy: 'Elena Editor',
        role: 'editor',
        deletedAt: '2026-03-01T10:00:00.000Z',
        contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    // The tombstone keeps hashes of what was deleted (never the text), and one hash over them.
    const hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    const [tombstone] = sql(backend, 'SELECT paragraph_hashes, content_sha256 FROM library_deletions') as {
      paragraph_hashes: string;
      content_sha256: string;
    }[];
    expect(JSON.parse(tombstone!.paragraph_hashes)).toEqual(
      before.map((p) => ({ n: p.index + 1, source: hex(p.source), target: hex(p.target), signedOff: true })),
    );
    expect(tombstone!.content_sha256).toBe(hex(tombstone!.paragraph_hashes));
    expect(tombstone!.paragraph_hashes).not.toContain(before[0]!.target);
    expect(sql(backend, 'SELECT count(*) AS n FROM paragraphs')).toEqual([{ n: 0 }]);
    expect((await failure(api.deleteDocument({ documentId: doc.id }))).code).toBe('DOCUMENT_NOT_FOUND');
    // The record is append-only.
    expect(() => sql(backend, "UPDATE library_deletions SET author_name = 'Someone else'")).toThrow(/append-only/);
    expect(() => sql(backend, 'DELETE FROM library_deletions')).toThrow(/append-only/);
  });

  it('a withdrawn sign-off still counts: editing every signed-off paragraph does not let a translator delete', async () => {
    const { backend, doc } = await signedOffFixture();
    const { api } = backend;
    await actAs(api, { name: 'Tomás Translator', role: 'translator' });
    for (const p of doc.paragraphs) await api.updateParagraphTarget({ paragraphId: p.id, target: `${p.target} (changed)` });
    const check = await api.checkDocumentDeletion({ documentId: doc.id });
    expect(check).toMatchObject({ signedOffCount: 0, signOffCount: 2, allowed: false });
    expect((await failure(api.deleteDocument({ documentId: doc.id }))).code).toBe('LIBRARY_DELETE_NEEDS_EDITOR');
  });

  it('anyone with a profile deletes a document without sign-offs, and it is recorded with their role', async () => {
    const backend = start();
    const { api } = backend;
    expect((await failure(api.deleteDocument({ documentId: 'x' }))).code).toBe('NO_PROFILE');
    await actAs(api, { name: 'Tomás', role: 'translator' });
    const doc = await importText(backend, '# Draft piece\n\nText.', 'fr');
    await api.deleteDocument({ documentId: doc.id });
    expect(await api.listDocumentDeletions({})).toMatchObject([
      {
        title: 'Draft piece',
        targetLang: 'fr',
        paragraphCount: 2,
        signedOffCount: 0,
        signOffCount: 0,
        deletedBy: 'Tomás',
        role: 'translator',
      },
    ]);
    expect(await api.listLibrary({})).toEqual([]);
  });
});
