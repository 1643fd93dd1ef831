/**
 * Issue 16 end to end below the UI: two Verso backends (two libraries, the real services, the real
 * capture, outbox, sync loop and apply) on one real PostgreSQL. A translator imports and edits, an
 * editor sees it and signs off, the translator sees the vouched sign-off; two edits from the same
 * base become a conflict on both machines, resolved by Keep mine; both libraries end with the same
 * state hash and nothing waiting.
 */
import { describe, expect, it } from 'vitest';
import { usePgDatabase } from './team/server/testing/pgTestDatabase.js';
import { useTeamLibraries, type TeamLibrary } from './testing/teamLibraries.js';
import { initTeam } from './team/server/testing/teamFixture.js';
import { stateHash } from './team/local/stateHash.js';

const pgdb = usePgDatabase();
const { member, sync } = useTeamLibraries(pgdb);
type Member = TeamLibrary;
const target = async (m: Member, documentId: string, index: number) => (await m.backend.api.getDocument({ documentId })).paragraphs[index]!;

describe('two members on one PostgreSQL', () => {
  it('edit, live sign-off, a conflict kept both ways and resolved; both libraries converge', async () => {
    await initTeam(pgdb);
    const tina = await member('Tina', 'translator');
    const eddie = await member('Eddie', 'editor');

    const doc = await tina.backend.api.importDocument({
      source: { kind: 'text', text: 'The storm hit the coast.\n\nSchools stay closed.', format: 'md' },
      sourceLang: 'en',
      targetLang: 'es',
      title: 'Storm',
    });
    const [p1, p2] = doc.paragraphs.map((p) => p.id) as [string, string];
    await tina.backend.api.updateParagraphTarget({ paragraphId: p1, target: 'La tormenta azotó la costa.' });
    await sync(tina, eddie);
    expect((await target(eddie, doc.id, 0)).target).toBe('La tormenta azotó la costa.');

    await eddie.backend.api.signOffParagraphs({ paragraphIds: [p1] });
    await sync(eddie, tina);
    const signed = await target(tina, doc.id, 0);
    expect(signed.status).toBe('signed-off');
    expect(signed.signatureBroken).toBeFalsy();

    // Both edit paragraph 2 from the same base; Tina's reaches the server first.
    await tina.backend.api.updateParagraphTarget({ paragraphId: p2, target: 'Las escuelas siguen cerradas.' });
    await eddie.backend.api.updateParagraphTarget({ paragraphId: p2, target: 'Los colegios siguen cerrados.' });
    await sync(tina, eddie, tina);
    for (const m of [tina, eddie]) {
      const { conflicts } = await m.backend.api.listTeamConflicts({ documentId: doc.id });
      expect(conflicts.map((c) => c.paragraphId)).toEqual([p2]);
    }
    // Eddie keeps his own text.
    await eddie.backend.api.resolveTeamConflict({ paragraphId: p2, keep: 'mine' });
    await sync(eddie, tina, eddie);
    for (const m of [tina, eddie]) {
      expect((await m.backend.api.listTeamConflicts({ documentId: doc.id })).conflicts).toEqual([]);
      expect((await target(m, doc.id, 1)).target).toBe('Los colegios siguen cerrados.');
      expect((await m.backend.api.getTeamStatus({})).waiting).toBe(0);
    }
    expect(stateHash(tina.sql)).toBe(stateHash(eddie.sql));
    // History is on the server, append-only: every change once.
    const changes = await pgdb.admin<{ n: string }>('SELECT count(*) AS n FROM verso.changes');
    expect(Number(changes.rows[0]!.n)).toBeGreaterThanOrEqual(6);
  });

  it('an edit reaches the other member live (pushed by its loop, pulled on NOTIFY), without Sync now', async () => {
    await initTeam(pgdb);
    const tina = await member('Tina', 'translator');
    const eddie = await member('Eddie', 'editor');
    const doc = await tina.backend.api.importDocument({
      source: { kind: 'text', text: 'Rain is expected.', format: 'md' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    await tina.backend.api.updateParagraphTarget({ paragraphId: doc.paragraphs[0]!.id, target: 'Se espera lluvia.' });
    await expect.poll(async () => (await eddie.backend.api.listLibrary({})).length, { timeout: 20_000, interval: 100 }).toBe(1);
    await expect.poll(async () => (await target(eddie, doc.id, 0)).target, { timeout: 20_000, interval: 100 }).toBe('Se espera lluvia.');
  });

  it('an editor assigns a document; after a sync the translator finds it assigned to her; a translator may not assign', async () => {
    await initTeam(pgdb);
    const tina = await member('Tina', 'translator');
    const eddie = await member('Eddie', 'editor');
    const doc = await tina.backend.api.importDocument({
      source: { kind: 'text', text: 'Power is back.', format: 'md' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    await sync(tina, eddie);
    const tinaRole = pgdb.role('tina');
    const eddieRole = pgdb.role('eddie');
    expect((await eddie.backend.api.listTeamMembers({})).members.map((m) => m.roleName).sort()).toEqual([eddieRole, tinaRole].sort());
    await eddie.backend.api.assignDocument({ documentId: doc.id, translator: tinaRole, editor: eddieRole });
    await sync(eddie, tina);
    expect(await tina.backend.api.listAssignedToMe({})).toEqual({ assignments: [{ documentId: doc.id, as: 'translator' }] });
    expect(await tina.backend.api.getDocumentAssignment({ documentId: doc.id })).toMatchObject({
      canAssign: false,
      translator: { roleName: tinaRole, displayName: 'Tina' },
      editor: { roleName: eddieRole, displayName: 'Eddie' },
    });
    await expect(tina.backend.api.assignDocument({ documentId: doc.id, translator: null, editor: null })).rejects.toMatchObject({
      code: 'TEAM_ASSIGN_NEEDS_EDITOR',
    });
    // The assignment is a change in the server's append-only history.
    const rows = await pgdb.admin<{ entity_id: string }>("SELECT entity_id FROM verso.changes WHERE kind = 'assignment'");
    expect(rows.rows).toEqual([{ entity_id: `assignment:${doc.id}` }]);
    expect((await eddie.backend.api.getTeamStatus({})).waiting).toBe(0);
  });
});
