/** Settings → Team over the real backend with in-memory fakes of the team ports: settings, password, status, conflicts, assignments. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend.js';
import { createMemorySecretStore, type SecretStore } from '../../engines/secretStore.js';
import { captureActive } from '../../team/local/captureSwitch.js';
import { ServiceError } from '../../core/serviceError.js';
import { failure } from '../../testing/failure.js';
import { createFakeEngine } from '../../testing/fakeEngine.js';
import { createFakeTeamDatabase, createFakeTeamStore, type FakeTeamDatabase, type FakeTeamStore } from '../../testing/fakeTeamPorts.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { actAs } from '../../testing/actAs.js';

const CA_PEM = fs.readFileSync(path.join(import.meta.dirname, '../../testing/fixtures/team-ca.pem'), 'utf8');
const loopback = { host: '127.0.0.1', port: 5999, database: 'team', user: 'ana', tls: 'none' as const, caPem: null };

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

interface Harness {
  backend: Backend;
  server: FakeTeamDatabase;
  store: FakeTeamStore;
  secrets: SecretStore;
  sql: Database.Database;
}

function setUp(options: { team?: boolean; secrets?: SecretStore } = {}): Harness {
  const dir = makeTempDir('verso-team-');
  const server = createFakeTeamDatabase();
  const store = createFakeTeamStore();
  const secrets = options.secrets ?? createMemorySecretStore();
  const backend = createBackend({
    dataDir: dir,
    mode: 'browser',
    version: '1.0.0',
    engines: [createFakeEngine()],
    secrets,
    backups: false,
    integrityCheckIdleMs: null,
    ...(options.team === false ? {} : { team: { connect: (s, p) => server.connect(s, p), createLocalStore: () => store } }),
  });
  const sql = new Database(backend.dbPath);
  cleanups.push(() => {
    sql.close();
    backend.close();
    removeTempDir(dir);
  });
  return { backend, server, store, secrets, sql };
}

describe('team settings and status', () => {
  it('starts not configured; saving a loopback server connects, the password is stored apart and never shown', async () => {
    const { backend, secrets, sql, store } = setUp();
    expect(await backend.api.getTeamStatus({})).toMatchObject({ available: true, configured: false, state: 'not-configured', me: null });
    store.write({ entityId: 'p1' });
    await backend.api.saveTeamSettings({ ...loopback, password: 'pa55-word' });
    const status = await backend.api.syncTeamNow({});
    expect(status).toMatchObject({
      configured: true,
      state: 'online',
      waiting: 0,
      lastError: null,
      me: { roleName: 'ana', displayName: 'Ana', teamRole: 'translator' },
      settings: { host: '127.0.0.1', port: 5999, database: 'team', user: 'ana', tls: 'none', caSubject: null, passwordSet: true },
    });
    expect(status.lastSyncAt).not.toBeNull();
    expect(JSON.stringify(status)).not.toContain('pa55-word');
    expect(await secrets.get('team')).toBe('pa55-word');
    expect(JSON.stringify(sql.prepare('SELECT * FROM settings').all())).not.toContain('pa55-word');
    // team_state.me is written: capture is on.
    expect(captureActive(sql)).toBe(true);
  });

  it('refuses a plain connection to another machine, and TLS without a readable CA certificate; nothing is saved', async () => {
    const { backend } = setUp();
    for (const host of ['10.0.0.5', 'team.example.org', '[2001:db8::1]']) {
      expect(await failure(backend.api.saveTeamSettings({ ...loopback, host, password: 'x' }))).toMatchObject({
        code: 'TEAM_TLS_REQUIRED',
        details: { host },
      });
    }
    expect(
      await failure(
        backend.api.saveTeamSettings({ ...loopback, host: 'team.example.org', tls: 'verify-full', caPem: null, password: 'x' }),
      ),
    ).toMatchObject({ code: 'TEAM_CA_INVALID', details: { reason: 'missing' } });
    expect(
      await failure(
        backend.api.saveTeamSettings({ ...loopback, host: 'team.example.org', tls: 'verify-full', caPem: 'hello', password: 'x' }),
      ),
    ).toMatchObject({ code: 'TEAM_CA_INVALID', details: { reason: 'not-pem' } });
    expect(await failure(backend.api.saveTeamSettings({ ...loopback, host: 'http://x/', password: 'x' }))).toMatchObject({
      code: 'TEAM_HOST_INVALID',
    });
    expect((await backend.api.getTeamStatus({})).configured).toBe(false);
  });

  it('accepts loopback names and a Unix socket without TLS, and a remote server with the CA certificate', async () => {
    const { backend, server } = setUp();
    for (const host of ['localhost', '127.0.0.2', '::1', '[::1]', '/var/run/postgresql']) {
      const status = await backend.api.saveTeamSettings({ ...loopback, host, password: 'x' });
      expect(status.settings?.host).toBe(host);
    }
    server.refuseConnections = new Error('getaddrinfo ENOTFOUND team.example.org');
    const status = await backend.api.saveTeamSettings({
      ...loopback,
      host: 'team.example.org',
      tls: 'verify-full',
      caPem: CA_PEM,
      password: 'x',
    });
    expect(status.settings).toMatchObject({ tls: 'verify-full', caSubject: 'CN=Verso Test Team CA, O=Verso' });
    expect(server.connects.at(-1)?.settings.caPem).toContain('BEGIN CERTIFICATE');
    const after = await backend.api.syncTeamNow({});
    expect(after).toMatchObject({ state: 'offline' });
    expect(after.lastError).toContain('ENOTFOUND');
  });

  it('keeps the stored password only for the same login; another user needs one', async () => {
    const { backend } = setUp();
    expect(await failure(backend.api.saveTeamSettings(loopback))).toMatchObject({ code: 'TEAM_PASSWORD_MISSING' });
    await backend.api.saveTeamSettings({ ...loopback, password: 'one' });
    expect((await backend.api.saveTeamSettings({ ...loopback, port: 5999 })).settings?.passwordSet).toBe(true);
    expect(await failure(backend.api.saveTeamSettings({ ...loopback, user: 'ed' }))).toMatchObject({ code: 'TEAM_PASSWORD_MISSING' });
    expect((await backend.api.getTeamStatus({})).settings?.user).toBe('ana');
  });

  it('uses VERSO_TEAM_PASSWORD when no password is given; a key store that refuses is said for the password', async () => {
    const env = setUp({ secrets: createMemorySecretStore({ VERSO_TEAM_PASSWORD: 'from-env' }) });
    expect((await env.backend.api.saveTeamSettings(loopback)).settings?.passwordSet).toBe(true);
    expect((await env.backend.api.syncTeamNow({})).state).toBe('online');
    expect(env.server.connects.at(-1)?.password).toBe('from-env');

    const refusing: SecretStore = {
      ...createMemorySecretStore(),
      set: () => Promise.reject(new ServiceError('KEY_STORE_PLAIN_TEXT', 'No keyring is running.')),
    };
    const { backend } = setUp({ secrets: refusing });
    expect(await failure(backend.api.saveTeamSettings({ ...loopback, password: 'x' }))).toMatchObject({
      code: 'TEAM_PASSWORD_NOT_STORED',
      details: { reason: 'KEY_STORE_PLAIN_TEXT' },
    });
    expect((await backend.api.getTeamStatus({})).configured).toBe(false);
  });

  it('forget stops syncing, drops the server and password and stops capture; waiting changes stay', async () => {
    const { backend, server, store, secrets, sql } = setUp();
    await backend.api.saveTeamSettings({ ...loopback, password: 'x' });
    await backend.api.syncTeamNow({});
    server.refuseConnections = new Error('connect ECONNREFUSED 127.0.0.1:5999');
    store.write({ entityId: 'p1' });
    const status = await backend.api.forgetTeamSettings({});
    expect(status).toMatchObject({ configured: false, state: 'not-configured', settings: null, me: null, waiting: 1 });
    expect(await secrets.get('team')).toBeNull();
    expect(captureActive(sql)).toBe(false);
    expect(server.open).toBe(0);
    expect(await failure(backend.api.syncTeamNow({}))).toMatchObject({ code: 'TEAM_NOT_CONFIGURED' });
  });

  it('lists refused changes with their reason', async () => {
    const { backend, sql } = setUp();
    sql
      .prepare(
        `INSERT INTO team_outbox (change_id, kind, document_id, entity_id, base_id, payload, client_at, refused_code, refused_message)
         VALUES ('c1', 'sign-off', 'doc-1', 'p1', NULL, '{}', 'now', 'TEAM_SIGN_OFF_STALE', 'the paragraph changed')`,
      )
      .run();
    expect((await backend.api.getTeamStatus({})).refusals).toEqual([
      {
        changeId: 'c1',
        kind: 'sign-off',
        documentId: 'doc-1',
        documentTitle: null,
        code: 'TEAM_SIGN_OFF_STALE',
        message: 'the paragraph changed',
      },
    ]);
  });

  it('without the team ports the status says so and Sync now is refused', async () => {
    const { backend } = setUp({ team: false });
    expect(await backend.api.getTeamStatus({})).toMatchObject({ available: false, state: 'not-configured' });
    await backend.api.saveTeamSettings({ ...loopback, password: 'x' });
    expect(await backend.api.getTeamStatus({})).toMatchObject({ available: false, configured: true, state: 'offline' });
    expect(await failure(backend.api.syncTeamNow({}))).toMatchObject({ code: 'TEAM_UNAVAILABLE' });
    expect(await backend.api.listTeamConflicts({ documentId: 'doc-1' })).toEqual({ conflicts: [] });
  });
});

describe('team sync and the library lifecycle', () => {
  it('closing the backend mid-push closes the connection; the change stays in the outbox', async () => {
    const { backend, server, store } = setUp();
    // A push that hangs until its connection is closed (as node-postgres rejects a query then).
    let pushing!: () => void;
    const started = new Promise<void>((resolve) => (pushing = resolve));
    const connect = server.connect.bind(server);
    server.connect = async (s, p) => {
      const real = await connect(s, p);
      let cut!: (err: Error) => void;
      const closed = new Promise<never>((_, reject) => (cut = reject));
      closed.catch(() => undefined);
      return {
        ...real,
        push: () => (pushing(), closed),
        close: async () => (cut(new Error('Connection terminated')), real.close()),
      };
    };
    store.write({ entityId: 'p1' });
    await backend.api.saveTeamSettings({ ...loopback, password: 'x' });
    await started;
    backend.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.open).toBe(0);
    expect(store.waitingCount()).toBe(1);
    expect(server.changes).toEqual([]);
  });

  it('a restore stops the loop and the restored library syncs again', async () => {
    const { backend, server } = setUp();
    await backend.api.saveTeamSettings({ ...loopback, password: 'x' });
    await backend.api.syncTeamNow({});
    const backup = await backend.api.createBackup({});
    const connects = server.connects.length;
    await backend.api.restoreBackup({ fileName: backup.fileName });
    expect((await backend.api.syncTeamNow({})).state).toBe('online');
    expect(server.connects.length).toBeGreaterThan(connects);
    expect(server.open).toBe(1);
  });
});

describe('team conflicts and assignments', () => {
  async function withDocument(h: Harness) {
    await actAs(h.backend.api, { name: 'Ana', role: 'translator' });
    const doc = await h.backend.api.importDocument({
      source: { kind: 'text', text: 'One.\n\nTwo.', format: 'md' },
      sourceLang: 'en',
      targetLang: 'es',
    });
    await h.backend.api.saveTeamSettings({ ...loopback, password: 'x' });
    await h.backend.api.syncTeamNow({});
    return doc;
  }
  const side = (changeId: string, author: string, text: string) => ({ changeId, author, text, at: '2026-12-03T10:00:00.000Z' });

  it('"mine" is the side this member wrote; Keep mine and Keep theirs resolve with that side', async () => {
    const h = setUp();
    const doc = await withDocument(h);
    const [p1, p2] = doc.paragraphs;
    h.store.openConflicts = [
      { paragraphId: p1!.id, documentId: doc.id, head: side('h1', 'ed', 'Uno.'), other: side('o1', 'ana', 'Un.') },
      { paragraphId: p2!.id, documentId: doc.id, head: side('h2', 'ana', 'Dos.'), other: side('o2', 'ed', 'Dos!') },
    ];
    const { conflicts } = await h.backend.api.listTeamConflicts({ documentId: doc.id });
    expect(conflicts.map((c) => [c.mine.changeId, c.theirs.changeId, c.ownSide])).toEqual([
      ['o1', 'h1', true],
      ['h2', 'o2', true],
    ]);
    const left = await h.backend.api.resolveTeamConflict({ paragraphId: p1!.id, keep: 'mine' });
    expect(left.conflicts.map((c) => c.paragraphId)).toEqual([p2!.id]);
    await h.backend.api.resolveTeamConflict({ paragraphId: p2!.id, keep: 'theirs' });
    expect(h.store.resolved).toEqual([
      { paragraphId: p1!.id, keep: { changeId: 'o1' } },
      { paragraphId: p2!.id, keep: { changeId: 'o2' } },
    ]);
    expect(await failure(h.backend.api.resolveTeamConflict({ paragraphId: p1!.id, keep: 'theirs' }))).toMatchObject({
      code: 'TEAM_CONFLICT_NOT_FOUND',
    });
  });

  it('when neither side is mine, "theirs" is the head; an edit resolves with its text', async () => {
    const h = setUp();
    const doc = await withDocument(h);
    const p1 = doc.paragraphs[0]!;
    h.store.openConflicts = [{ paragraphId: p1.id, documentId: doc.id, head: side('h1', 'ed', 'Uno.'), other: side('o1', 'eve', 'Un.') }];
    const [view] = (await h.backend.api.listTeamConflicts({ documentId: doc.id })).conflicts;
    expect(view).toMatchObject({ theirs: { changeId: 'h1' }, mine: { changeId: 'o1' }, ownSide: false });
    await h.backend.api.resolveTeamConflict({ paragraphId: p1.id, keep: 'edited', text: 'Uno, editado.' });
    expect(h.store.resolved).toEqual([{ paragraphId: p1.id, keep: { text: 'Uno, editado.' } }]);
  });

  it('lists the documents assigned to me', async () => {
    const h = setUp();
    const doc = await withDocument(h);
    expect(await h.backend.api.listAssignedToMe({})).toEqual({ assignments: [] });
    h.sql.prepare("INSERT INTO team_assignments (document_id, translator, editor, change_id) VALUES (?, 'ana', 'ed', 'c1')").run(doc.id);
    expect(await h.backend.api.listAssignedToMe({})).toEqual({ assignments: [{ documentId: doc.id, as: 'translator' }] });
  });
});
