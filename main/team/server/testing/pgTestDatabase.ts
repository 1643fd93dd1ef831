/**
 * Per-test PostgreSQL: before each test a fresh database `verso_test_<random>` on the run's
 * server (pgGlobalSetup.ts), dropped after it with every role the test made. Roles are
 * cluster-wide, so a test names its roles with `role('alice')` (unique per test).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, inject } from 'vitest';

export interface PgTestDatabase {
  /** The superuser's URL to this test's database. */
  readonly adminUrl: string;
  readonly database: string;
  /** The CA (PEM) of the server's TLS certificate, which names 127.0.0.1 ('' when VERSO_TEST_PG_URL is used without VERSO_TEST_PG_CA). */
  readonly caPem: string;
  /** 127.0.0.1 and the port of the server. */
  readonly host: string;
  readonly port: number;
  /** A role name unique to this test (`<prefix>_<name>`). */
  role(name: string): string;
  /** A URL to this test's database as `user` with `password`. */
  urlAs(user: string, password: string): string;
  /** Runs SQL as the superuser in this test's database. */
  admin<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<T>>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function usePgDatabase(): PgTestDatabase {
  const serverUrl = inject('versoPgUrl');
  const server = new URL(serverUrl);
  let prefix = '';
  let database = '';

  beforeEach(async () => {
    prefix = `vt${randomBytes(5).toString('hex')}`;
    database = `verso_test_${prefix}`;
    await onServer(serverUrl, (c) => c.query(`CREATE DATABASE ${database}`));
  });
  afterEach(async () => {
    await onServer(serverUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      const roles = await c.query<{ rolname: string }>(`SELECT rolname FROM pg_roles WHERE rolname LIKE $1`, [`${prefix}\\_%`]);
      for (const r of roles.rows) await c.query(`DROP ROLE ${pg.escapeIdentifier(r.rolname)}`);
    });
  });

  return {
    get adminUrl() {
      return withDatabase(serverUrl, database);
    },
    get database() {
      return database;
    },
    caPem: inject('versoPgCaPem'),
    host: server.hostname,
    port: Number(server.port || 5432),
    role: (name) => `${prefix}_${name}`,
    urlAs(user, password) {
      const u = new URL(withDatabase(serverUrl, database));
      u.username = encodeURIComponent(user);
      u.password = encodeURIComponent(password);
      return u.toString();
    },
    admin: (sql, params) => onServer(withDatabase(serverUrl, database), (c) => c.query(sql, params)),
  };
}
