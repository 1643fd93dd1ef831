/**
 * Issue 16, documents made before joining and deletions, below the UI: two Verso backends on one
 * real PostgreSQL (the real services, capture, outbox, sync loop and apply). An editor's library
 * had a document (one paragraph signed off) before it joined: connecting shares it, and the
 * translator gets it with the vouched sign-off. The translator's Delete is refused locally; a
 * deletion change from the translator anyway (as an older client would send) is refused by the
 * server and the document stays everywhere; the editor's deletion reaches the translator.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../shared/types.js';
import { failure } from './testing/failure.js';
import { addChange } from './team/local/outboxStore.js';
import { stateHash } from './team/local/stateHash.js';
import { usePgDatabase } from './team/server/testing/pgTestDatabase.js';
import { useTeamLibraries, type TeamLibrary } from './testing/teamLibraries.js';
import { initTeam } from './team/server/testing/teamFixture.js';

const pgdb = usePgDatabase();
const libraries = useTeamLibraries(pgdb);
const { sync } = libraries;
type Member = TeamLibrary;

/** A library with a profile; `connect` registers it with the team (its key) the first time and saves the team settings. */
async function library(name: string, role: Role): Promise<Member> {
  const m = await libraries.library(name, role, { writableSql: true });
  let registered = false;
  const connect = async () => {
    if (!registered) await m.register();
    registered = true;
    await m.connect();
  };
  return { ...m, connect };
}

describe('documents made before joining, and deletions, on one PostgreSQL', () => {
  it('shares an existing library on connect; only an editor deletes a team document', async () => {
    await initTeam(pgdb);
    const eddie = await library('Eddie', 'editor');
    const doc = await eddie.backend.api.importDocument({
      source: { kind: 'text', text: 'The storm hit the coast.\n\nSchools stay closed.', format: 'md' },
      sourceLang: 'en',
      targetLang: 'es',
      title: 'Storm',
    });
    const [p1] = doc.paragraphs.map((p) => p.id) as [string, string];
    await eddie.backend.api.updateParagraphTarget({ paragraphId: p1, target: 'La tormenta azotó la costa.' });
    await eddie.backend.api.signOffParagraphs({ paragraphIds: [p1] });
    const rain = await eddie.backend.api.importDocument({
      source: { kind: 'text', text: 'Rain fell.', format: 'txt' },
      sourceLang: 'en',
      targetLang: 'es',
      title: 'Rain',
    });

    await eddie.connect();
    await sync(eddie);
    expect((await eddie.backend.api.getTeamStatus({})).documents).toEqual({ shared: 2, notShared: 0, kept: [] });
    const tina = await library('Tina', 'translator');
    await tina.connect();
    await sync(tina);
    const got = await tina.backend.api.getDocument({ documentId: doc.id });
    expect(got.title).toBe('Storm');
    expect(got.paragraphs[0]).toMatchObject({ target: 'La tormenta azotó la costa.', status: 'signed-off' });
    expect(got.paragraphs[0]!.signatureBroken).toBeFalsy();
    // A second connect shares nothing twice.
    await eddie.connect();
    const changes = async () => Number((await pgdb.admin<{ n: string }>('SELECT count(*) AS n FROM verso.changes')).rows[0]!.n);
    expect(await changes()).toBe(3); // two documents and the sign-off
    expect((await tina.backend.api.getTeamStatus({})).documents).toEqual({ shared: 2, notShared: 0, kept: [] });

    // Tina's Delete is refused here, before anything is deleted (Storm: it has a sign-off; Rain: it is the team's).
    expect((await failure(tina.backend.api.deleteDocument({ documentId: doc.id }))).code).toBe('LIBRARY_DELETE_NEEDS_EDITOR');
    const refused = await failure(tina.backend.api.deleteDocument({ documentId: rain.id }));
    expect(refused).toMatchObject({ code: 'TEAM_DELETE_NEEDS_EDITOR', details: { title: 'Rain' } });
    // Her deletion change sent anyway (an older client): refused by the server, the document stays everywhere.
    addChange(tina.sql, {
      kind: 'document',
      documentId: rain.id,
      entityId: rain.id,
      payload: { deleted: true, title: 'Rain' },
      at: '2026-12-04T12:00:00Z',
    });
    await sync(tina, eddie);
    const status = await tina.backend.api.getTeamStatus({});
    expect(status.refusals).toEqual([expect.objectContaining({ kind: 'document', documentTitle: 'Rain', code: 'TEAM_ROLE_FORBIDDEN' })]);
    expect(status.refusals[0]!.message).toContain('Only editors and admins delete team documents');
    expect(await changes()).toBe(3);
    expect((await eddie.backend.api.getDocument({ documentId: rain.id })).title).toBe('Rain');
    expect((await tina.backend.api.getDocument({ documentId: rain.id })).title).toBe('Rain');

    // Eddie's deletion reaches Tina.
    // (Her refused deletion stays listed; it is not work that keeps the document when the team deletes it.)
    await eddie.backend.api.deleteDocument({ documentId: rain.id });
    await sync(eddie, tina);
    expect(await changes()).toBe(4);
    expect((await tina.backend.api.listLibrary({})).map((d) => d.title)).toEqual(['Storm']);
    expect(await tina.backend.api.listDocumentDeletions({})).toEqual([expect.objectContaining({ title: 'Rain', deletedBy: 'Eddie' })]);
    expect(stateHash(tina.sql)).toBe(stateHash(eddie.sql));
  });
});
