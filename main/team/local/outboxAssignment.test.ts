/**
 * Assignments in the local audit chain, and a refused assignment taken back: the real backend and
 * local store (capture, outbox, apply) with an in-memory team server that refuses chosen changes.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../backend.js';
import { createMemorySecretStore } from '../../engines/secretStore.js';
import { actAs } from '../../testing/actAs.js';
import { createFakeEngine } from '../../testing/fakeEngine.js';
import { createFakeTeamDatabase, member } from '../../testing/fakeTeamPorts.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { teamPorts } from '../../teamPorts.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

async function editorLibrary() {
  const dir = makeTempDir('verso-assign-refused-');
  const server = createFakeTeamDatabase([member('tina'), member('ana'), member('ed', 'editor')]);
  const backend = createBackend({
    dataDir: dir,
    mode: 'browser',
    version: '1.0.0',
    engines: [createFakeEngine()],
    secrets: createMemorySecretStore(),
    backups: false,
    integrityCheckIdleMs: null,
    // No poll: pushes happen on Sync now only, so a test can pick the change the server refuses.
    team: { connect: (s, p) => server.connect(s, p), createLocalStore: teamPorts.createLocalStore, tuning: { pollMs: 3_600_000 } },
  });
  const sql = new Database(backend.dbPath, { readonly: true });
  cleanups.push(() => {
    sql.close();
    backend.close();
    removeTempDir(dir);
  });
  const api = backend.api;
  await actAs(api, { name: 'Ed', role: 'editor' });
  await api.saveTeamSettings({ host: '127.0.0.1', port: 5999, database: 'team', user: 'ed', tls: 'none', caPem: null, password: 'x' });
  const doc = await api.importDocument({ source: { kind: 'text', text: 'One.', format: 'md' }, sourceLang: 'en', targetLang: 'es' });
  await api.syncTeamNow({});
  const entries = () =>
    sql
      .prepare<[], { payload: string }>("SELECT payload FROM audit_log WHERE kind = 'team-assignment' ORDER BY seq")
      .all()
      .map((r) => JSON.parse(r.payload) as Record<string, unknown>);
  const lastAssignmentChange = () =>
    sql.prepare<[], { change_id: string }>("SELECT change_id FROM team_outbox WHERE kind = 'assignment' ORDER BY rowid DESC").get()!
      .change_id;
  return { api, sql, server, doc, entries, lastAssignmentChange };
}

describe('assignments: audited locally, taken back when refused', () => {
  it('each assignment made here is an audit entry; the library check still passes', async () => {
    const { api, doc, entries, lastAssignmentChange } = await editorLibrary();
    await api.assignDocument({ documentId: doc.id, translator: 'tina', editor: 'ed' });
    const id = lastAssignmentChange();
    expect(entries()).toEqual([
      expect.objectContaining({
        type: 'verso.team-assignment.v1',
        documentId: doc.id,
        changeId: id,
        translator: 'tina',
        editor: 'ed',
        how: 'assigned',
        by: 'ed',
        reason: null,
      }),
    ]);
    await api.syncTeamNow({});
    // Acknowledged: its own change coming back is not a second write.
    expect(entries()).toHaveLength(1);
  });

  it('a refused assignment goes back to the head value, is audited as taken back, and is listed with the reason', async () => {
    const { api, sql, server, doc, entries, lastAssignmentChange } = await editorLibrary();
    await api.assignDocument({ documentId: doc.id, translator: 'tina', editor: 'ed' });
    const head = lastAssignmentChange();
    await api.syncTeamNow({});
    await api.assignDocument({ documentId: doc.id, translator: 'ana', editor: null });
    const refused = lastAssignmentChange();
    server.refuse.add(refused);
    const status = await api.syncTeamNow({});

    expect(sql.prepare('SELECT translator, editor, change_id FROM team_assignments').all()).toEqual([
      { translator: 'tina', editor: 'ed', change_id: head },
    ]);
    expect(await api.getDocumentAssignment({ documentId: doc.id })).toMatchObject({
      translator: { roleName: 'tina' },
      editor: { roleName: 'ed' },
    });
    expect(status.refusals).toEqual([
      expect.objectContaining({ changeId: refused, kind: 'assignment', code: 'TEAM_ROLE_FORBIDDEN', documentTitle: expect.any(String) }),
    ]);
    expect(status.waiting).toBe(0);
    expect(entries().map((e) => [e.how, e.translator, e.by])).toEqual([
      ['assigned', 'tina', 'ed'],
      ['assigned', 'ana', 'ed'],
      ['taken-back', 'tina', 'Team server'],
    ]);
    expect(entries()[2]!.reason).toContain('TEAM_ROLE_FORBIDDEN');
    // The next assignment builds on the head again, not on the refused change.
    await api.assignDocument({ documentId: doc.id, translator: 'ana', editor: 'ed' });
    expect(
      sql.prepare<[], { base_id: string }>("SELECT base_id FROM team_outbox WHERE kind = 'assignment' ORDER BY rowid DESC").get()!.base_id,
    ).toBe(head);
  });

  it('a refused first assignment (no head) leaves the document unassigned', async () => {
    const { api, sql, server, doc, lastAssignmentChange } = await editorLibrary();
    await api.assignDocument({ documentId: doc.id, translator: 'tina', editor: null });
    server.refuse.add(lastAssignmentChange());
    await api.syncTeamNow({});
    expect(sql.prepare('SELECT * FROM team_assignments').all()).toEqual([]);
    expect(await api.getDocumentAssignment({ documentId: doc.id })).toMatchObject({ translator: null, editor: null });
  });
});
