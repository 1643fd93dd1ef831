/**
 * A re-import in a team on a real PostgreSQL (issue 16; captureReimport.ts, applyReimport.ts): two
 * Verso backends with the real services, capture, sync loop and apply. The server takes the
 * re-import as a `document` change from any member (no server migration); the other member gets
 * the same paragraphs (ids, sources, texts, statuses), an edit of the changed paragraph made
 * concurrently is kept as a conflict on both, and both libraries end with the same state hash.
 */
import { describe, expect, it } from 'vitest';
import { usePgDatabase } from './team/server/testing/pgTestDatabase.js';
import { useTeamLibraries, type TeamLibrary } from './testing/teamLibraries.js';
import { initTeam } from './team/server/testing/teamFixture.js';
import { stateHash } from './team/local/stateHash.js';

const pgdb = usePgDatabase();
const { member, sync } = useTeamLibraries(pgdb);
type Member = TeamLibrary;
const md = (text: string) => ({ kind: 'text' as const, text, format: 'md' as const });
const paragraphs = async (m: Member, documentId: string) =>
  (await m.backend.api.getDocument({ documentId })).paragraphs.map(({ id, index, source, target, status }) => ({
    id,
    index,
    source,
    target,
    status,
  }));

const ORIGINAL =
  'The storm hit the northern coast on Sunday night.\n\nSchools in the region will stay closed on Monday.\n\nThe mayor asked residents to avoid the beaches.';
const REVISED =
  'The storm hit the northern coast on Sunday night.\n\nSchools in the region will stay closed on Monday and Tuesday.\n\nEmergency shelters opened in three towns.';

describe('a re-import between two members on one PostgreSQL', () => {
  it('the other member gets the same paragraphs; a concurrent edit of the changed paragraph is a conflict on both; any member may re-import', async () => {
    await initTeam(pgdb);
    const tina = await member('Tina', 'translator');
    const eddie = await member('Eddie', 'editor');
    const doc = await tina.backend.api.importDocument({ source: md(ORIGINAL), sourceLang: 'en', targetLang: 'es', title: 'Storm' });
    const [p1, p2] = doc.paragraphs.map((p) => p.id) as [string, string, string];
    await tina.backend.api.updateParagraphTarget({ paragraphId: p1, target: 'La tormenta azotó la costa norte el domingo.' });
    await tina.backend.api.updateParagraphTarget({ paragraphId: p2, target: 'Las escuelas seguirán cerradas el lunes.' });
    await sync(tina, eddie, tina);
    expect(await paragraphs(eddie, doc.id)).toEqual(await paragraphs(tina, doc.id));

    // Eddie's edit of paragraph 2 reaches the server first; Tina re-imports on the text she had.
    const edText = 'Los colegios de la región seguirán cerrados el lunes.';
    await eddie.backend.api.updateParagraphTarget({ paragraphId: p2, target: edText });
    await sync(eddie);
    await tina.backend.api.reimportDocument({ documentId: doc.id, source: md(REVISED) });
    await sync(tina, eddie, tina);

    expect((await paragraphs(tina, doc.id)).map((p) => p.source)).toEqual(REVISED.split('\n\n'));
    expect(await paragraphs(eddie, doc.id)).toEqual(await paragraphs(tina, doc.id));
    for (const m of [tina, eddie]) {
      const { conflicts } = await m.backend.api.listTeamConflicts({ documentId: doc.id });
      const texts = conflicts.flatMap((c) => [c.mine.text, c.theirs.text]);
      // Eddie's edit is never silently gone: it is the text, or one side of a conflict.
      const current = (await paragraphs(m, doc.id))[1]!.target;
      expect(current === edText || texts.includes(edText)).toBe(true);
      expect((await m.backend.api.getTeamStatus({})).waiting).toBe(0);
    }
    expect(stateHash(eddie.sql)).toBe(stateHash(tina.sql));

    // Eddie re-imports too (any member may); Tina gets his version.
    const third = `${REVISED}\n\nThe coast guard rescued two fishermen.`;
    await eddie.backend.api.reimportDocument({ documentId: doc.id, source: md(third) });
    await sync(eddie, tina);
    expect((await paragraphs(tina, doc.id)).map((p) => p.source)).toEqual(third.split('\n\n'));
    expect(stateHash(eddie.sql)).toBe(stateHash(tina.sql));
    const kinds = await pgdb.admin<{ n: string }>(
      "SELECT count(*) AS n FROM verso.changes WHERE kind = 'document' AND payload ? 'reimport'",
    );
    expect(Number(kinds.rows[0]!.n)).toBe(2);
  });
});
