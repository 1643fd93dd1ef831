/**
 * Verso libraries as team members on the test's real PostgreSQL (`*.pg.test.ts`): each one a real
 * backend (own data directory, the real services, capture, outbox, sync loop and apply) with a
 * profile, registered with the team by its signing key and connected through Settings → Team's
 * call. Everything made is closed and removed after each test.
 */
import Database from 'better-sqlite3';
import { afterEach, expect } from 'vitest';
import type { Role } from '../../shared/types.js';
import { createBackend, type Backend } from '../backend.js';
import { createMemorySecretStore } from '../engines/secretStore.js';
import { teamPorts } from '../teamPorts.js';
import { addTeamMember } from '../team/server/members.js';
import type { PgTestDatabase } from '../team/server/testing/pgTestDatabase.js';
import { withAdmin } from '../team/server/testing/teamFixture.js';
import { createFakeEngine } from './fakeEngine.js';
import { makeTempDir, removeTempDir } from './tempDir.js';

export interface TeamLibrary {
  backend: Backend;
  /** The library's SQLite file, opened beside the backend (read-only unless `writableSql`). */
  sql: Database.Database;
  roleName: string;
  password: string;
  /** Adds the member to the team with the library's current public key. */
  register: () => Promise<void>;
  /** Saves the team settings (Connect); the first round must come back online. */
  connect: () => Promise<void>;
}

export interface TeamLibraryOptions {
  /** How often the sync loop polls the outbox (default 200 ms; a large value: pushes on Sync now only). */
  pollMs?: number;
  writableSql?: boolean;
}

export function useTeamLibraries(pgdb: PgTestDatabase) {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    while (cleanups.length > 0) cleanups.pop()!();
  });

  /** A library with a profile, not yet in the team. */
  async function library(name: string, role: Role, options: TeamLibraryOptions = {}): Promise<TeamLibrary> {
    const dir = makeTempDir('verso-team-pg-');
    const backend = createBackend({
      dataDir: dir,
      mode: 'browser',
      version: '1.0.0',
      engines: [createFakeEngine()],
      secrets: createMemorySecretStore(),
      backups: false,
      integrityCheckIdleMs: null,
      team: { ...teamPorts, tuning: { pollMs: options.pollMs ?? 200 } },
    });
    const sql = new Database(backend.dbPath, { readonly: options.writableSql !== true });
    cleanups.push(() => {
      sql.close();
      backend.close();
      removeTempDir(dir);
    });
    await backend.api.setProfile({ name, role });
    const roleName = pgdb.role(name.toLowerCase());
    const password = `pw-${roleName}`;
    return {
      backend,
      sql,
      roleName,
      password,
      async register() {
        const key = await backend.api.getSigningPublicKey({});
        await withAdmin(pgdb, (c) =>
          addTeamMember(c, { roleName, teamRole: role, displayName: name, publicKeyPem: key.publicKeyPem, password }),
        );
      },
      async connect() {
        const status = await backend.api.saveTeamSettings({
          host: pgdb.host,
          port: pgdb.port,
          database: pgdb.database,
          user: roleName,
          password,
          tls: 'none',
          caPem: null,
        });
        expect(status.state).toBe('online');
      },
    };
  }

  return {
    library,
    /** A library registered with the team and connected. */
    member: async (name: string, role: Role, options: TeamLibraryOptions = {}): Promise<TeamLibrary> => {
      const m = await library(name, role, options);
      await m.register();
      await m.connect();
      return m;
    },
    /** Sync now on each, in order; each round must end without an error. */
    sync: async (...members: TeamLibrary[]): Promise<void> => {
      for (const m of members) expect((await m.backend.api.syncTeamNow({})).lastError).toBeNull();
    },
  };
}
