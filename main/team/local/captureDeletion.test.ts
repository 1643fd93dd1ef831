/** Deleting a team document through the real backend: an editor's deletion is captured, a translator's refused before anything is deleted. */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend.js';
import { actAs } from '../../testing/actAs.js';
import { failure } from '../../testing/failure.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import type { TeamRole } from '../ports.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

async function teamLibrary(teamRole: TeamRole | null): Promise<{ backend: Backend; db: Database.Database }> {
  const dir = makeTempDir();
  const backend = createBackend({ dataDir: dir, mode: 'browser', version: '1.0.0', engines: [], backups: false, verifyAtStart: false });
  const db = new Database(backend.dbPath);
  cleanups.push(() => {
    db.close();
    backend.close();
    removeTempDir(dir);
  });
  await actAs(backend.api, { name: 'Pat', role: 'editor' });
  if (teamRole !== null) {
    const me = { roleName: 'pat', displayName: 'Pat', teamRole, publicKey: null, keyId: null };
    db.prepare("INSERT INTO team_state (key, value) VALUES ('me', ?)").run(JSON.stringify(me));
  }
  return { backend, db };
}

const importStorm = (backend: Backend) =>
  backend.api.importDocument({
    source: { kind: 'text', text: 'Rain fell.', format: 'txt' },
    sourceLang: 'en',
    targetLang: 'es',
    title: 'Storm',
  });
const outbox = (db: Database.Database) =>
  db
    .prepare<[], { kind: string; entity_id: string; base_id: string | null; payload: string }>(
      'SELECT kind, entity_id, base_id, payload FROM team_outbox ORDER BY rowid',
    )
    .all();
/** As a push does: the changes were read (the server may have them). */
const pushed = (db: Database.Database) => db.prepare('UPDATE team_outbox SET sent = 1').run();
const deletions = (db: Database.Database) => db.prepare('SELECT count(*) AS n FROM library_deletions').get();

describe('deleting a document that is in the team', () => {
  it("an editor's deletion goes to the team: a document change { deleted: true } on the document's head", async () => {
    const { backend, db } = await teamLibrary('editor');
    const doc = await importStorm(backend);
    pushed(db);
    expect(await backend.api.checkDocumentDeletion({ documentId: doc.id })).toMatchObject({ allowed: true, refusal: null });
    await backend.api.deleteDocument({ documentId: doc.id });
    const rows = outbox(db);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ kind: 'document', entity_id: doc.id });
    expect(JSON.parse(rows[1]!.payload)).toEqual({ deleted: true, title: 'Storm' });
    // Based on the document's head: its import change.
    expect(rows[1]!.base_id).toBe(db.prepare('SELECT change_id FROM team_outbox ORDER BY rowid LIMIT 1').pluck().get());
    expect(deletions(db)).toEqual({ n: 1 });
    expect(await backend.api.listLibrary({})).toEqual([]);
  });

  it("a translator's Delete is refused before anything is deleted, with a clear message", async () => {
    const { backend, db } = await teamLibrary('translator');
    const doc = await importStorm(backend);
    pushed(db);
    // The dialog is told first, so it offers only Cancel.
    expect(await backend.api.checkDocumentDeletion({ documentId: doc.id })).toMatchObject({ allowed: false, refusal: 'team' });
    const err = await failure(backend.api.deleteDocument({ documentId: doc.id }));
    expect(err).toMatchObject({ code: 'TEAM_DELETE_NEEDS_EDITOR', details: { title: 'Storm' } });
    expect(err.message).toContain('only a team editor or admin can delete it');
    expect((await backend.api.getDocument({ documentId: doc.id })).title).toBe('Storm');
    expect(outbox(db).map((r) => r.kind)).toEqual(['document']);
    expect(deletions(db)).toEqual({ n: 0 });
  });

  it('a document the team never saw (no push read its changes) is deleted here only, by a translator too: its changes go', async () => {
    const { backend, db } = await teamLibrary('translator');
    const kept = await importStorm(backend);
    pushed(db);
    const doc = await backend.api.importDocument({
      source: { kind: 'text', text: 'Wrong file.', format: 'txt' },
      sourceLang: 'en',
      targetLang: 'es',
      title: 'Oops',
    });
    await backend.api.updateParagraphTarget({ paragraphId: doc.paragraphs[0]!.id, target: 'Archivo equivocado.' });
    expect(outbox(db).map((r) => r.entity_id)).toEqual([kept.id, doc.id, doc.paragraphs[0]!.id]);
    expect(await backend.api.checkDocumentDeletion({ documentId: doc.id })).toMatchObject({ allowed: true, refusal: null });
    await backend.api.deleteDocument({ documentId: doc.id });
    expect(outbox(db).map((r) => r.entity_id)).toEqual([kept.id]);
    expect(db.prepare('SELECT count(*) AS n FROM team_heads WHERE entity_id IN (?, ?)').get(doc.id, doc.paragraphs[0]!.id)).toEqual({
      n: 0,
    });
    expect(deletions(db)).toEqual({ n: 1 });
  });

  it('a document not in the team (made before joining, or no team) is deleted here only, by anyone allowed locally', async () => {
    const solo = await teamLibrary(null);
    const a = await importStorm(solo.backend);
    solo.db
      .prepare("INSERT INTO team_state (key, value) VALUES ('me', ?)")
      .run(JSON.stringify({ roleName: 'pat', teamRole: 'translator' }));
    await solo.backend.api.deleteDocument({ documentId: a.id });
    expect(outbox(solo.db)).toEqual([]);
    expect(deletions(solo.db)).toEqual({ n: 1 });
  });

  it('a document the team deleted (kept here for own work) is deleted by a translator too, with nothing sent', async () => {
    const { backend, db } = await teamLibrary('translator');
    const doc = await importStorm(backend);
    pushed(db);
    // As applyDeletion leaves it: the server head is the team's deletion.
    db.prepare("UPDATE team_heads SET server_head = 'del-1' WHERE entity_id = ?").run(doc.id);
    db.prepare("INSERT INTO team_entity_heads (entity_id, kind, change_id, payload) VALUES (?, 'document', 'del-1', ?)").run(
      doc.id,
      JSON.stringify({ deleted: true, by: 'Eve' }),
    );
    expect(await backend.api.checkDocumentDeletion({ documentId: doc.id })).toMatchObject({ allowed: true, refusal: null });
    await backend.api.deleteDocument({ documentId: doc.id });
    expect(outbox(db).map((r) => r.kind)).toEqual(['document']);
    expect(deletions(db)).toEqual({ n: 1 });
  });
});
