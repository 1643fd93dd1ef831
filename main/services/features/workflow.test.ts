/** The workflow services over a temporary database: QA gate, override, bulk summary, history, undo/redo, restore. */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../shared/types.js';
import { createBackend, type Backend } from '../../backend.js';
import { createFakeEngine } from '../../testing/fakeEngine.js';
import { failure } from '../../testing/failure.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { recordJobEvents } from '../../testing/jobEvents.js';
import { actAs } from '../../testing/actAs.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** Verso's reading clock in these tests (see `read`). */
let reviewTime = 0;

function start(now?: () => Date): Backend {
  const dir = makeTempDir();
  const backend = createBackend({
    dataDir: dir,
    mode: 'electron',
    version: '1.0.0',
    engines: [createFakeEngine()],
    reviewNow: () => reviewTime,
    ...(now ? { now } : {}),
  });
  cleanups.push(() => {
    backend.close();
    removeTempDir(dir);
  });
  return backend;
}

/** The editor reads a paragraph for `ms`: focus reported, Verso's reading clock moves on, focus gone. */
async function read(backend: Backend, paragraphId: string, ms: number): Promise<void> {
  await backend.api.reportReviewFocus({ paragraphId });
  reviewTime += ms;
  await backend.api.reportReviewFocus({ paragraphId: null });
}

async function article(backend: Backend, paragraphs: string[]): Promise<DocumentDetail> {
  return backend.api.importDocument({
    source: { kind: 'text', text: paragraphs.join('\n\n'), format: 'txt' },
    sourceLang: 'en',
    targetLang: 'es',
  });
}

function rows(backend: Backend, sql: string): Record<string, unknown>[] {
  const db = new Database(backend.dbPath, { readonly: true });
  const out = db.prepare(sql).all() as Record<string, unknown>[];
  db.close();
  return out;
}

describe('the sign-off gate', () => {
  it('signOffParagraphs (the all-or-nothing sign-off the API keeps) records the same review signal as signOffReviewed', async () => {
    const backend = start();
    const { api } = backend;
    await actAs(api, { name: 'Elena', role: 'editor' });
    const doc = await article(backend, ['The house is red.', 'The car is blue.']);
    const ids = doc.paragraphs.map((p) => p.id);
    await api.updateParagraphTarget({ paragraphId: ids[0]!, target: 'La casa es roja.' });
    await api.updateParagraphTarget({ paragraphId: ids[1]!, target: 'El coche es azul.' });
    await read(backend, ids[0]!, 300);
    await read(backend, ids[1]!, 5000);
    await api.reportDiffViewed({ paragraphId: ids[1]! });
    await api.signOffParagraphs({ paragraphIds: ids });
    const review = async (id: string) => (await api.getParagraphHistory({ paragraphId: id })).entries.at(-1)!;
    expect(await review(ids[0]!)).toMatchObject({ action: 'sign-off', review: { dwellMs: 300, words: 4, diffViewed: false, fast: true } });
    expect(await review(ids[1]!)).toMatchObject({ action: 'sign-off', review: { dwellMs: 5000, words: 4, diffViewed: true, fast: false } });
  });

  it('skips paragraphs with QA errors, signs off the rest, and reports why', async () => {
    const backend = start();
    const { api } = backend;
    await actAs(api, { name: 'Tomás', role: 'translator' });
    const doc = await article(backend, ['In 2024, 300 people came.', 'The house is red.', 'Nothing here.', 'Empty one.']);
    const ids = doc.paragraphs.map((p) => p.id);
    await api.updateParagraphTarget({ paragraphId: ids[0]!, target: 'En 2025 vinieron personas.' });
    await api.updateParagraphTarget({ paragraphId: ids[1]!, target: 'La casa es roja.' });
    await api.updateParagraphTarget({ paragraphId: ids[2]!, target: 'Nada aquí.' });
    await api.confirmParagraphs({ paragraphIds: ids.slice(0, 3) });
    expect((await failure(api.signOffReviewed({ paragraphIds: ids }))).code).toBe('ROLE_FORBIDDEN');

    await actAs(api, { name: 'Elena', role: 'editor' });
    // The core method stays all-or-nothing, now with the QA gate.
    const err = await failure(api.signOffParagraphs({ paragraphIds: ids.slice(0, 3) }));
    expect(err).toMatchObject({ code: 'QA_BLOCKED', details: { count: 1, paragraphs: [1] } });
    expect((await api.getDocument({ documentId: doc.id })).signedOffCount).toBe(0);

    const summary = await api.signOffReviewed({ paragraphIds: ids });
    expect(summary.signedOff.map((p) => p.id)).toEqual([ids[1], ids[2]]);
    expect(summary.skipped).toEqual([
      {
        paragraphId: ids[0],
        number: 1,
        reason: 'qa',
        issues: [
          expect.objectContaining({ code: 'numberMissing', params: { value: '2024' } }),
          expect.objectContaining({ code: 'numberMissing', params: { value: '300' } }),
          expect.objectContaining({ code: 'numberAdded', params: { value: '2025' } }),
        ],
      },
      { paragraphId: ids[3], number: 4, reason: 'empty', issues: [] },
    ]);
    expect((await api.getDocument({ documentId: doc.id })).signedOffCount).toBe(2);

    // A too-short reason is refused by validation; a real one signs off and is kept in the history.
    const refused = await backend.dispatch('signOffReviewed', {
      paragraphIds: [ids[0]!],
      overrides: [{ paragraphId: ids[0]!, reason: ' x ' }],
    });
    await read(backend, ids[0]!, 30_000);
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const overridden = await api.signOffReviewed({
      paragraphIds: [ids[0]!],
      overrides: [{ paragraphId: ids[0]!, reason: 'Figures checked with the author' }],
    });
    expect(overridden.signedOff[0]!.status).toBe('signed-off');
    const history = await api.getParagraphHistory({ paragraphId: ids[0]! });
    const signOff = history.entries.find((e) => e.action === 'sign-off')!;
    expect(signOff.override).toMatchObject({ reason: 'Figures checked with the author' });
    expect(signOff.override!.issues.map((i) => i.code)).toEqual(['numberMissing', 'numberMissing', 'numberAdded']);
    expect(signOff).toMatchObject({ authorName: 'Elena', role: 'editor' });

    expect(overridden.fast).toEqual([]);

    // Review signals: a sign-off faster than 2 words per second of reading is recorded as fast. The
    // reading time is Verso's measurement from the focus reports; the client's figure is ignored.
    await api.updateParagraphTarget({ paragraphId: ids[3]!, target: 'Uno vacío aquí ahora.' });
    await read(backend, ids[3]!, 1200);
    const quick = await api.signOffReviewed({
      paragraphIds: [ids[3]!],
      review: [{ paragraphId: ids[3]!, dwellMs: 86_400_000, diffViewed: false }],
    });
    expect(quick.fast).toEqual([{ paragraphId: ids[3], number: 4, dwellMs: 1200, words: 4 }]);
    expect((await api.getParagraphHistory({ paragraphId: ids[3]! })).entries.at(-1)!.review).toEqual({
      dwellMs: 1200,
      words: 4,
      diffViewed: false,
      fast: true,
    });
    await api.updateParagraphTarget({ paragraphId: ids[3]!, target: 'Uno vacío aquí, ahora.' });
    await read(backend, ids[3]!, 800);
    // While a paragraph holds the focus its reading time runs on (no report needed to close it).
    await api.reportReviewFocus({ paragraphId: ids[3]! });
    reviewTime += 500;
    // "Diff viewed" is what the editor reported when the diff opened, not the sign-off's claim.
    await api.reportDiffViewed({ paragraphId: ids[3]! });
    const careful = await api.signOffReviewed({
      paragraphIds: [ids[3]!],
      review: [{ paragraphId: ids[3]!, dwellMs: 0, diffViewed: false }],
    });
    expect(careful.fast).toEqual([]);
    expect((await api.getParagraphHistory({ paragraphId: ids[3]! })).entries.at(-1)!.review).toMatchObject({
      fast: false,
      diffViewed: true,
      dwellMs: 2500,
    });
    await api.reportReviewFocus({ paragraphId: null });
    // A report names a paragraph that exists, or none; it needs a profile like every action.
    expect(await backend.dispatch('reportReviewFocus', { paragraphId: 'no-such-paragraph' })).toMatchObject({
      ok: false,
      error: { code: 'PARAGRAPH_NOT_FOUND' },
    });
    expect(await backend.dispatch('reportReviewFocus', { paragraphId: 5 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    // Already signed off: skipped for its status.
    expect((await api.signOffReviewed({ paragraphIds: [ids[1]!] })).skipped).toEqual([
      { paragraphId: ids[1], number: 2, reason: 'status', issues: [] },
    ]);
  });
});

describe('history, undo, redo, restore', () => {
  it('undoes and redoes text changes as new revisions, across a reopen, and restores any version', async () => {
    let now = Date.parse('2025-05-01T09:00:00.000Z');
    const clock = () => new Date(now);
    const backend = start(clock);
    const { api } = backend;
    await actAs(api, { name: 'Ana', role: 'translator' });
    const doc = await article(backend, ['One.']);
    const id = doc.paragraphs[0]!.id;
    const edit = async (target: string) => {
      now += 61_000;
      return api.updateParagraphTarget({ paragraphId: id, target });
    };
    await edit('Uno');
    await edit('Uno.');
    await edit('Uno!');
    expect(await api.getParagraphHistory({ paragraphId: id })).toMatchObject({ canUndo: true, canRedo: false });

    now += 1_000;
    expect((await api.undoParagraph({ paragraphId: id })).paragraph.target).toBe('Uno.');
    // A quick edit right after an undo does not fold into the undo revision.
    expect((await api.undoParagraph({ paragraphId: id })).paragraph.target).toBe('Uno');
    expect((await api.redoParagraph({ paragraphId: id })).paragraph.target).toBe('Uno.');

    // The undo history is in the database: a new backend on the same file continues it.
    const reopened = createBackend({ dataDir: path.dirname(backend.dbPath), mode: 'electron', version: '1.0.0', engines: [], now: clock });
    try {
      expect((await reopened.api.redoParagraph({ paragraphId: id })).paragraph.target).toBe('Uno!');
      expect((await failure(reopened.api.redoParagraph({ paragraphId: id }))).code).toBe('NOTHING_TO_REDO');
      expect((await reopened.api.undoParagraph({ paragraphId: id })).paragraph.target).toBe('Uno.');
    } finally {
      reopened.close();
    }

    // A new edit clears redo.
    await edit('Uno?');
    let history = await api.getParagraphHistory({ paragraphId: id });
    expect(history.canRedo).toBe(false);
    expect(history.entries.filter((e) => e.link).map((e) => e.link!.kind)).toEqual(['undo', 'undo', 'redo', 'redo', 'undo']);
    expect(history.entries.every((e) => e.authorName === 'Ana' || e.action === 'import')).toBe(true);

    // Restore the first edit's text, as a new revision.
    const first = history.entries.find((e) => e.action === 'edit' && e.afterText === 'Uno')!;
    const restored = await api.restoreRevision({ paragraphId: id, revisionId: first.id });
    expect(restored.paragraph).toMatchObject({ target: 'Uno', status: 'edited' });
    history = await api.getParagraphHistory({ paragraphId: id });
    expect(history.entries.at(-1)).toMatchObject({ afterText: 'Uno', link: { kind: 'restore', revisionId: first.id } });
    expect((await failure(api.restoreRevision({ paragraphId: id, revisionId: first.id }))).code).toBe('REVISION_NOT_RESTORABLE');
    const importRev = history.entries.find((e) => e.action === 'import')!;
    expect(importRev.restorable).toBe(false);
    expect((await failure(api.restoreRevision({ paragraphId: id, revisionId: importRev.id }))).code).toBe('REVISION_NOT_RESTORABLE');
    expect((await failure(api.restoreRevision({ paragraphId: id, revisionId: 99999 }))).code).toBe('REVISION_NOT_FOUND');
    // Undo of the restore goes back to the text before it.
    expect((await api.undoParagraph({ paragraphId: id })).paragraph.target).toBe('Uno?');
    expect(rows(backend, 'SELECT count(*) AS n FROM workflow_revision_links')[0]!.n).toBe(7);
  });

  it('undoing every edit back to the raw MT makes the paragraph machine translation again; the history says so', async () => {
    const backend = start();
    const { api } = backend;
    await actAs(api, { name: 'Ana', role: 'translator' });
    const doc = await article(backend, ['The house is red.']);
    const id = doc.paragraphs[0]!.id;
    const log = recordJobEvents(backend.events);
    const { jobId } = await api.translateParagraphs({ documentId: doc.id });
    await log.final(jobId);
    log.stop();
    const mt = (await api.getDocument({ documentId: doc.id })).paragraphs[0]!;
    expect(mt.status).toBe('machine');
    expect((await api.updateParagraphTarget({ paragraphId: id, target: `${mt.target} Hoy.` })).paragraph.status).toBe('edited');
    await api.confirmParagraphs({ paragraphIds: [id] });
    const undone = await api.undoParagraph({ paragraphId: id });
    expect(undone.paragraph).toMatchObject({ target: mt.target, status: 'machine' });
    // Redo brings the edit (and its status) back; typing the MT text again is machine translation too.
    expect((await api.redoParagraph({ paragraphId: id })).paragraph.status).toBe('edited');
    expect((await api.updateParagraphTarget({ paragraphId: id, target: mt.target })).paragraph.status).toBe('machine');
    const history = await api.getParagraphHistory({ paragraphId: id });
    const undo = history.entries.find((e) => e.link?.kind === 'undo')!;
    expect(undo).toMatchObject({ statusBefore: 'translated', statusAfter: 'machine', afterText: mt.target });
  });

  it('undo of a signed-off paragraph withdraws the sign-off; nothing to undo is a clear error', async () => {
    const backend = start();
    const { api } = backend;
    await actAs(api, { name: 'Ed', role: 'editor' });
    const doc = await article(backend, ['Two.']);
    const id = doc.paragraphs[0]!.id;
    expect(await failure(api.undoParagraph({ paragraphId: id }))).toMatchObject({ code: 'NOTHING_TO_UNDO', details: { number: 1 } });
    await api.updateParagraphTarget({ paragraphId: id, target: 'Dos.' });
    await api.signOffReviewed({ paragraphIds: [id] });
    const undone = await api.undoParagraph({ paragraphId: id });
    expect(undone).toMatchObject({ signOffWithdrawn: true, paragraph: { target: '', status: 'new', signOff: null } });
    expect((await failure(api.getParagraphHistory({ paragraphId: 'ghost' }))).code).toBe('PARAGRAPH_NOT_FOUND');
  });
});

describe('editing effort', () => {
  it('adds active time and keystrokes per paragraph over people, and reports them per document', async () => {
    const backend = start();
    const { api } = backend;
    expect((await failure(api.recordEditEffort({ paragraphId: 'x', activeMs: 1, keystrokes: 1 }))).code).toBe('NO_PROFILE');
    await actAs(api, { name: 'Ana', role: 'translator' });
    const doc = await article(backend, ['One.', 'Two.', 'Three.']);
    const [a, b] = doc.paragraphs.map((p) => p.id);
    await api.recordEditEffort({ paragraphId: b!, activeMs: 1500, keystrokes: 12 });
    await api.recordEditEffort({ paragraphId: b!, activeMs: 500, keystrokes: 3 });
    await actAs(api, { name: 'Elena', role: 'editor' });
    await api.recordEditEffort({ paragraphId: b!, activeMs: 1000, keystrokes: 5 });
    await api.recordEditEffort({ paragraphId: a!, activeMs: 0, keystrokes: 0 });
    await api.recordEditEffort({ paragraphId: a!, activeMs: 200, keystrokes: 1 });
    expect(await api.getDocumentEffort({ documentId: doc.id })).toEqual([
      { paragraphId: a, activeMs: 200, keystrokes: 1 },
      { paragraphId: b, activeMs: 3000, keystrokes: 20 },
    ]);
    expect(rows(backend, 'SELECT count(*) AS n FROM workflow_edit_effort')[0]!.n).toBe(3);
    expect(await backend.dispatch('recordEditEffort', { paragraphId: a, activeMs: -1, keystrokes: 0 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect((await failure(api.getDocumentEffort({ documentId: 'ghost' }))).code).toBe('DOCUMENT_NOT_FOUND');
  });
});

describe('comments', () => {
  it('keeps a thread per paragraph with author, role, time and resolution', async () => {
    let now = Date.parse('2025-05-01T09:00:00.000Z');
    const backend = start(() => new Date(now));
    const { api } = backend;
    await actAs(api, { name: 'Tomás', role: 'translator' });
    const doc = await article(backend, ['One.', 'Two.']);
    const [a, b] = doc.paragraphs.map((p) => p.id);
    const first = await api.addComment({ paragraphId: b!, body: '  Is "two" right here?  ' });
    expect(first).toMatchObject({
      paragraphId: b,
      authorName: 'Tomás',
      role: 'translator',
      body: 'Is "two" right here?',
      createdAt: '2025-05-01T09:00:00.000Z',
      resolved: null,
    });
    now += 60_000;
    await actAs(api, { name: 'Elena', role: 'editor' });
    await api.addComment({ paragraphId: a!, body: 'Fine.' });
    const resolved = await api.setCommentResolved({ commentId: first.id, resolved: true });
    expect(resolved.resolved).toEqual({ at: '2025-05-01T09:01:00.000Z', byName: 'Elena' });
    expect((await api.listComments({ documentId: doc.id })).map((c) => [c.body, c.role, c.resolved !== null])).toEqual([
      ['Is "two" right here?', 'translator', true],
      ['Fine.', 'editor', false],
    ]);
    expect((await api.setCommentResolved({ commentId: first.id, resolved: false })).resolved).toBeNull();
    expect((await failure(api.setCommentResolved({ commentId: 'ghost', resolved: true }))).code).toBe('COMMENT_NOT_FOUND');
    expect((await failure(api.addComment({ paragraphId: 'ghost', body: 'x' }))).code).toBe('PARAGRAPH_NOT_FOUND');
    expect(await backend.dispatch('addComment', { paragraphId: a, body: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await api.listComments({ documentId: doc.id })).toHaveLength(2);
    // Who edited what: Tomás edited the first paragraph, Elena both.
    await actAs(api, { name: 'Tomás', role: 'translator' });
    await api.updateParagraphTarget({ paragraphId: a!, target: 'Uno.' });
    await actAs(api, { name: 'Elena', role: 'editor' });
    await api.updateParagraphTarget({ paragraphId: a!, target: 'Uno!' });
    await api.updateParagraphTarget({ paragraphId: b!, target: 'Dos.' });
    expect(await api.listEditors({ documentId: doc.id })).toEqual([
      { name: 'Elena', paragraphIds: [a, b] },
      { name: 'Tomás', paragraphIds: [a] },
    ]);
    await api.deleteDocument({ documentId: doc.id });
    expect(rows(backend, 'SELECT count(*) AS n FROM workflow_comments')[0]!.n).toBe(0);
  });
});
