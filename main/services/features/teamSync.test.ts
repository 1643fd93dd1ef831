/** The team sync loop over in-memory fakes of both ports: connecting, push/pull, retries with backoff, NOTIFY, stopping. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TeamConnectionSettings, TeamMember } from '../../team/ports.js';
import { createFakeTeamDatabase, createFakeTeamStore, type FakeTeamDatabase, type FakeTeamStore } from '../../testing/fakeTeamPorts.js';
import { createTeamSync, type TeamSync } from './teamSync.js';

const settings: TeamConnectionSettings = { host: '127.0.0.1', port: 5999, database: 'team', user: 'ana', tls: 'none', caPem: null };

let server: FakeTeamDatabase;
let store: FakeTeamStore;
let sync: TeamSync;
let members: TeamMember[];
let synced: string[];

beforeEach(() => {
  vi.useFakeTimers();
  server = createFakeTeamDatabase();
  store = createFakeTeamStore();
  members = [];
  synced = [];
  sync = createTeamSync({
    connect: (s, p) => server.connect(s, p),
    store,
    onMember: (m) => void members.push(m),
    onSynced: (at) => synced.push(at),
    now: () => new Date(),
    tuning: { pushBatch: 2 },
  });
});

afterEach(async () => {
  await sync.stop();
  vi.useRealTimers();
});

/** Lets the loop's promises and the timers due within `ms` run. */
const pass = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

describe('team sync loop', () => {
  it('goes from offline to online once the server answers, pushes the outbox and pulls what others did', async () => {
    store.write({ entityId: 'p1' });
    store.write({ entityId: 'p2' });
    store.write({ entityId: 'p3' });
    server.insertFromElsewhere({ ...store.outbox[0]!, id: '11111111-1111-4111-8111-111111111111', author: 'ed' });
    server.refuseConnections = new Error('connect ECONNREFUSED 127.0.0.1:5999');
    void sync.start(settings, 'secret');
    await pass();
    expect(sync.status()).toMatchObject({ state: 'offline', failures: 1 });
    expect(sync.status().lastError).toContain('ECONNREFUSED');
    expect(store.waitingCount()).toBe(3);

    server.refuseConnections = null;
    await pass(2_000);
    expect(sync.status()).toEqual({ state: 'online', lastError: null, failures: 0, switchBlocked: null });
    expect(members.map((m) => m.roleName)).toEqual(['ana']);
    expect(server.connects.at(-1)?.password).toBe('secret');
    // Three changes in batches of two; then the pull brought back the other member's and our own.
    expect(server.pushes).toBe(2);
    expect(server.changes.map((c) => c.author)).toEqual(['ed', 'ana', 'ana', 'ana']);
    expect(store.applied.map((c) => c.author)).toEqual(['ed']);
    expect(store.outbox).toEqual([]);
    expect(store.cursor()).toBe(4);
    expect(synced).toHaveLength(1);
  });

  it('a push that failed mid-way is pushed again: each change reaches the server once and none is lost', async () => {
    const written = [store.write({ entityId: 'p1' }), store.write({ entityId: 'p2' })];
    server.failPushAfter = 1;
    void sync.start(settings, 'secret');
    await pass();
    expect(sync.status().state).toBe('offline');
    expect(sync.status().lastError).toContain('Connection terminated unexpectedly');
    // The server kept the first; the outbox still has both (nothing was acknowledged).
    expect(server.changes.map((c) => c.id)).toEqual([written[0]!.id]);
    expect(store.waitingCount()).toBe(2);
    expect(server.open).toBe(0);

    await pass(2_000);
    expect(sync.status().state).toBe('online');
    expect(server.changes.map((c) => c.id)).toEqual(written.map((c) => c.id));
    expect(store.outbox).toEqual([]);
    expect(store.applied).toEqual([]);
  });

  it('retries with a doubling delay, capped at 60 s, and Sync now tries at once', async () => {
    server.refuseConnections = new Error('connect ECONNREFUSED 127.0.0.1:5999');
    const start = Date.now();
    void sync.start(settings, 'secret');
    await pass(0);
    for (let i = 0; i < 7; i++) await pass(60_000);
    const waits = server.connects.map((c, i, all) => (i === 0 ? c.at - start : c.at - all[i - 1]!.at));
    expect(waits.slice(0, 8)).toEqual([0, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    const before = server.connects.length;
    server.refuseConnections = null;
    await sync.syncNow();
    expect(server.connects.length).toBe(before + 1);
    expect(sync.status().state).toBe('online');
  });

  it('a NOTIFY pulls (several close together are one pull), and local writes are pushed by the poll', async () => {
    void sync.start(settings, 'secret');
    await pass();
    expect(sync.status().state).toBe('online');
    const pulls = server.pulls;
    const base = { kind: 'paragraph' as const, documentId: 'doc-1', baseId: null, payload: {}, clientAt: 'now', author: 'ed' };
    server.insertFromElsewhere({ ...base, id: '22222222-2222-4222-8222-222222222222', entityId: 'p9' });
    server.insertFromElsewhere({ ...base, id: '33333333-3333-4333-8333-333333333333', entityId: 'p9' });
    await pass(200);
    expect(store.applied.map((c) => c.entityId)).toEqual(['p9', 'p9']);
    // Two NOTIFYs, one pull (it found both; fewer than a batch, so no second pull).
    expect(server.pulls - pulls).toBe(1);

    const local = store.write({ entityId: 'p4' });
    await pass(2_000);
    expect(server.changes.at(-1)?.id).toBe(local.id);
  });

  it('counts waiting changes and keeps refused ones out of the outbox', async () => {
    const a = store.write({ entityId: 'p1' });
    store.write({ entityId: 'p2' });
    server.refuse.add(a.id);
    expect(store.waitingCount()).toBe(2);
    void sync.start(settings, 'secret');
    await pass();
    expect(store.waitingCount()).toBe(0);
    expect(store.refused.map((r) => r.id)).toEqual([a.id]);
  });

  it('a round ends even when the store hands back the same changes (never a push loop)', async () => {
    store.write({ entityId: 'p1' });
    store.markPushed = () => undefined;
    void sync.start(settings, 'secret');
    await pass();
    expect(sync.status().state).toBe('online');
    expect(server.pushes).toBe(1);
  });

  it('stop closes the connection, and no retry or poll runs after it', async () => {
    void sync.start(settings, 'secret');
    await pass();
    expect(server.open).toBe(1);
    await sync.stop();
    expect(server.open).toBe(0);
    expect(sync.status().state).toBe('stopped');
    const connects = server.connects.length;
    store.write({ entityId: 'p1' });
    await pass(120_000);
    expect(server.connects.length).toBe(connects);
    expect(server.changes).toEqual([]);
  });

  it('a connection that takes too long is given up and closed when it arrives', async () => {
    let arrive!: () => void;
    const late = createFakeTeamDatabase();
    const slow = createTeamSync({
      connect: (s, p) => new Promise((resolve) => (arrive = () => void late.connect(s, p).then(resolve))),
      store,
      onMember: () => undefined,
      onSynced: () => undefined,
      now: () => new Date(),
      tuning: { connectTimeoutMs: 5_000 },
    });
    void slow.start(settings, 'secret');
    await pass(5_000);
    expect(slow.status().lastError).toBe('The team server at 127.0.0.1:5999 did not answer within 5 s.');
    arrive();
    await pass();
    expect(late.open).toBe(0);
    await slow.stop();
  });
  it('the database re-created under a live connection: with nothing waiting the cursor is reset and the new team pulled from the start', async () => {
    void sync.start(settings, 'secret');
    await pass();
    const base = { kind: 'paragraph' as const, documentId: 'doc-1', baseId: null, payload: {}, clientAt: 'now', author: 'ed' };
    server.insertFromElsewhere({ ...base, id: '44444444-4444-4444-8444-444444444444', entityId: 'p1' });
    server.insertFromElsewhere({ ...base, id: '55555555-5555-4555-8555-555555555555', entityId: 'p2' });
    await pass(200);
    expect(store.cursor()).toBe(2);
    // Re-created: a new id, one change (seq 1, below the old cursor).
    server.teamId = '66666666-6666-4666-8666-666666666666';
    server.changes = [];
    server.insertFromElsewhere({ ...base, id: '77777777-7777-4777-8777-777777777777', entityId: 'p7' });
    await sync.syncNow();
    expect(sync.status()).toMatchObject({ state: 'online', switchBlocked: null });
    expect(store.applied.at(-1)?.entityId).toBe('p7');
    expect(store.cursor()).toBe(1);
    expect(members.length).toBe(2); // asked who this library is again after the reset
  });

  it('another team while own changes wait: nothing is pushed or pulled, the status says how many', async () => {
    void sync.start(settings, 'secret');
    await pass();
    await sync.stop();
    store.write({ entityId: 'p2' });
    server.teamId = '88888888-8888-4888-8888-888888888888';
    const pushes = server.pushes;
    void sync.start(settings, 'secret');
    await pass();
    expect(sync.status()).toMatchObject({ state: 'offline', switchBlocked: 1 });
    expect(sync.status().lastError).toContain('1 change waiting for the team it synced with before');
    expect(server.pushes).toBe(pushes);
    expect(store.waitingCount()).toBe(1);
  });
});
