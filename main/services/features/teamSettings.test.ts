/** Which hosts may be reached without TLS, and what a team server's address may be. */
import { describe, expect, it } from 'vitest';
import { checkTeamSettings, isLoopbackHost } from './teamSettings.js';

const base = { port: 5432, database: 'team', user: 'ana', tls: 'none' as const, caPem: null };

describe('team settings', () => {
  it('loopback: localhost, 127.0.0.0/8, ::1 (bare, bracketed, mapped) and Unix socket directories only', () => {
    for (const host of [
      'localhost',
      'LOCALHOST',
      'db.localhost',
      '127.0.0.1',
      '127.1.2.3',
      '::1',
      '[::1]',
      '::ffff:127.0.0.1',
      '/run/postgresql',
    ])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '128.0.0.1', '10.0.0.1', '::', '::2', 'localhost.example.org', 'example.org', '[2001:db8::1]'])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it('trims the host and drops a CA certificate a plain connection does not use', () => {
    expect(checkTeamSettings({ ...base, host: ' localhost ', caPem: 'x' })).toEqual({ ...base, host: 'localhost', caPem: null });
  });

  it('refuses URLs, spaces and user@host as a host', () => {
    for (const host of ['postgres://localhost', 'local host', 'ana@localhost', 'localhost/x', '-localhost'])
      expect(() => checkTeamSettings({ ...base, host }), host).toThrow(/is not a server name or address/);
  });
});
