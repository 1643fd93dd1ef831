/** `verso team init | add-user | status` against a real PostgreSQL. */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyIdOf } from '../core/crypto.js';
import { SERVER_SCHEMA_VERSION } from '../team/server/migrations/index.js';
import { usePgDatabase } from '../team/server/testing/pgTestDatabase.js';
import { newKeyPem } from '../team/server/testing/teamFixture.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import type { CliIo } from './cliIo.js';
import { runCli } from './runCli.js';

describe('verso team', () => {
  const db = usePgDatabase();
  let dir = '';
  let out: string[] = [];
  let err: string[] = [];
  let stdin: string | null = null;
  const io = (): CliIo => ({
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { VERSO_TEAM_ADMIN_URL: db.adminUrl },
    cwd: dir,
    version: '1.0.0',
    resolveDataDir: () => path.join(dir, 'data'),
    readStdin: stdin === null ? undefined : () => Promise.resolve(stdin!),
  });
  const verso = async (...args: string[]) => {
    out = [];
    err = [];
    const code = await runCli(args, io());
    return { code, stdout: out.join(''), stderr: err.join('') };
  };
  const keyFile = (name: string) => {
    const { publicKeyPem } = newKeyPem();
    fs.writeFileSync(path.join(dir, `${name}.pem`), publicKeyPem);
    return publicKeyPem;
  };
  const canLogIn = async (user: string, password: string) => {
    const c = new pg.Client({ connectionString: db.urlAs(user, password) });
    try {
      await c.connect();
      return (await c.query<{ u: string }>('SELECT session_user AS u')).rows[0]!.u === user;
    } catch {
      return false;
    } finally {
      await c.end().catch(() => undefined);
    }
  };

  beforeEach(() => {
    dir = makeTempDir();
    stdin = null;
  });
  afterEach(() => removeTempDir(dir));

  it('init creates the schema (then finds nothing to do) and never prints the URL’s password', async () => {
    const first = await verso('team', 'init', db.adminUrl);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('applied migration 1 (team)');
    expect(first.stdout).toContain('applied migration 2 (team-id)');
    expect(first.stdout).toContain(`schema version 0 → ${SERVER_SCHEMA_VERSION}`);
    const again = await verso('team', 'init'); // from VERSO_TEAM_ADMIN_URL
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`already at version ${SERVER_SCHEMA_VERSION}`);
    const password = decodeURIComponent(new URL(db.adminUrl).password);
    expect(first.stdout + again.stdout).not.toContain(password);
    expect(first.stdout).toContain(`verso_super@127.0.0.1:${db.port}/${db.database}`);
  });

  it('add-user makes a login role with a SCRAM password, its group and its registered key', async () => {
    await verso('team', 'init');
    const name = db.role('alice');
    const pem = keyFile('alice');
    const r = await verso('team', 'add-user', name, '--role', 'editor', '--public-key', 'alice.pem', '--display-name', 'Alice Ávila');
    expect(r.code, r.stderr).toBe(0);
    const password = /Password for .*: (\S+)\n/.exec(r.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(await canLogIn(name, password!)).toBe(true);
    const raw = Buffer.from((await import('node:crypto')).createPublicKey(pem).export({ format: 'der', type: 'spki' })).subarray(12);
    const row = await db.admin('SELECT display_name, team_role, key_id FROM verso.members');
    expect(row.rows).toEqual([{ display_name: 'Alice Ávila', team_role: 'editor', key_id: keyIdOf(raw.toString('base64')) }]);
    expect(r.stdout).toContain(`key id ${keyIdOf(raw.toString('base64'))}`);
    const auth = await db.admin<{ rolpassword: string; grp: boolean; rolconfig: string[] }>(
      "SELECT rolpassword, pg_has_role($1, 'verso_editor', 'MEMBER') AS grp, (SELECT rolconfig FROM pg_roles WHERE rolname = $1) FROM pg_authid WHERE rolname = $1",
      [name],
    );
    expect(auth.rows[0]!.rolpassword).toMatch(/^SCRAM-SHA-256\$4096:/);
    expect(auth.rows[0]!.grp).toBe(true);
    expect(auth.rows[0]!.rolconfig).toEqual(['idle_in_transaction_session_timeout=60s']);

    stdin = 'Grüße aus Köln, 2026\n';
    keyFile('bob');
    const bob = db.role('bob');
    const b = await verso('team', 'add-user', bob, '--role', 'translator', '--public-key', 'bob.pem', '--password-stdin');
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).not.toContain('Password for');
    expect(await canLogIn(bob, 'Grüße aus Köln, 2026')).toBe(true);
  });

  it('add-user refuses a key that is not Ed25519, a second registration, a bad name or role, and changes nothing', async () => {
    await verso('team', 'init');
    const { generateKeyPairSync } = await import('node:crypto');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' });
    fs.writeFileSync(path.join(dir, 'rsa.pem'), rsa);
    const carol = db.role('carol');
    const r = await verso('team', 'add-user', carol, '--role', 'editor', '--public-key', 'rsa.pem');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not Ed25519');
    fs.writeFileSync(path.join(dir, 'junk.pem'), 'hello');
    expect((await verso('team', 'add-user', carol, '--role', 'editor', '--public-key', 'junk.pem')).stderr).toContain(
      'not a PEM public key',
    );
    keyFile('carol');
    expect((await verso('team', 'add-user', carol, '--role', 'boss', '--public-key', 'carol.pem')).code).toBe(2);
    expect((await verso('team', 'add-user', 'Robert"; DROP', '--role', 'editor', '--public-key', 'carol.pem')).stderr).toContain(
      'not a valid member name',
    );
    expect((await verso('team', 'add-user', carol, '--role', 'editor', '--public-key', 'carol.pem')).code).toBe(0);
    const again = await verso('team', 'add-user', carol, '--role', 'editor', '--public-key', 'carol.pem');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already a member');
    const sameKey = await verso('team', 'add-user', db.role('carl'), '--role', 'translator', '--public-key', 'carol.pem');
    expect(sameKey.stderr).toContain('registered to another member: nothing was changed');
    expect((await db.admin('SELECT count(*)::int AS n FROM pg_roles WHERE rolname = $1', [db.role('carl')])).rows[0]).toEqual({ n: 0 });
    expect((await db.admin('SELECT count(*)::int AS n FROM verso.members')).rows[0]).toEqual({ n: 1 });
  });

  it('status shows the schema version, members and keys, changes, last seq and connections', async () => {
    const before = await verso('team', 'status', '--json');
    expect(JSON.parse(before.stdout)).toMatchObject({ schemaVersion: 0, teamId: null, members: [] });
    await verso('team', 'init');
    const dana = db.role('dana');
    keyFile('dana');
    stdin = 'dana-passphrase-123';
    await verso('team', 'add-user', dana, '--role', 'translator', '--public-key', 'dana.pem', '--password-stdin');
    const member = new pg.Client({ connectionString: db.urlAs(dana, 'dana-passphrase-123') });
    await member.connect();
    try {
      await member.query(
        "INSERT INTO verso.changes (id, kind, document_id, entity_id, payload, client_at) VALUES (gen_random_uuid(), 'comment', 'd', 'c', '{}', now())",
      );
      const s = await verso('team', 'status');
      expect(s.code, s.stderr).toBe(0);
      expect(s.stdout).toContain(`schema version ${SERVER_SCHEMA_VERSION}`);
      expect(s.stdout).toMatch(new RegExp(`${dana}\\s+translator\\s+key [0-9a-f]{32}`));
      expect(s.stdout).toContain('changes: 1, last seq 1');
      const json = JSON.parse((await verso('team', 'status', '--json')).stdout) as { teamId: string; connections: { user: string }[] };
      expect(json.connections.map((c) => c.user)).toContain(dana);
      // The id members' libraries check every round (a re-created database has another).
      expect(json.teamId).toMatch(/^[0-9a-f-]{36}$/);
      expect(s.stdout).toContain(`team id ${json.teamId}`);
    } finally {
      await member.end();
    }
  });

  it('refuses a plain admin URL to another machine, and says when no URL is given', async () => {
    const r = await verso('team', 'status', 'postgres://owner:secret-pw@db.example.org/team');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sslmode=verify-full');
    expect(r.stderr).not.toContain('secret-pw');
    out = [];
    const none = await runCli(['team', 'status'], { ...io(), env: {} });
    expect(none).toBe(2);
    expect(err.join('')).toContain('VERSO_TEAM_ADMIN_URL');
  });

  it('works for a database owner who is not a superuser (CREATEROLE), pushes stay idempotent under forced RLS', async () => {
    const owner = db.role('owner');
    await db.admin(`CREATE ROLE ${owner} LOGIN CREATEROLE PASSWORD 'owner-password'`);
    await db.admin(`ALTER DATABASE ${db.database} OWNER TO ${owner}`);
    const ownerUrl = db.urlAs(owner, 'owner-password');
    expect((await verso('team', 'init', ownerUrl)).code).toBe(0);
    const eve = db.role('eve');
    keyFile('eve');
    stdin = 'eve-passphrase-1234';
    const add = await verso(
      'team',
      'add-user',
      eve,
      '--role',
      'translator',
      '--public-key',
      'eve.pem',
      '--password-stdin',
      '--url',
      ownerUrl,
    );
    expect(add.code, add.stderr).toBe(0);
    const member = new pg.Client({ connectionString: db.urlAs(eve, 'eve-passphrase-1234') });
    await member.connect();
    try {
      const insert =
        "INSERT INTO verso.changes (id, kind, document_id, entity_id, payload, client_at) VALUES ('6f1c1f43-1d1e-4c57-9a31-5d7b0c1d2e3f', 'paragraph', 'd', 'p', '{}', now())";
      await member.query(insert);
      await member.query(insert + ' ON CONFLICT (id) DO NOTHING'); // the trigger (as the owner) sees the first one
      const s = JSON.parse((await verso('team', 'status', ownerUrl, '--json')).stdout) as { changes: number; members: unknown[] };
      expect(s).toMatchObject({ changes: 1, members: [expect.objectContaining({ roleName: eve, keyId: expect.any(String) })] });
    } finally {
      await member.end();
    }
  });
});
