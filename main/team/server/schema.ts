/**
 * Creates and migrates the team server's schema (`verso`) with the numbered migrations in
 * migrations/, all pending ones in one transaction, recorded in `verso.schema_version`. A
 * database set up by a newer Verso is refused untouched.
 */
import type pg from 'pg';
import { TeamServerError } from './errors.js';
import { SERVER_MIGRATIONS, SERVER_SCHEMA_VERSION } from './migrations/index.js';

/** pg_advisory_xact_lock key serialising two `team init`s on one database. */
const MIGRATE_LOCK = 7_665_727_300;

export interface MigrateResult {
  from: number;
  to: number;
  applied: { version: number; name: string }[];
}

/** 0: no Verso schema; else the highest version applied. Throws when a `verso` schema exists without a version table. */
export async function schemaVersionOf(client: pg.ClientBase): Promise<number> {
  const r = await client.query<{ schema: boolean; versions: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'verso') AS schema,
            pg_catalog.to_regclass('verso.schema_version') IS NOT NULL AS versions`,
  );
  const row = r.rows[0]!;
  if (!row.schema) return 0;
  if (!row.versions) {
    throw new TeamServerError(
      'TEAM_SCHEMA_MISSING',
      'This database has a schema "verso" that Verso did not create (no verso.schema_version).',
    );
  }
  const v = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM verso.schema_version');
  return v.rows[0]!.v ?? 0;
}

export function newerSchemaError(version: number): TeamServerError {
  return new TeamServerError(
    'TEAM_SCHEMA_NEWER',
    `This team database is at schema version ${version}, made by a newer Verso (this one knows up to ${SERVER_SCHEMA_VERSION}): update Verso.`,
  );
}

export async function migrateTeamSchema(client: pg.ClientBase): Promise<MigrateResult> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_catalog.pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    const from = await schemaVersionOf(client);
    if (from > SERVER_SCHEMA_VERSION) throw newerSchemaError(from);
    if (from === 0) {
      await client.query(`CREATE SCHEMA verso;
        CREATE TABLE verso.schema_version (
          version    integer PRIMARY KEY,
          name       text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now(),
          applied_by name NOT NULL DEFAULT session_user
        );`);
    }
    const pending = SERVER_MIGRATIONS.filter((m) => m.version > from);
    for (const m of pending) {
      await client.query(m.sql);
      await client.query('INSERT INTO verso.schema_version (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    await client.query('COMMIT');
    return { from, to: Math.max(from, ...pending.map((m) => m.version)), applied: pending.map(({ version, name }) => ({ version, name })) };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
