/**
 * `verso team init | add-user | status` (issue 16): set up and inspect a team library's PostgreSQL
 * database as its owner (docs/team.md "Server"). The admin URL is an argument (--url for
 * add-user) or VERSO_TEAM_ADMIN_URL; passwords in it are never printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { TeamRole } from '../team/ports.js';
import { connectAdmin, describeUrl } from '../team/server/adminConnection.js';
import { TeamServerError } from '../team/server/errors.js';
import { addTeamMember, TEAM_ROLES, teamStatus, type TeamStatus } from '../team/server/members.js';
import { migrateTeamSchema } from '../team/server/schema.js';
import { checkTeamPassword, generateTeamPassword } from '../team/server/scramVerifier.js';
import type { CliIo } from './cliIo.js';
import { CliError } from './writeExportFile.js';

type Usage = (message: string) => Error;

function adminUrl(io: CliIo, given: string | undefined, usage: Usage): string {
  const url = given ?? io.env.VERSO_TEAM_ADMIN_URL;
  if (!url) throw usage('Give the team database: a postgres:// URL, or set VERSO_TEAM_ADMIN_URL.');
  return url;
}

async function withAdmin<T>(url: string, run: (client: Awaited<ReturnType<typeof connectAdmin>>) => Promise<T>): Promise<T> {
  const client = await connectAdmin(url);
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function init(io: CliIo, args: string[], usage: Usage): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
  if (positionals.length > 1) throw usage('"verso team init" takes one database URL.');
  const url = adminUrl(io, positionals[0], usage);
  const result = await withAdmin(url, (c) => migrateTeamSchema(c));
  io.out(`Team database ${describeUrl(url)}:\n`);
  if (result.applied.length === 0) io.out(`  schema already at version ${result.to}; nothing to do.\n`);
  for (const m of result.applied) io.out(`  applied migration ${m.version} (${m.name})\n`);
  if (result.applied.length > 0) io.out(`  schema version ${result.from} → ${result.to}\n`);
  io.out('  groups: verso_translator, verso_editor, verso_admin (NOLOGIN; shared by the databases of this server)\n');
  io.out('Next: verso team add-user <name> --role editor --public-key FILE\n');
  return 0;
}

async function readPassword(io: CliIo): Promise<string> {
  if (!io.readStdin) throw new CliError('--password-stdin: no standard input here.');
  const password = (await io.readStdin()).replace(/\r?\n$/, '');
  const problem = checkTeamPassword(password);
  if (problem) throw new CliError(problem);
  return password;
}

async function addUser(io: CliIo, args: string[], usage: Usage): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      'public-key': { type: 'string' },
      'display-name': { type: 'string' },
      'password-stdin': { type: 'boolean' },
      url: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw usage('Give exactly one member name: verso team add-user <name> --role … --public-key FILE');
  const name = positionals[0]!;
  const role = values.role as TeamRole | undefined;
  if (!role || !TEAM_ROLES.includes(role)) throw usage(`--role is required: ${TEAM_ROLES.join(', ')}.`);
  if (!values['public-key']) throw usage("--public-key is required: the member's Ed25519 public key (PEM).");
  const keyFile = path.resolve(io.cwd, values['public-key']);
  let publicKeyPem: string;
  try {
    publicKeyPem = fs.readFileSync(keyFile, 'utf8');
  } catch {
    throw new CliError(`Cannot read the public key file ${keyFile}.`);
  }
  const url = adminUrl(io, values.url, usage);
  const fromStdin = values['password-stdin'] === true;
  const given = fromStdin ? await readPassword(io) : null;
  const { result, password } = await withAdmin(url, async (c) => {
    // A role that exists (a member of another team database on this server) keeps its password unless one is given.
    const exists = (await c.query('SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1', [name])).rowCount === 1;
    const pw = given ?? (exists ? null : generateTeamPassword());
    const displayName = values['display-name'] ?? name;
    return { result: await addTeamMember(c, { roleName: name, teamRole: role, displayName, publicKeyPem, password: pw }), password: pw };
  });
  const how = result.createdRole
    ? 'new login role'
    : result.passwordSet
      ? 'existing role, password replaced'
      : 'existing role, password kept';
  io.out(`Added ${name} (${role}) to ${describeUrl(url)}: ${how}, key id ${result.keyId}.\n`);
  if (password !== null && !fromStdin) io.out(`Password for ${name} (shown once; give it to them privately): ${password}\n`);
  return 0;
}

function printStatus(io: CliIo, url: string, s: TeamStatus): void {
  io.out(`Team database ${describeUrl(url)}\n`);
  io.out(
    `  schema version ${s.schemaVersion}${s.schemaVersion === 0 ? ' (no team schema: run verso team init)' : ''} (this Verso knows ${s.knownVersion})\n`,
  );
  if (s.teamId !== null) io.out(`  team id ${s.teamId}\n`);
  io.out(`  members: ${s.members.length}\n`);
  for (const m of s.members) {
    const key = m.keyId ? `key ${m.keyId}` : 'no key registered';
    io.out(`    ${m.roleName}  ${m.teamRole}  ${key}${m.canLogin ? '' : '  (cannot log in)'}  ${m.displayName}\n`);
  }
  io.out(`  changes: ${s.changes}, last seq ${s.lastSeq ?? '-'}\n`);
  io.out(`  connections to this database: ${s.connections.length}\n`);
  for (const c of s.connections) io.out(`    ${c.user}  ${c.application || '-'}  ${c.state || '-'}  ${c.client}\n`);
}

async function status(io: CliIo, args: string[], usage: Usage): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (positionals.length > 1) throw usage('"verso team status" takes one database URL.');
  const url = adminUrl(io, positionals[0], usage);
  const s = await withAdmin(url, (c) => teamStatus(c));
  if (values.json) io.out(JSON.stringify(s, null, 2) + '\n');
  else printStatus(io, url, s);
  return 0;
}

export async function teamCommand(io: CliIo, args: string[], usage: Usage): Promise<number> {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'init':
        return await init(io, rest, usage);
      case 'add-user':
        return await addUser(io, rest, usage);
      case 'status':
        return await status(io, rest, usage);
      default:
        throw usage(sub === undefined ? 'verso team: give init, add-user or status.' : `Unknown team command "${sub}".`);
    }
  } catch (err) {
    if (err instanceof TeamServerError) throw new CliError(err.message);
    const e = err as { code?: unknown; message?: unknown };
    // A PostgreSQL error (SQLSTATE): its message, with the code for the admin.
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.message === 'string')
      throw new CliError(`${e.message} (SQLSTATE ${e.code})`);
    throw err;
  }
}
