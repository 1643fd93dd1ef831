import { describe, expect, it } from 'vitest';
import { SERVER_MIGRATIONS, SERVER_SCHEMA_VERSION } from './migrations/index.js';
import { migrateTeamSchema, schemaVersionOf } from './schema.js';
import { usePgDatabase } from './testing/pgTestDatabase.js';
import { withAdmin } from './testing/teamFixture.js';

describe('the team server schema', () => {
  const db = usePgDatabase();

  it('is created by numbered migrations in one go, and a second run changes nothing', async () => {
    const first = await withAdmin(db, (c) => migrateTeamSchema(c));
    expect(first).toEqual({
      from: 0,
      to: SERVER_SCHEMA_VERSION,
      applied: SERVER_MIGRATIONS.map(({ version, name }) => ({ version, name })),
    });
    expect(first.applied).toEqual([
      { version: 1, name: 'team' },
      { version: 2, name: 'team-id' },
      { version: 3, name: 'document-deletion' },
    ]);
    const second = await withAdmin(db, (c) => migrateTeamSchema(c));
    expect(second).toEqual({ from: SERVER_SCHEMA_VERSION, to: SERVER_SCHEMA_VERSION, applied: [] });
    const tables = await db.admin<{ t: string }>(
      "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'verso' ORDER BY 1",
    );
    expect(tables.rows.map((r) => r.t)).toEqual(expect.arrayContaining(['changes', 'heads', 'members', 'schema_version', 'team']));
    const groups = await db.admin<{ rolname: string; rolcanlogin: boolean }>(
      "SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname IN ('verso_translator', 'verso_editor', 'verso_admin') ORDER BY 1",
    );
    expect(groups.rows).toEqual([
      { rolname: 'verso_admin', rolcanlogin: false },
      { rolname: 'verso_editor', rolcanlogin: false },
      { rolname: 'verso_translator', rolcanlogin: false },
    ]);
    const rls = await db.admin<{ relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      "SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = 'verso.changes'::regclass",
    );
    expect(rls.rows[0]).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('copes with the groups already there (a second team database on the same cluster)', async () => {
    await withAdmin(db, (c) => migrateTeamSchema(c));
    const other = `${db.database}_b`;
    await db.admin(`CREATE DATABASE ${other}`);
    try {
      const url = new URL(db.adminUrl);
      url.pathname = `/${other}`;
      const pg = (await import('pg')).default;
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        expect((await migrateTeamSchema(c)).applied).toHaveLength(SERVER_MIGRATIONS.length);
      } finally {
        await c.end();
      }
    } finally {
      await db.admin(`DROP DATABASE ${other} WITH (FORCE)`);
    }
  });

  it('refuses, untouched, a database made by a newer Verso', async () => {
    await withAdmin(db, (c) => migrateTeamSchema(c));
    await db.admin("INSERT INTO verso.schema_version (version, name) VALUES (999, 'from the future')");
    const before = await db.admin('SELECT * FROM verso.schema_version ORDER BY version');
    await expect(withAdmin(db, (c) => migrateTeamSchema(c))).rejects.toMatchObject({ code: 'TEAM_SCHEMA_NEWER' });
    expect((await db.admin('SELECT * FROM verso.schema_version ORDER BY version')).rows).toEqual(before.rows);
    expect(await withAdmin(db, (c) => schemaVersionOf(c))).toBe(999);
  });

  it('refuses a "verso" schema it did not make, and leaves it alone', async () => {
    await db.admin('CREATE SCHEMA verso; CREATE TABLE verso.mine (x int)');
    await expect(withAdmin(db, (c) => migrateTeamSchema(c))).rejects.toMatchObject({ code: 'TEAM_SCHEMA_MISSING' });
    expect((await db.admin("SELECT to_regclass('verso.mine') IS NOT NULL AS ok")).rows[0]).toEqual({ ok: true });
  });
});
