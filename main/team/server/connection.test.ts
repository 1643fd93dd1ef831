import { describe, expect, it } from 'vitest';
import type { TeamConnectionSettings } from '../ports.js';
import { clientConfig, isLoopbackHost } from './connection.js';

const settings = (host: string, tls: TeamConnectionSettings['tls'], caPem: string | null = null): TeamConnectionSettings => ({
  host,
  port: 5432,
  database: 'team',
  user: 'tina',
  tls,
  caPem,
});

describe('team server connection settings', () => {
  it('knows loopback hosts and Unix sockets', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '/var/run/postgresql', 'LOCALHOST'])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['10.0.0.1', '128.0.0.1', 'db.example.org', 'localhost.example.org', '::2', '127.0.0.1.nip.io', '', 'relative/dir']) {
      expect(isLoopbackHost(h), h).toBe(false);
    }
  });

  it('allows a plain connection only to loopback, and TLS verify-full only with a CA', () => {
    expect(clientConfig(settings('127.0.0.1', 'none'), 'pw').ssl).toBe(false);
    expect(() => clientConfig(settings('db.example.org', 'none'), 'pw')).toThrow(expect.objectContaining({ code: 'TEAM_TLS_REQUIRED' }));
    expect(() => clientConfig(settings('db.example.org', 'verify-full'), 'pw')).toThrow(
      expect.objectContaining({ code: 'TEAM_TLS_FAILED' }),
    );
    const ca = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const c = clientConfig(settings('db.example.org', 'verify-full', ca), 'pw');
    expect(c.ssl).toMatchObject({ ca, rejectUnauthorized: true });
    expect(c.connectionTimeoutMillis).toBeLessThanOrEqual(10_000);
  });
});
