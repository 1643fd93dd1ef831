/**
 * The team server's settings (Settings → Team): stored in the settings table under `teamServer`,
 * the password apart in the key store (like engine keys: `team`, or VERSO_TEAM_PASSWORD).
 * TLS is `verify-full` with the team's CA certificate (PEM text, uploaded: never a path), or
 * `none`, which is allowed only to a loopback address or a Unix socket (docs/team.md#server-schema-verso).
 */
import { X509Certificate } from 'node:crypto';
import net from 'node:net';
import type { TeamSettingsView } from '../../../shared/features/teamApi.js';
import type { TeamConnectionSettings } from '../../team/ports.js';
import { ServiceError } from '../../core/serviceError.js';

export const TEAM_SETTINGS_KEY = 'teamServer';

interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export function readTeamSettings(settings: SettingsStore): TeamConnectionSettings | null {
  const v = settings.get(TEAM_SETTINGS_KEY) as Partial<TeamConnectionSettings> | undefined;
  if (!v || typeof v.host !== 'string' || typeof v.port !== 'number' || typeof v.database !== 'string' || typeof v.user !== 'string')
    return null;
  if (v.tls !== 'verify-full' && v.tls !== 'none') return null;
  return {
    host: v.host,
    port: v.port,
    database: v.database,
    user: v.user,
    tls: v.tls,
    caPem: typeof v.caPem === 'string' ? v.caPem : null,
  };
}

export function writeTeamSettings(settings: SettingsStore, value: TeamConnectionSettings): void {
  settings.set(TEAM_SETTINGS_KEY, value);
}

export function deleteTeamSettings(settings: SettingsStore): void {
  settings.delete(TEAM_SETTINGS_KEY);
}

/** The same server and login: a stored password stays valid for it. */
export function sameLogin(a: TeamConnectionSettings | null, b: TeamConnectionSettings): boolean {
  return a !== null && a.host === b.host && a.port === b.port && a.database === b.database && a.user === b.user;
}

/** `localhost`, 127.0.0.0/8, ::1, or a Unix socket's directory (an absolute path). */
export function isLoopbackHost(host: string): boolean {
  if (host.startsWith('/')) return true;
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || /^::ffff:127\./.test(h) || /^(0+:){7}0*1$/.test(h);
  return false;
}

/** A host name, an IP address (IPv6 bare or in brackets) or a Unix socket's directory: no spaces, no URL. */
function validHost(host: string): boolean {
  if (host.startsWith('/')) return !/[\0\s]/.test(host);
  if (net.isIP(host.replace(/^\[(.*)\]$/, '$1')) !== 0) return true;
  return /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(host);
}

/** Refuses what could never connect or would send the password in the clear; returns the settings as stored. */
export function checkTeamSettings(input: TeamConnectionSettings): TeamConnectionSettings {
  const host = input.host.trim();
  if (!validHost(host)) throw new ServiceError('TEAM_HOST_INVALID', `"${host}" is not a server name or address.`, { host });
  if (input.tls === 'none') {
    if (!isLoopbackHost(host))
      throw new ServiceError(
        'TEAM_TLS_REQUIRED',
        `A connection without TLS is allowed only on this computer (loopback); ${host} needs TLS (verify-full) with the team's CA certificate.`,
        { host },
      );
    return { ...input, host, caPem: null };
  }
  if (input.caPem === null || input.caPem.trim() === '')
    throw new ServiceError('TEAM_CA_INVALID', "TLS needs the team's CA certificate (a PEM file).", { reason: 'missing' });
  caSubject(input.caPem);
  return { ...input, host, caPem: input.caPem.trim() + '\n' };
}

/** The certificate's subject; TEAM_CA_INVALID when the text is not a PEM certificate. */
export function caSubject(pem: string): string {
  if (!pem.includes('-----BEGIN CERTIFICATE-----'))
    throw new ServiceError('TEAM_CA_INVALID', 'This file is not a PEM certificate (it has no BEGIN CERTIFICATE line).', {
      reason: 'not-pem',
    });
  try {
    return new X509Certificate(pem).subject.replace(/\n/g, ', ');
  } catch (err) {
    throw new ServiceError('TEAM_CA_INVALID', `The certificate could not be read: ${err instanceof Error ? err.message : String(err)}`, {
      reason: 'unreadable',
    });
  }
}

export function settingsView(s: TeamConnectionSettings, passwordSet: boolean): TeamSettingsView {
  let subject: string | null = null;
  if (s.tls === 'verify-full' && s.caPem) {
    try {
      subject = caSubject(s.caPem);
    } catch {
      subject = null;
    }
  }
  return { host: s.host, port: s.port, database: s.database, user: s.user, tls: s.tls, caSubject: subject, passwordSet };
}
