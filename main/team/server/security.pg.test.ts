/**
 * The server enforces roles and history, whatever the client: members connect with raw `pg`, as
 * psql in their hands would, and try what Verso's client never does.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { usePgDatabase } from './testing/pgTestDatabase.js';
import { addMember, change, initTeam, rawInsert, useMemberConnections, type TestMember } from './testing/teamFixture.js';

describe('the team server refuses what a member may not do', () => {
  const db = usePgDatabase();
  const connectAs = useMemberConnections(db);
  let tina: TestMember; // translator
  let eddie: TestMember; // editor
  let ada: TestMember; // admin

  beforeEach(async () => {
    await initTeam(db);
    tina = await addMember(db, 'tina', 'translator');
    eddie = await addMember(db, 'eddie', 'editor');
    ada = await addMember(db, 'ada', 'admin');
  });

  const signOff = (keyId: string, baseId: string | null) =>
    change({ kind: 'sign-off', baseId, payload: { claim: { paragraphId: 'p-1' }, signature: 'c2ln', keyId } });

  it("refuses a translator's direct INSERT of a sign-off, even with the translator's own registered key", async () => {
    const c = await connectAs(tina);
    await expect(rawInsert(c, signOff(tina.keyId, null))).rejects.toMatchObject({ code: 'VS002' });
    // SET ROLE to the group gives nothing more, and editing the registry is not allowed.
    await c.query('SET ROLE verso_translator');
    await expect(rawInsert(c, signOff(tina.keyId, null))).rejects.toMatchObject({ code: 'VS002' });
    await c.query('RESET ROLE');
    await expect(c.query('SET ROLE verso_editor')).rejects.toMatchObject({ code: '42501' });
    await expect(c.query("UPDATE verso.members SET team_role = 'editor' WHERE role_name = session_user")).rejects.toMatchObject({
      code: '42501',
    });
    await expect(c.query(`GRANT verso_editor TO ${tina.roleName}`)).rejects.toMatchObject({ code: '42501' });
    expect((await db.admin('SELECT count(*)::int AS n FROM verso.changes')).rows[0]).toEqual({ n: 0 });
  });

  it('refuses it by row-level security too, with the trigger out of the way', async () => {
    await db.admin('ALTER TABLE verso.changes DISABLE TRIGGER changes_before_insert');
    const c = await connectAs(tina);
    const s = signOff(tina.keyId, null);
    const insert = (author: string) =>
      c.query(
        `INSERT INTO verso.changes (seq, id, author, kind, document_id, entity_id, payload, client_at, outcome, received_at)
         VALUES (1, $1, $2, 'sign-off', 'doc-1', 'p-1', $3, now(), 'applied', now())`,
        [s.id, author, JSON.stringify(s.payload)],
      );
    await expect(insert(tina.roleName)).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('row-level security') });
    // An editor-claimed author is refused as well: author must be session_user.
    await expect(insert(eddie.roleName)).rejects.toMatchObject({ code: '42501' });
    // A member of the editor group whose membership in this team is translator is still refused.
    await db.admin(`GRANT verso_editor TO ${tina.roleName}`);
    await expect(insert(tina.roleName)).rejects.toMatchObject({ code: '42501' });
  });

  it('refuses an assignment from a translator, takes it from an editor or an admin', async () => {
    const assignment = () =>
      change({ kind: 'assignment', entityId: 'doc-1', payload: { translator: tina.roleName, editor: eddie.roleName } });
    await expect(rawInsert(await connectAs(tina), assignment())).rejects.toMatchObject({ code: 'VS002' });
    const first = assignment();
    expect(await rawInsert(await connectAs(eddie), first)).toMatchObject({ author: eddie.roleName, outcome: 'applied' });
    expect(await rawInsert(await connectAs(ada), assignment())).toMatchObject({ author: ada.roleName, outcome: 'conflict' });
    expect(await rawInsert(await connectAs(ada), { ...assignment(), baseId: first.id })).toMatchObject({ outcome: 'applied' });
  });

  it('keeps history append-only: no UPDATE, DELETE or TRUNCATE for any member, admins included', async () => {
    const t = await connectAs(tina);
    const stored = await rawInsert(t, change());
    for (const m of [tina, eddie, ada]) {
      const c = await connectAs(m);
      await expect(c.query("UPDATE verso.changes SET payload = '{}'")).rejects.toMatchObject({ code: '42501' });
      await expect(c.query('DELETE FROM verso.changes')).rejects.toMatchObject({ code: '42501' });
      await expect(c.query('TRUNCATE verso.changes')).rejects.toMatchObject({ code: '42501' });
      await expect(c.query("UPDATE verso.heads SET conflict_ids = '{}'")).rejects.toMatchObject({ code: '42501' });
      await expect(c.query("INSERT INTO verso.heads (entity_id, head_id) VALUES ('p-9', NULL)")).rejects.toMatchObject({ code: '42501' });
      await expect(c.query("SELECT nextval('verso.change_seq')")).rejects.toMatchObject({ code: '42501' });
      await expect(c.query('SELECT verso.before_change_insert()')).rejects.toMatchObject({
        code: expect.stringMatching(/^(42501|0A000)$/),
      });
      await expect(c.query('CREATE TABLE verso.mine (x int)')).rejects.toMatchObject({ code: '42501' });
    }
    const rows = await db.admin<{ seq: string; payload: unknown }>('SELECT seq, payload FROM verso.changes');
    expect(rows.rows).toEqual([{ seq: stored!.seq, payload: change().payload }]);
  });

  it('overwrites a forged seq, author and outcome', async () => {
    const c = await connectAs(tina);
    const first = await rawInsert(c, change());
    const forged = await rawInsert(c, change(), { seq: 1_000_000, author: eddie.roleName, outcome: 'applied', received_at: '2000-01-01' });
    expect(forged).toEqual({ seq: String(Number(first!.seq) + 1), author: tina.roleName, outcome: 'conflict' });
    const r = await db.admin<{ received_at: Date }>('SELECT received_at FROM verso.changes ORDER BY seq DESC LIMIT 1');
    expect(r.rows[0]!.received_at.getFullYear()).toBeGreaterThan(2000);
  });

  it('refuses a role that is not a member, even one in a verso group', async () => {
    const outsider = db.role('outsider');
    await db.admin(`CREATE ROLE ${outsider} LOGIN PASSWORD 'outsider-pw'; GRANT verso_editor TO ${outsider}`);
    const c = await connectAs({ roleName: outsider, password: 'outsider-pw' });
    await expect(c.query('SELECT 1 FROM verso.changes')).resolves.toBeTruthy(); // the group reads…
    await expect(rawInsert(c, change())).rejects.toMatchObject({ code: 'VS001' }); // …but only members write
  });

  it("refuses a sign-off signed with someone else's key, or with none", async () => {
    const editor2 = await addMember(db, 'erin', 'editor');
    const c = await connectAs(eddie);
    await expect(rawInsert(c, signOff(editor2.keyId, null))).rejects.toMatchObject({ code: 'VS003' });
    await expect(rawInsert(c, change({ kind: 'sign-off', payload: { signature: 'x' } }))).rejects.toMatchObject({ code: 'VS003' });
    expect(await rawInsert(c, signOff(eddie.keyId, null))).toMatchObject({ outcome: 'applied' });
  });

  it('refuses a stale sign-off: not on the head, or while the paragraph is in conflict', async () => {
    const t = await connectAs(tina);
    const e = await connectAs(eddie);
    const edit = change();
    await rawInsert(t, edit);
    await expect(rawInsert(e, signOff(eddie.keyId, null))).rejects.toMatchObject({ code: 'VS004' });
    const rival = change(); // on the same base (null) as `edit`: a conflict
    expect(await rawInsert(e, rival)).toMatchObject({ outcome: 'conflict' });
    await expect(rawInsert(e, signOff(eddie.keyId, edit.id))).rejects.toMatchObject({ code: 'VS004' });
    const resolution = change({ baseId: edit.id, payload: { ...edit.payload, resolves: [rival.id] } });
    expect(await rawInsert(t, resolution)).toMatchObject({ outcome: 'applied' });
    expect(await rawInsert(e, signOff(eddie.keyId, resolution.id))).toMatchObject({ outcome: 'applied' });
    expect((await db.admin('SELECT head_id, conflict_ids FROM verso.heads')).rows).toEqual([
      { head_id: expect.any(String), conflict_ids: [] },
    ]);
  });

  it('keeps two edits on the same base: the second is a conflict and the head does not move; a resolving change clears it', async () => {
    const t = await connectAs(tina);
    const e = await connectAs(eddie);
    const base = change();
    await rawInsert(t, base);
    const mine = change({ baseId: base.id, payload: { ...base.payload, target: 'mine' } });
    const theirs = change({ baseId: base.id, payload: { ...base.payload, target: 'theirs' } });
    expect(await rawInsert(t, mine)).toMatchObject({ outcome: 'applied' });
    expect(await rawInsert(e, theirs)).toMatchObject({ outcome: 'conflict' });
    const head = () =>
      db.admin<{ head_id: string; conflict_ids: string[] }>("SELECT head_id, conflict_ids FROM verso.heads WHERE entity_id = 'p-1'");
    expect((await head()).rows[0]).toEqual({ head_id: mine.id, conflict_ids: [theirs.id] });
    const bogus = change({ baseId: mine.id, payload: { resolves: 'all' } });
    await expect(rawInsert(t, bogus)).rejects.toMatchObject({ code: 'VS005' });
    const keepTheirs = change({ baseId: mine.id, payload: { ...theirs.payload, resolves: [theirs.id, randomUUID()] } });
    expect(await rawInsert(e, keepTheirs)).toMatchObject({ outcome: 'applied' });
    expect((await head()).rows[0]).toEqual({ head_id: keepTheirs.id, conflict_ids: [] });
  });

  it('refuses pushes outside READ COMMITTED (a stale snapshot would misjudge heads)', async () => {
    const c: pg.Client = await connectAs(tina);
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    await expect(rawInsert(c, change())).rejects.toMatchObject({ code: 'VS005' });
    await c.query('ROLLBACK');
  });

  it('runs its SECURITY DEFINER functions with a fixed search_path', async () => {
    const r = await db.admin<{ proname: string; prosecdef: boolean; proconfig: string[] }>(
      "SELECT proname, prosecdef, proconfig FROM pg_proc WHERE pronamespace = 'verso'::regnamespace ORDER BY 1",
    );
    expect(r.rows.map((f) => f.proname)).toEqual(
      expect.arrayContaining(['after_changes_insert', 'before_change_insert', 'check_change_client_at', 'before_document_deletion']),
    );
    // Every function of the schema, later migrations' too.
    for (const f of r.rows) expect(f).toEqual({ proname: f.proname, prosecdef: true, proconfig: ['search_path=pg_catalog, pg_temp'] });
    // A member's own temporary objects cannot shadow what the trigger uses (pg_temp is searched last).
    const c = await connectAs(tina);
    await c.query("CREATE TEMP TABLE members (role_name name, team_role text); INSERT INTO members VALUES (session_user, 'editor')");
    await expect(rawInsert(c, signOff(tina.keyId, null))).rejects.toMatchObject({ code: 'VS002' });
  });
});
