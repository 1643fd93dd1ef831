/** Replace all over a real database: one revision per paragraph under one batch, sign-off withdrawal asked for, one-step undo. */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { exportFixture, type ExportFixture } from '../../export/testing/exportFixture.js';
import { failure } from '../../testing/failure.js';
import { actAs } from '../../testing/actAs.js';

const fixtures: ExportFixture[] = [];
afterEach(() => {
  while (fixtures.length > 0) fixtures.pop()!.cleanup();
});

const ARTICLE = ['Officials said so.', 'The officials left.', 'Nothing here.', 'Officials and officials.'];

/** Translated by the fake engine ("MT <source>"), confirmed, paragraph 4 signed off by an editor. */
async function setUp(): Promise<ExportFixture & { ids: string[] }> {
  const f = await exportFixture(ARTICLE, { signOff: false });
  fixtures.push(f);
  const ids = f.doc.paragraphs.map((p) => p.id);
  await actAs(f.backend.api, { name: 'Elena Editor', role: 'editor' });
  await f.backend.api.signOffParagraphs({ paragraphIds: [ids[3]!] });
  await actAs(f.backend.api, { name: 'Tomás Translator', role: 'translator' });
  return { ...f, ids };
}

function rows(f: ExportFixture, sql: string): Record<string, unknown>[] {
  const db = new Database(f.backend.dbPath, { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

async function targets(f: ExportFixture): Promise<string[]> {
  return (await f.backend.api.getDocument({ documentId: f.doc.id })).paragraphs.map((p) => p.target);
}

describe('replaceAllInTargets', () => {
  it('writes one edit revision per paragraph under one batch; signed-off paragraphs need withdrawSignOffs', async () => {
    const f = await setUp();
    const { api } = f.backend;
    const before = await targets(f);
    expect(before).toEqual(['Officials said so.', 'MT The officials left.', 'MT Nothing here.', 'MT Officials and officials.']);
    const changes = [
      { paragraphId: f.ids[0]!, before: before[0]!, after: 'Civil servants said so.', occurrences: 1 },
      { paragraphId: f.ids[1]!, before: before[1]!, after: 'MT The civil servants left.', occurrences: 1 },
      { paragraphId: f.ids[3]!, before: before[3]!, after: 'MT Civil servants and civil servants.', occurrences: 2 },
    ];
    const revisions = rows(f, 'SELECT * FROM revisions ORDER BY id');
    expect(await failure(api.replaceAllInTargets({ documentId: f.doc.id, changes }))).toMatchObject({
      code: 'REPLACE_WITHDRAWS_SIGN_OFF',
      details: { count: 1, paragraphs: [4] },
    });
    // A text that changed meanwhile refuses the whole call.
    expect(
      await failure(
        api.replaceAllInTargets({
          documentId: f.doc.id,
          changes: [{ ...changes[0]!, before: 'stale' }, changes[1]!],
          withdrawSignOffs: true,
        }),
      ),
    ).toMatchObject({ code: 'REPLACE_TARGET_CHANGED', details: { paragraphs: [1] } });
    expect(rows(f, 'SELECT * FROM revisions ORDER BY id')).toEqual(revisions);
    expect(await targets(f)).toEqual(before);

    const result = await api.replaceAllInTargets({ documentId: f.doc.id, changes, withdrawSignOffs: true });
    expect(result.occurrences).toBe(4);
    expect(result.signOffsWithdrawn).toEqual([4]);
    expect(result.paragraphs.map((p) => [p.target, p.status])).toEqual([
      ['Civil servants said so.', 'edited'],
      ['MT The civil servants left.', 'edited'],
      ['MT Civil servants and civil servants.', 'edited'],
    ]);
    const batch = rows(
      f,
      `SELECT r.paragraph_id, r.action, r.author_name FROM replace_batches b JOIN revisions r ON r.id = b.revision_id WHERE b.batch_id = '${result.batchId}' ORDER BY r.id`,
    );
    expect(batch).toEqual(
      [f.ids[0], f.ids[1], f.ids[3]].map((id) => ({ paragraph_id: id, action: 'edit', author_name: 'Tomás Translator' })),
    );
    const history = await api.getParagraphHistory({ paragraphId: f.ids[3]! });
    expect(history.entries.slice(-2).map((e) => e.action)).toEqual(['edit', 'sign-off-withdrawn']);
  });

  it('refuses a paragraph of another document', async () => {
    const f = await setUp();
    const other = await f.backend.api.importDocument({
      source: { kind: 'text', text: 'Officials.', format: 'txt' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    const err = await failure(
      f.backend.api.replaceAllInTargets({
        documentId: f.doc.id,
        changes: [{ paragraphId: other.paragraphs[0]!.id, before: '', after: 'x', occurrences: 1 }],
      }),
    );
    expect(err.code).toBe('PARAGRAPH_NOT_FOUND');
  });
});

describe('undoReplaceAll', () => {
  it('undoes the whole replacement in one step, keeps a paragraph changed since, and a later edit never folds into the batch', async () => {
    const f = await setUp();
    const { api } = f.backend;
    const before = await targets(f);
    const result = await api.replaceAllInTargets({
      documentId: f.doc.id,
      changes: [
        { paragraphId: f.ids[0]!, before: before[0]!, after: 'Civil servants said so.', occurrences: 1 },
        { paragraphId: f.ids[1]!, before: before[1]!, after: 'MT The civil servants left.', occurrences: 1 },
        { paragraphId: f.ids[2]!, before: before[2]!, after: 'MT Nothing here, civil servants.', occurrences: 1 },
      ],
    });
    // Paragraph 2 is typed in right after (same person, within the autosave window): its own revision.
    const count = rows(f, 'SELECT count(*) AS n FROM revisions')[0]!['n'] as number;
    await api.updateParagraphTarget({ paragraphId: f.ids[1]!, target: 'MT The civil servants went home.' });
    expect(rows(f, 'SELECT count(*) AS n FROM revisions')[0]!['n']).toBe(count + 1);
    // Paragraph 3 is undone on its own first (Ctrl+Z): the batch undo leaves it be.
    await api.undoParagraph({ paragraphId: f.ids[2]! });

    const undone = await api.undoReplaceAll({ batchId: result.batchId });
    expect(undone.undone).toBe(1);
    expect(undone.kept).toEqual([2]);
    expect(await targets(f)).toEqual([before[0], 'MT The civil servants went home.', before[2], before[3]]);
    // Each undo is an ordinary undo revision: redo works per paragraph.
    await api.redoParagraph({ paragraphId: f.ids[0]! });
    expect((await targets(f))[0]).toBe('Civil servants said so.');

    expect(await failure(api.undoReplaceAll({ batchId: 'no-such-batch' }))).toMatchObject({ code: 'REPLACE_BATCH_NOT_FOUND' });
  });

  it('says so when everything was undone already', async () => {
    const f = await setUp();
    const { api } = f.backend;
    const before = await targets(f);
    const result = await api.replaceAllInTargets({
      documentId: f.doc.id,
      changes: [{ paragraphId: f.ids[0]!, before: before[0]!, after: 'Civil servants said so.', occurrences: 1 }],
    });
    await api.undoReplaceAll({ batchId: result.batchId });
    expect(await failure(api.undoReplaceAll({ batchId: result.batchId }))).toMatchObject({ code: 'REPLACE_NOTHING_TO_UNDO' });
  });
});
