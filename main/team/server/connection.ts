/**
 * From `TeamConnectionSettings` to a `pg` client configuration: TLS `verify-full` against the
 * team's CA (certificate chain and host name), or plain only to a loopback host or a Unix socket.
 * Short timeouts, so an unreachable server reads as "offline" within seconds.
 */
import net from 'node:net';
import tls from 'node:tls';
import type pg from 'pg';
import type { TeamConnectionSettings } from '../ports.js';
import { TeamServerError } from './errors.js';

const CONNECT_TIMEOUT_MS = 5_000;
const STATEMENT_TIMEOUT_MS = 30_000;

/** 127.0.0.0/8, ::1, localhost, or a Unix socket directory (an absolute path). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h.startsWith('/')) return true;
  if (h === 'localhost') return true;
  if (net.isIPv4(h)) return h.split('.')[0] === '127';
  if (net.isIPv6(h)) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

function sslOf(settings: TeamConnectionSettings): pg.ClientConfig['ssl'] {
  if (settings.tls === 'none') {
    if (!isLoopbackHost(settings.host)) {
      throw new TeamServerError(
        'TEAM_TLS_REQUIRED',
        `A plain (unencrypted) connection is allowed only to this computer (localhost, 127.x.x.x, ::1 or a Unix socket); ${settings.host} needs TLS with the team's CA certificate.`,
      );
    }
    return false;
  }
  if (!settings.caPem?.includes('-----BEGIN CERTIFICATE-----')) {
    throw new TeamServerError('TEAM_TLS_FAILED', "TLS (verify-full) needs the team's CA certificate (a PEM file).");
  }
  const host = settings.host;
  return {
    ca: settings.caPem,
    rejectUnauthorized: true,
    // verify-full: the certificate must name the host we asked for (an IP address too).
    checkServerIdentity: (_name, cert) => tls.checkServerIdentity(host, cert),
  };
}

export function clientConfig(settings: TeamConnectionSettings, password: string): pg.ClientConfig {
  return {
    host: settings.host,
    port: settings.port,
    database: settings.database,
    user: settings.user,
    password,
    ssl: sslOf(settings),
    application_name: 'verso',
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 5_000,
    keepAlive: true,
  };
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|ERR_TLS|ERR_SSL/;

/** A failure to connect (or a dropped connection) as a TeamServerError with a clear message. */
export function connectError(err: unknown, settings: TeamConnectionSettings): TeamServerError {
  if (err instanceof TeamServerError) return err;
  const e = err as { code?: string; message?: string };
  const where = `${settings.host}:${settings.port}`;
  const msg = e.message ?? String(err);
  if (e.code === '28P01' || e.code === '28000') {
    return new TeamServerError(
      'TEAM_AUTH_FAILED',
      `The team server at ${where} refused user ${settings.user}: wrong user name or password.`,
      { cause: err },
    );
  }
  if ((e.code && TLS_CODES.test(e.code)) || /does not support SSL|certificate|SSL/i.test(msg)) {
    return new TeamServerError('TEAM_TLS_FAILED', `The TLS connection to ${where} was refused: ${msg}`, { cause: err });
  }
  if (e.code === '42501') {
    return new TeamServerError(
      'TEAM_NOT_MEMBER',
      `${settings.user} can log in to ${where} but is not in a Verso team group there: an admin runs "verso team add-user".`,
      { cause: err },
    );
  }
  if (e.code === '3D000')
    return new TeamServerError('TEAM_SCHEMA_MISSING', `There is no database "${settings.database}" on ${where}.`, { cause: err });
  if (e.code && /^(ECONN|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE|ENOENT|57P0)/.test(e.code)) {
    return new TeamServerError('TEAM_OFFLINE', `The team server at ${where} cannot be reached (${e.code}).`, { cause: err });
  }
  if (/timeout|terminated|Connection terminated|not queryable/i.test(msg)) {
    return new TeamServerError('TEAM_OFFLINE', `The team server at ${where} cannot be reached (${msg}).`, { cause: err });
  }
  return new TeamServerError('TEAM_SERVER_ERROR', `The team server at ${where} said: ${msg}`, { cause: err });
}
