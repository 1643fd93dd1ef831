/**
 * The admin's connection for `verso team …`: a postgres URL (argument or VERSO_TEAM_ADMIN_URL),
 * with the same rule as members' connections: plain only to loopback or a Unix socket, otherwise
 * `sslmode=verify-full`. URLs are shown without their password.
 */
import pg from 'pg';
import { isLoopbackHost } from './connection.js';
import { TeamServerError } from './errors.js';

function parseUrl(url: string): URL {
  try {
    const u = new URL(url);
    if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new Error('scheme');
    return u;
  } catch {
    throw new TeamServerError('TEAM_SERVER_ERROR', 'The admin URL is not a postgres://user@host:port/database URL.');
  }
}

/** user@host:port/database, never the password. */
export function describeUrl(url: string): string {
  const u = parseUrl(url);
  const host = u.hostname || u.searchParams.get('host') || 'localhost';
  return `${decodeURIComponent(u.username) || '(default user)'}@${host}${u.port ? `:${u.port}` : ''}${u.pathname}`;
}

export async function connectAdmin(url: string): Promise<pg.Client> {
  const u = parseUrl(url);
  const host = u.searchParams.get('host') ?? (u.hostname || 'localhost');
  const sslmode = u.searchParams.get('sslmode');
  if (!isLoopbackHost(host) && sslmode !== 'verify-full') {
    throw new TeamServerError(
      'TEAM_TLS_REQUIRED',
      `${describeUrl(url)} is not on this computer: add sslmode=verify-full (and sslrootcert=<the team CA file>) to the URL.`,
    );
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, application_name: 'verso team' });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    const e = err as { message?: string };
    throw new TeamServerError('TEAM_OFFLINE', `Could not connect to ${describeUrl(url)}: ${e.message ?? String(err)}`, { cause: err });
  }
  return client;
}
