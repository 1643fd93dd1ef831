/**
 * Server migration 0003: a document deletion (`document` change `{ deleted: true }`) only from an
 * editor or admin — refused by the trigger (VS002) and by row-level security (42501) for a
 * translator, whatever the client; the Verso client reads both as TEAM_ROLE_FORBIDDEN.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TeamServer } from '../ports.js';
import { connectTeamServer } from './teamServerClient.js';
import { usePgDatabase } from './testing/pgTestDatabase.js';
import { addMember, change, initTeam, rawInsert, useMemberConnections, type TestMember } from './testing/teamFixture.js';

describe('document deletions on the team server', () => {
  const db = usePgDatabase();
  const connectAs = useMemberConnections(db);
  const open: TeamServer[] = [];
  let tina: TestMember; // translator
  let eddie: TestMember; // editor
  let ada: TestMember; // admin

  const serverAs = async (m: TestMember): Promise<TeamServer> => {
    const s = await connectTeamServer(
      { host: db.host, port: db.port, database: db.database, user: m.roleName, tls: 'none', caPem: null },
      m.password,
    );
    open.push(s);
    return s;
  };
  const deletion = (payload: Record<string, unknown> = { deleted: true, title: 'Storm' }, entityId = 'doc-1') =>
    change({ kind: 'document', documentId: 'doc-1', entityId, payload });
  const count = async () => (await db.admin<{ n: number }>('SELECT count(*)::int AS n FROM verso.changes')).rows[0]!.n;

  beforeEach(async () => {
    await initTeam(db);
    tina = await addMember(db, 'tina', 'translator');
    eddie = await addMember(db, 'eddie', 'editor');
    ada = await addMember(db, 'ada', 'admin');
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  it("refuses a translator's deletion (a direct INSERT too) and accepts an editor's and an admin's", async () => {
    const t = await connectAs(tina);
    await expect(rawInsert(t, deletion())).rejects.toMatchObject({
      code: 'VS002',
      message: expect.stringContaining('Only editors and admins'),
    });
    // A translator still shares documents: a document change without `deleted` is theirs to make.
    await rawInsert(t, change({ kind: 'document', documentId: 'doc-2', entityId: 'doc-2', payload: { title: 'Rain', paragraphs: [] } }));
    expect(await count()).toBe(1);

    expect(await rawInsert(await connectAs(eddie), deletion())).toMatchObject({ author: eddie.roleName, outcome: 'applied' });
    expect(await rawInsert(await connectAs(ada), deletion(undefined, 'doc-1'))).toMatchObject({ author: ada.roleName });
    expect(await count()).toBe(3);
  });

  it('refuses it by row-level security too, with the trigger out of the way', async () => {
    await db.admin('ALTER TABLE verso.changes DISABLE TRIGGER changes_before_insert_deletion');
    const t = await connectAs(tina);
    await expect(rawInsert(t, deletion())).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('row-level security') });
    // Even as a member of the editor group, a translator of this team may not delete.
    await db.admin(`GRANT verso_editor TO ${tina.roleName}`);
    await expect(rawInsert(t, deletion())).rejects.toMatchObject({ code: '42501' });
    expect(await rawInsert(await connectAs(eddie), deletion())).toMatchObject({ author: eddie.roleName });
  });

  it('refuses a malformed deletion (not `true`, or not on the document itself)', async () => {
    const e = await connectAs(eddie);
    await expect(rawInsert(e, deletion({ deleted: 'yes' }))).rejects.toMatchObject({ code: 'VS005' });
    await expect(rawInsert(e, deletion({ deleted: true }, 'p-1'))).rejects.toMatchObject({ code: 'VS005' });
    expect(await count()).toBe(0);
  });

  it('the client reads the refusal as TEAM_ROLE_FORBIDDEN; a re-pushed accepted deletion is never refused', async () => {
    const c = deletion();
    const refused = await (await serverAs(tina)).push([c]);
    expect(refused).toEqual([{ id: c.id, ok: false, code: 'TEAM_ROLE_FORBIDDEN', message: expect.stringContaining('tina') }]);
    const e = await serverAs(eddie);
    const [accepted] = await e.push([c]);
    expect(accepted).toMatchObject({ id: c.id, ok: true, outcome: 'applied' });
    // Eddie is demoted later: his stored deletion pushed again is answered with its seq, not refused.
    await db.admin(`UPDATE verso.members SET team_role = 'translator' WHERE role_name = '${eddie.roleName}'`);
    expect(await e.push([c])).toEqual([accepted]);
  });
});
