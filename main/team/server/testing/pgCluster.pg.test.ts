import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { usePgDatabase } from './pgTestDatabase.js';

describe('the test PostgreSQL', () => {
  const db = usePgDatabase();

  it('gives each test its own database on a private 127.0.0.1 server with SCRAM passwords', async () => {
    const r = await db.admin<{ db: string; version: string; enc: string }>(
      "SELECT current_database() AS db, current_setting('server_version_num') AS version, current_setting('password_encryption') AS enc",
    );
    expect(r.rows[0]!.db).toBe(db.database);
    expect(Number(r.rows[0]!.version)).toBeGreaterThanOrEqual(150000);
    expect(r.rows[0]!.enc).toBe('scram-sha-256');
    expect(db.host).toBe('127.0.0.1');
    expect(db.port).not.toBe(5432);
    const alice = db.role('alice');
    await db.admin(`CREATE ROLE ${alice} LOGIN PASSWORD 'pw-alice'`);
    const client = new pg.Client({ connectionString: db.urlAs(alice, 'pw-alice') });
    await client.connect();
    expect((await client.query<{ u: string }>('SELECT session_user AS u')).rows[0]!.u).toBe(alice);
    await client.end();
    const wrong = new pg.Client({ connectionString: db.urlAs(alice, 'wrong') });
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
  });
});
