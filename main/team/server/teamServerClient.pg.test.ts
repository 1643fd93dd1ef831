/** The `pg` client of the team server (TeamServer) against a real PostgreSQL. */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import type { TeamServer, TeamConnectionSettings } from '../ports.js';
import { connectTeamServer } from './teamServerClient.js';
import { usePgDatabase } from './testing/pgTestDatabase.js';
import { addMember, change, initTeam, rawInsert, useMemberConnections, type TestMember } from './testing/teamFixture.js';

describe('the team server client', () => {
  const db = usePgDatabase();
  const connectAs = useMemberConnections(db);
  const open: TeamServer[] = [];
  let tina: TestMember;
  let eddie: TestMember;

  const settingsOf = (m: { roleName: string }): TeamConnectionSettings => ({
    host: db.host,
    port: db.port,
    database: db.database,
    user: m.roleName,
    tls: 'none',
    caPem: null,
  });
  const serverAs = async (m: TestMember): Promise<TeamServer> => {
    const s = await connectTeamServer(settingsOf(m), m.password);
    open.push(s);
    return s;
  };

  beforeEach(async () => {
    await initTeam(db);
    tina = await addMember(db, 'tina', 'translator');
    eddie = await addMember(db, 'eddie', 'editor');
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  it('pushes idempotently: the same change twice gets the same seq and is stored once', async () => {
    const s = await serverAs(tina);
    const c = change();
    const [first] = await s.push([c]);
    expect(first).toEqual({ id: c.id, ok: true, seq: expect.any(Number), outcome: 'applied' });
    expect(await s.push([c])).toEqual([first]);
    expect((await db.admin('SELECT count(*)::int AS n FROM verso.changes')).rows[0]).toEqual({ n: 1 });
  });

  it('refuses one change of a batch with its code and keeps the others', async () => {
    const s = await serverAs(tina);
    const a = change({ entityId: 'p-a' });
    const signOff = change({ kind: 'sign-off', entityId: 'p-a', baseId: a.id, payload: { keyId: tina.keyId, signature: 'x', claim: {} } });
    const b = change({ entityId: 'p-b' });
    const badTime = change({ entityId: 'p-c', clientAt: 'some day' });
    const badId = { ...change(), id: 'not-a-uuid' };
    const results = await s.push([a, signOff, b, badTime, badId]);
    expect(results.map((r) => (r.ok ? r.outcome : r.code))).toEqual([
      'applied',
      'TEAM_ROLE_FORBIDDEN',
      'applied',
      'TEAM_CHANGE_INVALID',
      'TEAM_CHANGE_INVALID',
    ]);
    expect(results[1]).toMatchObject({ message: expect.stringContaining('Only editors sign off') });
    const stored = await db.admin<{ id: string }>('SELECT id FROM verso.changes ORDER BY seq');
    expect(stored.rows.map((r) => r.id)).toEqual([a.id, b.id]);
  });

  it('maps stale sign-offs, unregistered keys and non-members to their refusal codes', async () => {
    const e = await serverAs(eddie);
    const t = await serverAs(tina);
    const edit = change();
    await t.push([edit]);
    const stale = change({ kind: 'sign-off', baseId: null, payload: { keyId: eddie.keyId, signature: 'x', claim: {} } });
    const wrongKey = change({ kind: 'sign-off', baseId: edit.id, payload: { keyId: tina.keyId, signature: 'x', claim: {} } });
    const good = change({ kind: 'sign-off', baseId: edit.id, payload: { keyId: eddie.keyId, signature: 'x', claim: {} } });
    const r = await e.push([stale, wrongKey, good]);
    expect(r.map((x) => (x.ok ? x.outcome : x.code))).toEqual(['TEAM_SIGN_OFF_STALE', 'TEAM_KEY_NOT_REGISTERED', 'applied']);

    const outsider = { roleName: db.role('outsider'), password: 'outsider-password' };
    await db.admin(
      `CREATE ROLE ${outsider.roleName} LOGIN PASSWORD '${outsider.password}'; GRANT verso_translator TO ${outsider.roleName}`,
    );
    const o = await connectTeamServer(settingsOf(outsider), outsider.password);
    open.push(o);
    expect((await o.push([change()]))[0]).toMatchObject({ ok: false, code: 'TEAM_NOT_MEMBER' });
    await expect(o.whoami()).rejects.toMatchObject({ code: 'TEAM_NOT_MEMBER' });

    const stranger = { roleName: db.role('stranger'), password: 'stranger-password' };
    await db.admin(`CREATE ROLE ${stranger.roleName} LOGIN PASSWORD '${stranger.password}'`);
    await expect(connectTeamServer(settingsOf(stranger), stranger.password)).rejects.toMatchObject({ code: 'TEAM_NOT_MEMBER' });
  });

  it('pulls after a cursor in seq order, as validated changes with the server’s author and outcome', async () => {
    const t = await serverAs(tina);
    const e = await serverAs(eddie);
    const base = change({ clientAt: '2026-12-03T10:00:00.000Z' });
    await t.push([base]);
    const mine = change({ baseId: base.id });
    const theirs = change({ baseId: base.id });
    await t.push([mine]);
    await e.push([theirs]);
    const all = await e.pull(0, 100);
    expect(all.map((c) => [c.id, c.author, c.outcome])).toEqual([
      [base.id, tina.roleName, 'applied'],
      [mine.id, tina.roleName, 'applied'],
      [theirs.id, eddie.roleName, 'conflict'],
    ]);
    expect(all[0]).toMatchObject({ ...base, seq: all[0]!.seq, receivedAt: expect.any(String) });
    expect(await e.pull(all[0]!.seq, 1)).toEqual([all[1]]);
    expect(await e.pull(all[2]!.seq, 100)).toEqual([]);
  });

  it('lists members and says who this connection is', async () => {
    const s = await serverAs(eddie);
    expect(await s.whoami()).toEqual({
      roleName: eddie.roleName,
      displayName: 'eddie',
      teamRole: 'editor',
      publicKey: eddie.publicKeyPem,
      keyId: eddie.keyId,
    });
    expect((await s.members()).map((m) => [m.roleName, m.teamRole])).toEqual(
      [
        [eddie.roleName, 'editor'],
        [tina.roleName, 'translator'],
      ].sort(),
    );
  });

  it('hears NOTIFY after another member pushes, and stops listening when asked', async () => {
    const e = await serverAs(eddie);
    const t = await serverAs(tina);
    let heard = 0;
    let arrived: () => void = () => undefined;
    const stop = await e.listen(() => {
      heard += 1;
      arrived();
    });
    const notified = new Promise<void>((resolve) => (arrived = resolve));
    await t.push([change(), change({ entityId: 'p-2' })]);
    await notified;
    expect(heard).toBeGreaterThanOrEqual(1); // delivered at commit: one per inserting statement
    await stop();
  });

  it('tells the caller when the listening connection is cut (and not when it stops listening)', async () => {
    const e = await serverAs(eddie);
    const errors: Error[] = [];
    let cut: () => void = () => undefined;
    const reported = new Promise<void>((resolve) => (cut = resolve));
    await e.listen(
      () => undefined,
      (err) => {
        errors.push(err);
        cut();
      },
    );
    const quiet: Error[] = [];
    const stopQuiet = await e.listen(
      () => undefined,
      (err) => quiet.push(err),
    );
    await stopQuiet();
    await db.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 AND query = 'LISTEN verso_changes'", [
      eddie.roleName,
    ]);
    await reported;
    await new Promise((resolve) => setTimeout(resolve, 200)); // an 'end' after the 'error' is not reported again
    expect(errors).toEqual([expect.objectContaining({ code: 'TEAM_OFFLINE' })]);
    expect(quiet).toEqual([]);
    expect(await e.pull(0, 10)).toEqual([]); // the main connection is untouched
  });

  it('never lets a cursor reader miss a change while several members push in parallel', async () => {
    const writers = await Promise.all([tina, eddie, tina, eddie].map((m) => connectAs(m)));
    const reader = await serverAs(eddie);
    const seen: number[] = [];
    let cursor = 0;
    const pullOnce = async () => {
      for (const c of await reader.pull(cursor, 1000)) {
        seen.push(c.seq);
        cursor = c.seq;
      }
    };
    let done = false;
    const reading = (async () => {
      while (!done) await pullOnce();
    })();
    // Each writer: transactions that insert, wait a moment holding the insert, then commit.
    await Promise.all(
      writers.map(async (w, i) => {
        for (let k = 0; k < 8; k++) {
          await w.query('BEGIN');
          await rawInsert(w, change({ entityId: `p-${i}-${k}` }));
          await w.query('SELECT pg_sleep(0.01)');
          await w.query('COMMIT');
        }
      }),
    );
    done = true;
    await reading;
    await pullOnce();
    const stored = await db.admin<{ seq: string }>('SELECT seq FROM verso.changes ORDER BY seq');
    expect(stored.rows).toHaveLength(32);
    expect(seen).toEqual(stored.rows.map((r) => Number(r.seq)));
  });

  it('reads as offline once its connection is cut (the caller reconnects)', async () => {
    const s = await serverAs(tina);
    await s.pull(0, 1);
    await db.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 AND application_name = 'verso'", [
      tina.roleName,
    ]);
    await expect(s.pull(0, 1)).rejects.toMatchObject({ code: 'TEAM_OFFLINE' });
    await expect(s.push([change()])).rejects.toMatchObject({ code: 'TEAM_OFFLINE' });
    const again = await serverAs(tina);
    expect((await again.push([change()]))[0]).toMatchObject({ ok: true });
  });

  it('keeps one chain of heads when several members edit the same paragraph at once', async () => {
    const members = await Promise.all([tina, eddie, tina, eddie].map((m) => serverAs(m)));
    // Each member edits on the head it last saw (from its own pushes), as an offline client would.
    await Promise.all(
      members.map(async (s) => {
        let base: string | null = null;
        for (let k = 0; k < 6; k++) {
          const c = change({ baseId: base });
          const [r] = await s.push([c]);
          if (r?.ok && r.outcome === 'applied') base = c.id;
        }
      }),
    );
    const all = await members[0]!.pull(0, 1000);
    expect(all).toHaveLength(24);
    // Replaying the server's order with the rules gives the server's outcomes and its head.
    let head: string | null = null;
    const conflicts: string[] = [];
    for (const c of all) {
      expect(c.outcome, `seq ${c.seq}`).toBe(c.baseId === head ? 'applied' : 'conflict');
      if (c.outcome === 'applied') head = c.id;
      else conflicts.push(c.id);
    }
    const stored = await db.admin<{ head_id: string; conflict_ids: string[] }>(
      "SELECT head_id, conflict_ids FROM verso.heads WHERE entity_id = 'p-1'",
    );
    expect(stored.rows[0]).toEqual({ head_id: head, conflict_ids: conflicts });
  });

  it('reads the team id every member sees; a re-created schema has another one', async () => {
    const t = await serverAs(tina);
    const stored = (await db.admin<{ id: string }>('SELECT id::text AS id FROM verso.team')).rows[0]!.id;
    expect(await t.teamId()).toBe(stored);
    expect(await (await serverAs(eddie)).teamId()).toBe(stored);
    const raw = await connectAs(tina);
    await expect(raw.query('UPDATE verso.team SET id = gen_random_uuid()')).rejects.toMatchObject({ code: '42501' });
    await t.close();
    await db.admin('DROP SCHEMA verso CASCADE');
    await initTeam(db);
    tina = await addMember(db, 'tina2', 'translator');
    const again = await serverAs(tina);
    expect(await again.teamId()).not.toBe(stored);
    expect(await again.teamId()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a malformed client time as TEAM_CHANGE_INVALID (through the client and in raw SQL), never storing it', async () => {
    const t = await serverAs(tina);
    const results = await t.push([
      change({ clientAt: 'infinity' }),
      change({ clientAt: '2026-12-04 10:00' }), // no zone: the server's time zone would decide
      change({ clientAt: '2026-12-04T10:00:00+02:00' }),
    ]);
    expect(results.map((r) => (r.ok ? r.outcome : r.code))).toEqual(['TEAM_CHANGE_INVALID', 'TEAM_CHANGE_INVALID', 'applied']);
    const raw = await connectAs(tina);
    for (const clientAt of ['infinity', '-infinity', '294276-01-01 00:00:00+00']) {
      await expect(rawInsert(raw, change({ clientAt }))).rejects.toMatchObject({
        code: 'VS005',
        message: expect.stringContaining('client time'),
      });
    }
    expect((await db.admin('SELECT count(*)::int AS n FROM verso.changes')).rows[0]).toEqual({ n: 1 });
    const [pulled] = await t.pull(0, 10);
    expect(pulled!.clientAt).toBe('2026-12-04T08:00:00.000Z');
  });

  it('still reads a row stored with an infinite client time before the check existed (as its received time)', async () => {
    await db.admin('ALTER TABLE verso.changes DISABLE TRIGGER changes_check_client_at');
    await rawInsert(await connectAs(tina), change({ clientAt: 'infinity' }));
    await db.admin('ALTER TABLE verso.changes ENABLE TRIGGER changes_check_client_at');
    const [old] = await (await serverAs(eddie)).pull(0, 10);
    expect(old!.clientAt).toBe(old!.receivedAt);
  });

  it('refuses a plain connection to a host that is not loopback, before connecting', async () => {
    // 192.0.2.1 is TEST-NET-1: a connection attempt would hang until the timeout, not fail at once.
    await expect(connectTeamServer({ ...settingsOf(tina), host: '192.0.2.1' }, tina.password)).rejects.toMatchObject({
      code: 'TEAM_TLS_REQUIRED',
    });
  });

  it('tells a wrong password, an unreachable server and a database without the team schema apart', async () => {
    await expect(connectTeamServer(settingsOf(tina), 'wrong-password')).rejects.toMatchObject({ code: 'TEAM_AUTH_FAILED' });
    await expect(connectTeamServer({ ...settingsOf(tina), port: 1 }, tina.password)).rejects.toMatchObject({ code: 'TEAM_OFFLINE' });
    await db.admin(`CREATE DATABASE ${db.database}_empty`);
    try {
      await expect(connectTeamServer({ ...settingsOf(tina), database: `${db.database}_empty` }, tina.password)).rejects.toMatchObject({
        code: 'TEAM_SCHEMA_MISSING',
      });
    } finally {
      await db.admin(`DROP DATABASE ${db.database}_empty WITH (FORCE)`);
    }
    expect(randomUUID()).toBeTruthy();
  });
});

describe('the team server client over TLS', () => {
  const db = usePgDatabase();
  const caPem = db.caPem;
  let tina: TestMember;
  beforeEach(async () => {
    await initTeam(db);
    tina = await addMember(db, 'tina', 'translator');
  });
  const tlsSettings = (host: string, ca: string): TeamConnectionSettings => ({
    host,
    port: db.port,
    database: db.database,
    user: tina.roleName,
    tls: 'verify-full',
    caPem: ca,
  });

  it('connects with verify-full to a server whose certificate the team CA signed for that host', async () => {
    expect(caPem, 'the test server has a TLS certificate (VERSO_TEST_PG_CA with VERSO_TEST_PG_URL)').toContain('BEGIN CERTIFICATE');
    const s = await connectTeamServer(tlsSettings('127.0.0.1', caPem), tina.password);
    try {
      expect((await s.whoami()).roleName).toBe(tina.roleName);
      expect((await s.push([change()]))[0]).toMatchObject({ ok: true });
      const ssl = await db.admin<{ ssl: boolean }>(
        'SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.usename = $1',
        [tina.roleName],
      );
      expect(ssl.rows).toEqual([{ ssl: true }]);
    } finally {
      await s.close();
    }
  });

  it('refuses a certificate from another CA, or one that names another host', async () => {
    const other = generateOtherCa();
    await expect(connectTeamServer(tlsSettings('127.0.0.1', other), tina.password)).rejects.toMatchObject({ code: 'TEAM_TLS_FAILED' });
    // The certificate names IP 127.0.0.1 only: "localhost" is the same server but not the name it proves.
    await expect(connectTeamServer(tlsSettings('localhost', caPem), tina.password)).rejects.toMatchObject({ code: 'TEAM_TLS_FAILED' });
  });
});

function generateOtherCa(): string {
  const dir = makeTempDir();
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        'k',
        '-out',
        'c',
        '-days',
        '1',
        '-subj',
        '/CN=Other CA',
      ],
      {
        cwd: dir,
        stdio: 'ignore',
      },
    );
    return fs.readFileSync(path.join(dir, 'c'), 'utf8');
  } finally {
    removeTempDir(dir);
  }
}
