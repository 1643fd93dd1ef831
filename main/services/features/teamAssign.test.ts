/** Assigning a document (issue 16 item 4) over the real backend with in-memory fakes of the team ports. */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend.js';
import { createMemorySecretStore } from '../../engines/secretStore.js';
import { failure } from '../../testing/failure.js';
import { createFakeEngine } from '../../testing/fakeEngine.js';
import { createFakeTeamDatabase, createFakeTeamStore, member } from '../../testing/fakeTeamPorts.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { actAs } from '../../testing/actAs.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

const MEMBERS = [member('ana'), member('tina'), member('ed', 'editor'), member('eddie', 'editor'), member('root', 'admin')];

/** A library connected to the team as `user`, with one document imported while connected (so in the team). */
async function setUp(user: string) {
  const dir = makeTempDir('verso-assign-');
  const server = createFakeTeamDatabase(MEMBERS);
  const store = createFakeTeamStore();
  const backend: Backend = createBackend({
    dataDir: dir,
    mode: 'browser',
    version: '1.0.0',
    engines: [createFakeEngine()],
    secrets: createMemorySecretStore(),
    backups: false,
    integrityCheckIdleMs: null,
    team: { connect: (s, p) => server.connect(s, p), createLocalStore: () => store },
  });
  const sql = new Database(backend.dbPath);
  cleanups.push(() => {
    sql.close();
    backend.close();
    removeTempDir(dir);
  });
  const api = backend.api;
  await actAs(api, { name: 'Someone', role: 'editor' });
  await api.saveTeamSettings({ host: '127.0.0.1', port: 5999, database: 'team', user, tls: 'none', caPem: null, password: 'x' });
  await api.syncTeamNow({});
  // The real local store caches the members at each pull; the fake one does not.
  const insert = sql.prepare('INSERT OR REPLACE INTO team_members (role_name, display_name, team_role) VALUES (?, ?, ?)');
  for (const m of MEMBERS) insert.run(m.roleName, m.displayName, m.teamRole);
  const doc = await api.importDocument({ source: { kind: 'text', text: 'One.', format: 'md' }, sourceLang: 'en', targetLang: 'es' });
  const snapshot = () => ({
    assignments: sql.prepare('SELECT * FROM team_assignments').all(),
    outbox: sql.prepare("SELECT change_id, entity_id, base_id, payload FROM team_outbox WHERE kind = 'assignment' ORDER BY rowid").all(),
  });
  return { api, sql, doc, snapshot };
}

describe('assignDocument', () => {
  it('an editor assigns: the row is written and one assignment change goes to the outbox, chained on the last one', async () => {
    const { api, doc, snapshot } = await setUp('ed');
    expect(await api.getDocumentAssignment({ documentId: doc.id })).toEqual({
      documentId: doc.id,
      inTeam: true,
      canAssign: true,
      translator: null,
      editor: null,
    });
    const view = await api.assignDocument({ documentId: doc.id, translator: 'tina', editor: 'eddie' });
    expect(view).toMatchObject({
      translator: { roleName: 'tina', displayName: 'Tina', teamRole: 'translator' },
      editor: { roleName: 'eddie', displayName: 'Eddie', teamRole: 'editor' },
    });
    const first = snapshot();
    expect(first.outbox).toHaveLength(1);
    const [c1] = first.outbox as { change_id: string; entity_id: string; base_id: string | null; payload: string }[];
    expect(c1).toMatchObject({ entity_id: `assignment:${doc.id}`, base_id: null });
    expect(JSON.parse(c1!.payload)).toEqual({ translator: 'tina', editor: 'eddie' });
    expect(first.assignments).toEqual([{ document_id: doc.id, translator: 'tina', editor: 'eddie', change_id: c1!.change_id }]);

    // A second assignment is based on the first (addChange chains on the local head); nobody is null.
    await api.assignDocument({ documentId: doc.id, translator: 'ana', editor: null });
    const { outbox, assignments } = snapshot() as { outbox: { change_id: string; base_id: string | null }[]; assignments: unknown[] };
    expect(outbox).toHaveLength(2);
    expect(outbox[1]!.base_id).toBe(c1!.change_id);
    expect(assignments).toEqual([{ document_id: doc.id, translator: 'ana', editor: null, change_id: outbox[1]!.change_id }]);
    // The members are the cached ones, by display name.
    expect((await api.listTeamMembers({})).members.map((m) => m.roleName)).toEqual(['ana', 'ed', 'eddie', 'root', 'tina']);
  });

  it('an admin may assign; a translator is refused and nothing changes', async () => {
    const admin = await setUp('root');
    await admin.api.assignDocument({ documentId: admin.doc.id, translator: 'ana', editor: 'ed' });
    expect(admin.snapshot().outbox).toHaveLength(1);

    const { api, doc, snapshot } = await setUp('ana');
    expect((await api.getDocumentAssignment({ documentId: doc.id })).canAssign).toBe(false);
    const before = snapshot();
    expect(await failure(api.assignDocument({ documentId: doc.id, translator: 'tina', editor: 'ed' }))).toMatchObject({
      code: 'TEAM_ASSIGN_NEEDS_EDITOR',
    });
    expect(snapshot()).toEqual(before);
  });

  it('refuses an unknown member, an editor slot given a translator, a document not in the team; nothing changes', async () => {
    const { api, doc, sql, snapshot } = await setUp('ed');
    const before = snapshot();
    expect(await failure(api.assignDocument({ documentId: doc.id, translator: 'nobody', editor: null }))).toMatchObject({
      code: 'TEAM_MEMBER_UNKNOWN',
      details: { roleName: 'nobody', as: 'translator' },
    });
    expect(await failure(api.assignDocument({ documentId: doc.id, translator: null, editor: 'tina' }))).toMatchObject({
      code: 'TEAM_MEMBER_UNKNOWN',
      details: { roleName: 'tina', as: 'editor' },
    });
    sql.prepare('DELETE FROM team_heads WHERE entity_id = ?').run(doc.id);
    expect(await failure(api.assignDocument({ documentId: doc.id, translator: 'tina', editor: 'ed' }))).toMatchObject({
      code: 'TEAM_DOCUMENT_NOT_IN_TEAM',
    });
    expect(await failure(api.assignDocument({ documentId: 'no-such-doc', translator: null, editor: null }))).toMatchObject({
      code: 'DOCUMENT_NOT_FOUND',
    });
    expect(snapshot()).toEqual(before);
  });

  it('outside a team: nothing to assign, no members', async () => {
    const { api, doc } = await setUp('ed');
    await api.forgetTeamSettings({});
    expect(await failure(api.assignDocument({ documentId: doc.id, translator: null, editor: null }))).toMatchObject({
      code: 'TEAM_NOT_CONFIGURED',
    });
    expect(await api.listTeamMembers({})).toEqual({ members: [] });
    expect((await api.getDocumentAssignment({ documentId: doc.id })).canAssign).toBe(false);
  });
});
