/**
 * Team administration on the server, as the schema owner: registering a member (a LOGIN role with
 * a SCRAM password in one verso_* group, and a row in verso.members with the Ed25519 public key
 * and its key id) and the status summary `verso team status` prints.
 */
import { createPublicKey } from 'node:crypto';
import pg from 'pg';
import { keyIdOf } from '../../core/crypto.js';
import type { TeamMember, TeamRole } from '../ports.js';
import { TeamServerError } from './errors.js';
import { SERVER_SCHEMA_VERSION } from './migrations/index.js';
import { schemaVersionOf } from './schema.js';
import { scramSha256Verifier } from './scramVerifier.js';

export const TEAM_ROLES: readonly TeamRole[] = ['translator', 'editor', 'admin'];
const GROUP_OF: Readonly<Record<TeamRole, string>> = { translator: 'verso_translator', editor: 'verso_editor', admin: 'verso_admin' };

/** A member's role name: a plain lower-case PostgreSQL identifier, not reserved for the system or the groups. */
export function checkRoleName(name: string): string | null {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name))
    return `"${name}" is not a valid member name: lower-case letters, digits and _, starting with a letter, at most 63.`;
  if (name.startsWith('pg_') || name.startsWith('verso_')) return `"${name}" is reserved (pg_… and verso_… names are not member names).`;
  return null;
}

/** The SPKI DER prefix of an Ed25519 public key (RFC 8410), before the 32 raw bytes. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * An Ed25519 public key, as SPKI PEM or as Verso writes it (base64 of the 32 raw bytes, e.g. the
 * `publicKey` of an attestation) → its SPKI PEM and Verso's key id; throws a clear error otherwise.
 */
export function parseMemberPublicKey(text: string): { pem: string; keyId: string } {
  const trimmed = text.trim();
  // createPublicKey would derive the public key from a private one: refuse it, the member keeps it.
  if (/PRIVATE KEY/.test(trimmed)) throw new Error('That is a private key: give the public key only (and keep the private key private).');
  let key;
  try {
    key = /^[A-Za-z0-9+/]{43}=$/.test(trimmed)
      ? createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(trimmed, 'base64')]), format: 'der', type: 'spki' })
      : createPublicKey({ key: trimmed, format: 'pem' });
  } catch (err) {
    throw new Error(`The public key is not a PEM public key (${err instanceof Error ? err.message : String(err)}).`, { cause: err });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`The public key is ${key.asymmetricKeyType ?? 'unknown'}, not Ed25519.`);
  const der = key.export({ format: 'der', type: 'spki' });
  const raw = der.subarray(ED25519_SPKI_PREFIX.length).toString('base64');
  return { pem: key.export({ format: 'pem', type: 'spki' }).toString().trim() + '\n', keyId: keyIdOf(raw) };
}

export interface AddMemberInput {
  roleName: string;
  teamRole: TeamRole;
  displayName: string;
  publicKeyPem: string | null;
  /** null: keep the password of a role that exists (a new role needs one). */
  password: string | null;
}

export interface AddMemberResult {
  createdRole: boolean;
  passwordSet: boolean;
  keyId: string | null;
}

/** One transaction: the role (created, or an existing one's password changed when given), its group, its members row. */
export async function addTeamMember(client: pg.ClientBase, input: AddMemberInput): Promise<AddMemberResult> {
  const nameProblem = checkRoleName(input.roleName);
  if (nameProblem) throw new Error(nameProblem);
  const key = input.publicKeyPem === null ? null : parseMemberPublicKey(input.publicKeyPem);
  const version = await schemaVersionOf(client);
  if (version === 0)
    throw new TeamServerError('TEAM_SCHEMA_MISSING', 'This database has no Verso team schema: run "verso team init" first.');
  const role = pg.escapeIdentifier(input.roleName);
  await client.query('BEGIN');
  try {
    const existing = await client.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = $1', [
      input.roleName,
    ]);
    if (existing.rows[0]?.rolsuper) throw new Error(`${input.roleName} is a superuser: a team member must be an ordinary role.`);
    const verifier = input.password === null ? null : pg.escapeLiteral(scramSha256Verifier(input.password));
    if (existing.rowCount === 0) {
      if (verifier === null) throw new Error(`A new member needs a password (${input.roleName} is not a role yet).`);
      await client.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${verifier}`);
    } else if (verifier !== null) {
      await client.query(`ALTER ROLE ${role} PASSWORD ${verifier}`);
    }
    await client.query(`GRANT ${GROUP_OF[input.teamRole]} TO ${role}`);
    // A client that dies mid-push must not hold the change-order lock for long (pushes wait for it).
    await client.query(`ALTER ROLE ${role} SET idle_in_transaction_session_timeout = '60s'`);
    await client.query(`INSERT INTO verso.members (role_name, display_name, team_role, public_key, key_id) VALUES ($1, $2, $3, $4, $5)`, [
      input.roleName,
      input.displayName,
      input.teamRole,
      key?.pem ?? null,
      key?.keyId ?? null,
    ]);
    await client.query('COMMIT');
    return { createdRole: existing.rowCount === 0, passwordSet: verifier !== null, keyId: key?.keyId ?? null };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    const e = err as { code?: string; constraint?: string };
    if (e.code === '23505') {
      const which =
        e.constraint === 'members_key_id_key'
          ? 'That public key is registered to another member'
          : `${input.roleName} is already a member of this team`;
      throw new Error(`${which}: nothing was changed.`, { cause: err });
    }
    throw err;
  }
}

interface MemberRow {
  role_name: string;
  display_name: string;
  team_role: TeamRole;
  public_key: string | null;
  key_id: string | null;
}

export const MEMBER_COLUMNS = 'role_name, display_name, team_role, public_key, key_id';

export function memberOf(row: MemberRow): TeamMember {
  return { roleName: row.role_name, displayName: row.display_name, teamRole: row.team_role, publicKey: row.public_key, keyId: row.key_id };
}

export async function listMembers(client: pg.ClientBase): Promise<TeamMember[]> {
  const r = await client.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM verso.members ORDER BY role_name`);
  return r.rows.map(memberOf);
}

export interface TeamStatus {
  database: string;
  schemaVersion: number;
  knownVersion: number;
  /** The team's id (server migration 0002; null before it): members' libraries reset when it changes. */
  teamId: string | null;
  members: (TeamMember & { canLogin: boolean })[];
  changes: number;
  lastSeq: number | null;
  connections: { user: string; application: string; state: string; client: string }[];
}

export async function teamStatus(client: pg.ClientBase): Promise<TeamStatus> {
  const schemaVersion = await schemaVersionOf(client);
  const database = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
  const connections = await client.query<{
    usename: string | null;
    application_name: string;
    state: string | null;
    client_addr: string | null;
  }>(
    `SELECT usename, application_name, state, client_addr::text FROM pg_catalog.pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' ORDER BY usename`,
  );
  const base = {
    database,
    schemaVersion,
    knownVersion: SERVER_SCHEMA_VERSION,
    connections: connections.rows.map((c) => ({
      user: c.usename ?? '',
      application: c.application_name,
      state: c.state ?? '',
      client: c.client_addr ?? 'socket',
    })),
  };
  if (schemaVersion === 0) return { ...base, teamId: null, members: [], changes: 0, lastSeq: null };
  const teamId =
    schemaVersion >= 2 ? ((await client.query<{ id: string }>('SELECT id::text AS id FROM verso.team')).rows[0]?.id ?? null) : null;
  const members = await client.query<MemberRow & { can_login: boolean | null }>(
    `SELECT ${MEMBER_COLUMNS.split(', ')
      .map((c) => `m.${c}`)
      .join(', ')}, r.rolcanlogin AS can_login
       FROM verso.members m LEFT JOIN pg_catalog.pg_roles r ON r.rolname = m.role_name ORDER BY m.role_name`,
  );
  const counts = await client.query<{ n: string; last: string | null }>('SELECT count(*) AS n, max(seq) AS last FROM verso.changes');
  return {
    ...base,
    teamId,
    members: members.rows.map((r) => ({ ...memberOf(r), canLogin: r.can_login === true })),
    changes: Number(counts.rows[0]!.n),
    lastSeq: counts.rows[0]!.last === null ? null : Number(counts.rows[0]!.last),
  };
}
