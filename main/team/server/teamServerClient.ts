/**
 * `TeamServer` over node-postgres: one connection for pushes and pulls (one operation at a time),
 * one more per `listen`. Pushing is idempotent, each change in its own savepoint so a refusal
 * does not undo the others; the batch commits as one. Design: docs/team.md.
 */
import pg from 'pg';
import { outgoingChangeSchema, type OutgoingChange, type PushResult, type ServerChange } from '../../../shared/team/changes.js';
import type { TeamConnectionSettings, TeamMember, TeamServer } from '../ports.js';
import { CHANGE_COLUMNS, changeOfRow, refusalOf, type ChangeRow } from './changeRows.js';
import { clientConfig, connectError } from './connection.js';
import { TeamServerError } from './errors.js';
import { listMembers, MEMBER_COLUMNS, memberOf } from './members.js';
import { SERVER_SCHEMA_VERSION } from './migrations/index.js';
import { newerSchemaError, schemaVersionOf } from './schema.js';

const MAX_PULL = 5_000;
/** The schema version that gave the team its id (migrations/0002-team-id.ts). */
const TEAM_ID_VERSION = 2;

async function openClient(settings: TeamConnectionSettings, password: string, onError: (err: Error) => void): Promise<pg.Client> {
  const client = new pg.Client(clientConfig(settings, password));
  // An idle connection that drops emits 'error'; without a listener it would end the process.
  client.on('error', onError);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw connectError(err, settings);
  }
  return client;
}

/** The team's id (migration 0002); a database not yet migrated to it is refused with what to do. */
async function readTeamId(client: pg.Client, version: number): Promise<string> {
  if (version < TEAM_ID_VERSION) {
    throw new TeamServerError(
      'TEAM_SCHEMA_OLD',
      `This team database is at schema version ${version}; this Verso needs version ${TEAM_ID_VERSION} or later: an admin runs "verso team init" to update it.`,
    );
  }
  const row = (await client.query<{ id: string }>('SELECT id::text AS id FROM verso.team')).rows[0];
  if (!row) throw new TeamServerError('TEAM_SCHEMA_MISSING', 'This team database has no team id (verso.team is empty).');
  return row.id;
}

/**
 * Connects, checks the team schema is there and not newer than this Verso, and returns the server.
 * Once its connection is cut every call fails with TEAM_OFFLINE: the caller closes it and connects again.
 */
export async function connectTeamServer(settings: TeamConnectionSettings, password: string): Promise<TeamServer> {
  let broken: Error | null = null;
  const client = await openClient(settings, password, (err) => {
    broken = err;
  });
  let me: string;
  let version: number;
  try {
    me = (await client.query<{ u: string }>('SELECT session_user AS u')).rows[0]!.u;
    version = await schemaVersionOf(client);
    if (version === 0) {
      throw new TeamServerError(
        'TEAM_SCHEMA_MISSING',
        `The database ${settings.database} has no Verso team schema: an admin runs "verso team init".`,
      );
    }
    if (version > SERVER_SCHEMA_VERSION) throw newerSchemaError(version);
    await readTeamId(client, version);
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err instanceof TeamServerError ? err : connectError(err, settings);
  }
  let queue: Promise<unknown> = Promise.resolve();
  /** One operation at a time on the connection (a push is a transaction). */
  const exclusive = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(() => {
      if (broken) throw connectError(broken, settings);
      return run().catch((err: unknown) => {
        throw err instanceof TeamServerError ? err : connectError(err, settings);
      });
    });
    queue = next.catch(() => undefined);
    return next;
  };
  const listeners = new Set<pg.Client>();

  async function pushOne(raw: OutgoingChange): Promise<PushResult> {
    const parsed = outgoingChangeSchema.safeParse(raw);
    if (!parsed.success)
      return { id: String((raw as { id?: unknown }).id), ok: false, code: 'TEAM_CHANGE_INVALID', message: parsed.error.message };
    const c = parsed.data;
    await client.query('SAVEPOINT verso_change');
    try {
      await client.query(
        `INSERT INTO verso.changes (id, kind, document_id, entity_id, base_id, payload, client_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
        [c.id, c.kind, c.documentId, c.entityId, c.baseId, JSON.stringify(c.payload), c.clientAt],
      );
      const stored = await client.query<{ seq: string; author: string; outcome: 'applied' | 'conflict' }>(
        'SELECT seq, author, outcome FROM verso.changes WHERE id = $1',
        [c.id],
      );
      await client.query('RELEASE SAVEPOINT verso_change');
      const row = stored.rows[0];
      if (!row) return { id: c.id, ok: false, code: 'TEAM_CHANGE_INVALID', message: 'The server did not store the change.' };
      if (row.author !== me) {
        return {
          id: c.id,
          ok: false,
          code: 'TEAM_CHANGE_INVALID',
          message: `The change id ${c.id} is already used by another member's change.`,
        };
      }
      return { id: c.id, ok: true, seq: Number(row.seq), outcome: row.outcome };
    } catch (err) {
      const refusal = refusalOf(err);
      if (!refusal) throw err;
      await client.query('ROLLBACK TO SAVEPOINT verso_change');
      return { id: c.id, ok: false, ...refusal };
    }
  }

  return {
    teamId: () => exclusive(() => readTeamId(client, version)),
    push: (changes) =>
      exclusive(async () => {
        if (changes.length === 0) return [];
        await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
        try {
          const results: PushResult[] = [];
          for (const c of changes) results.push(await pushOne(c));
          await client.query('COMMIT');
          return results;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        }
      }),
    pull: (afterSeq, limit) =>
      exclusive(async (): Promise<ServerChange[]> => {
        const n = Math.max(1, Math.min(MAX_PULL, Math.floor(limit)));
        const r = await client.query<ChangeRow>(`SELECT ${CHANGE_COLUMNS} FROM verso.changes WHERE seq > $1 ORDER BY seq LIMIT $2`, [
          Math.max(0, Math.floor(afterSeq)),
          n,
        ]);
        return r.rows.map(changeOfRow);
      }),
    members: () => exclusive(() => listMembers(client)),
    whoami: () =>
      exclusive(async (): Promise<TeamMember> => {
        const r = await client.query<Parameters<typeof memberOf>[0]>(
          `SELECT ${MEMBER_COLUMNS} FROM verso.members WHERE role_name = session_user`,
        );
        const row = r.rows[0];
        if (!row)
          throw new TeamServerError(
            'TEAM_NOT_MEMBER',
            `${me} can log in to the team server but is not a member of this team: an admin runs "verso team add-user".`,
          );
        return memberOf(row);
      }),
    async listen(onNotify, onError) {
      // Reported once per listening connection (an 'error' is followed by 'end'), never after stop().
      let reported = false;
      let listener: pg.Client | null = null;
      const report = (err: TeamServerError) => {
        if (reported || !listener || !listeners.has(listener)) return;
        reported = true;
        listeners.delete(listener);
        onError?.(err);
      };
      const conn = await openClient(settings, password, (err) => report(connectError(err, settings)));
      listener = conn;
      conn.on('notification', (msg) => {
        if (msg.channel === 'verso_changes') onNotify();
      });
      conn.on('end', () => report(new TeamServerError('TEAM_OFFLINE', 'The connection that listens for changes ended.')));
      try {
        await conn.query('LISTEN verso_changes');
      } catch (err) {
        await conn.end().catch(() => undefined);
        throw connectError(err, settings);
      }
      listeners.add(conn);
      return async () => {
        if (!listeners.delete(conn)) return;
        await conn.end().catch(() => undefined);
      };
    },
    async close() {
      const all = [...listeners];
      listeners.clear();
      await Promise.all([...all.map((l) => l.end().catch(() => undefined)), queue.then(() => client.end()).catch(() => undefined)]);
    },
  };
}
