/** Applying a pulled document deletion (fake server, real libraries): deleted as a local deletion is, unless own work on it waits. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibraryRepo } from '../../db/repositories/library/libraryRepo.js';
import { verifyLibrary } from '../../signing/verifyLibrary.js';
import type { TeamMember } from '../ports.js';
import { keptDocuments } from './applyDeletion.js';
import { DOC, localEdit, openTestTeam, P1, type FakeTeamServer, type TeamLibrary, type TestTeam } from './applyTesting.js';
import { deletedByTeam } from './captureDeletion.js';
import { shareKeptDocumentAgain } from './shareExisting.js';
import { stateHash } from './stateHash.js';

let team: TestTeam<'ana' | 'eve'>;
let server: FakeTeamServer;
let ana: TeamLibrary;
let eve: TeamLibrary;
let members: TeamMember[];

beforeEach(() => {
  team = openTestTeam(
    { ana: { displayName: 'Ana Translator', teamRole: 'translator' }, eve: { displayName: 'Eve Editor', teamRole: 'editor' } },
    { documentShared: true },
  );
  ({ server, members } = team);
  ({ ana, eve } = team.libs);
});
afterEach(() => team.close());

/** Eve deletes the document here (as library.ts does: the change, then the rows) and pushes. */
function eveDeletes(payload: Record<string, unknown> = { deleted: true, title: 'Storm' }): void {
  eve.capture('document', DOC, DOC, payload);
  eve.repos.documents.delete(DOC);
  eve.push(server);
}

describe('a pulled document deletion', () => {
  it('deletes the document as a local deletion does: tombstone and audit entry naming the deleter; idempotent', async () => {
    expect(ana.repos.documents.get(DOC)).not.toBeNull();
    eveDeletes();
    const report = ana.pull(server, members);
    expect(report).toMatchObject({ applied: 1, rejected: [] });
    expect(ana.repos.documents.get(DOC)).toBeNull();
    expect(ana.repos.paragraphs.get(P1)).toBeNull();
    const [tombstone] = createLibraryRepo(ana.db).deletions();
    expect(tombstone).toMatchObject({ documentId: DOC, title: 'Storm', deletedBy: 'Eve Editor', role: 'editor', paragraphCount: 2 });
    const audit = ana.db.prepare<[], { payload: string }>("SELECT payload FROM audit_log WHERE kind = 'document-deleted'").all();
    expect(audit.map((a) => JSON.parse(a.payload) as unknown)).toEqual([
      expect.objectContaining({ documentId: DOC, author: 'Eve Editor', profileId: null }),
    ]);
    expect(deletedByTeam(ana.db, DOC)).toBe(true);
    // The deleter's own change comes back: acknowledged, nothing else.
    expect(eve.pull(server, members)).toMatchObject({ acknowledged: 1, rejected: [] });
    expect(eve.db.prepare('SELECT count(*) AS n FROM team_outbox').get()).toEqual({ n: 0 });
    expect(verifyLibrary(ana.db, ana.repos).problems).toEqual([]);
    // Applied again (the cursor set back by hand): the document is gone, nothing more happens.
    const deletion = server.changes.at(-1)!;
    ana.db.prepare("UPDATE team_state SET value = ? WHERE key = 'cursor'").run(String(deletion.seq - 1));
    expect(ana.applier.applyPulled([deletion], members)).toMatchObject({ applied: 0, rejected: [], cursor: deletion.seq });
    expect(createLibraryRepo(ana.db).deletions()).toHaveLength(1);
    expect(stateHash(ana.db)).toBe(stateHash(eve.db));
  });

  it('keeps the document when own work on it has not reached the team, and says so', async () => {
    localEdit(ana, P1, 'Llovió.');
    eveDeletes();
    const report = ana.pull(server, members);
    expect(report.applied).toBe(0);
    expect(report.rejected).toEqual([
      { id: expect.any(String), reason: expect.stringMatching(/^kept “Storm”: Eve Editor deleted it in the team, but 1 change/) },
    ]);
    expect(ana.repos.paragraphs.get(P1)?.target).toBe('Llovió.');
    expect(keptDocuments(ana.db)).toEqual([{ documentId: DOC, title: 'Storm', deletedBy: 'Eve Editor' }]);
    expect(createLibraryRepo(ana.db).deletions()).toEqual([]);
    // The waiting edit still goes out (the server keeps it in its history).
    expect(ana.push(server)).toEqual([expect.objectContaining({ ok: true })]);
  });

  it('a kept document shared again comes back to the team with the work kept here', async () => {
    localEdit(ana, P1, 'Llovió.');
    eveDeletes();
    ana.pull(server, members);
    const again = shareKeptDocumentAgain(ana.db, DOC, '2026-12-04T12:00:00.000Z');
    expect(again).toMatchObject({ kind: 'document', entityId: DOC });
    expect(shareKeptDocumentAgain(ana.db, DOC, '2026-12-04T12:00:01.000Z')).toBeNull(); // already on its way
    expect(keptDocuments(ana.db)).toEqual([]);
    ana.push(server);
    eve.pull(server, members);
    expect(eve.repos.paragraphs.get(P1)?.target).toBe('Llovió.');
    ana.pull(server, members);
    expect(deletedByTeam(ana.db, DOC)).toBe(false);
    expect(shareKeptDocumentAgain(ana.db, DOC, '2026-12-04T12:00:02.000Z')).toBeNull(); // in the team again
    expect(stateHash(ana.db)).toBe(stateHash(eve.db));
  });

  it('a refused change kept here counts as own work too', async () => {
    localEdit(ana, P1, 'Llovió.');
    ana.db.prepare("UPDATE team_outbox SET refused_code = 'TEAM_NOT_MEMBER', refused_message = 'not yet'").run();
    eveDeletes();
    expect(ana.pull(server, members).rejected).toHaveLength(1);
    expect(ana.repos.documents.get(DOC)).not.toBeNull();
  });

  it('rejects a malformed deletion and keeps the document', async () => {
    eve.capture('document', DOC, DOC, { deleted: 'yes' });
    eve.push(server);
    expect(ana.pull(server, members).rejected).toEqual([{ id: expect.any(String), reason: 'malformed document deletion' }]);
    expect(ana.repos.documents.get(DOC)).not.toBeNull();
    expect(deletedByTeam(ana.db, DOC)).toBe(false);
  });
});
