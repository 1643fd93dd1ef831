/** `verso sync` against a real PostgreSQL: one round pulls another member's document; an unreachable server exits 1 and says why. */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../backend.js';
import { createMemorySecretStore } from '../engines/secretStore.js';
import { teamPorts } from '../teamPorts.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { usePgDatabase } from '../team/server/testing/pgTestDatabase.js';
import { initTeam, withAdmin } from '../team/server/testing/teamFixture.js';
import { addTeamMember } from '../team/server/members.js';
import { runCli } from './runCli.js';
import { useCliLibrary } from './testing/cliLibrary.js';

const pgdb = usePgDatabase();
const cli = useCliLibrary();
afterEach(() => vi.unstubAllEnvs());

async function addMember(name: string, role: 'translator' | 'editor', dataDir: string) {
  const backend = createBackend({
    dataDir,
    mode: 'browser',
    version: '1.0.0',
    engines: [],
    secrets: createMemorySecretStore(),
    team: teamPorts,
  });
  try {
    if ((await backend.api.listProfiles({})).length === 0) await backend.api.setProfile({ name, role });
    const key = await backend.api.getSigningPublicKey({});
    const roleName = pgdb.role(name.toLowerCase());
    const password = `pw-${roleName}`;
    await withAdmin(pgdb, (c) =>
      addTeamMember(c, { roleName, teamRole: role, displayName: name, publicKeyPem: key.publicKeyPem, password }),
    );
    await backend.api.saveTeamSettings({
      host: pgdb.host,
      port: pgdb.port,
      database: pgdb.database,
      user: roleName,
      password,
      tls: 'none',
      caPem: null,
    });
    return { backend, password };
  } catch (err) {
    backend.close();
    throw err;
  }
}

describe('verso sync', () => {
  it('pulls what another member pushed, and says the library is in step', async () => {
    await initTeam(pgdb);
    // The CLI's library: its member is set up once (as the app would), then closed.
    const mine = await addMember('Pipeline', 'editor', path.join(cli.dir, 'data'));
    mine.backend.close();
    const otherDir = makeTempDir();
    const other = await addMember('Tina', 'translator', otherDir);
    try {
      await other.backend.api.importDocument({
        source: { kind: 'text', text: 'Floods closed the road.', format: 'md' },
        sourceLang: 'en',
        targetLang: 'es',
        title: 'Floods',
      });
      expect((await other.backend.api.syncTeamNow({})).waiting).toBe(0);
    } finally {
      other.backend.close();
      removeTempDir(otherDir);
    }
    // The CLI reads the password from the environment (the app's is sealed by the keychain).
    vi.stubEnv('VERSO_TEAM_PASSWORD', mine.password);
    expect(await runCli(['sync'], cli.io)).toBe(0);
    expect(cli.out.join('')).toMatch(/^Team server .+: online\. 0 changes waiting\.\n$/);
    const backend = createBackend({ dataDir: path.join(cli.dir, 'data'), mode: 'browser', version: '1.0.0', engines: [] });
    try {
      expect((await backend.api.listLibrary({})).map((d) => d.title)).toEqual(['Floods']);
    } finally {
      backend.close();
    }
  });

  it('exits 1 and says so when the library has no team, and when the server cannot be reached', async () => {
    expect(await runCli(['sync'], cli.io)).toBe(1);
    expect(cli.err.join('')).toContain('This library is not connected to a team');
    await initTeam(pgdb);
    const mine = await addMember('Pipeline', 'editor', path.join(cli.dir, 'data'));
    await mine.backend.api.saveTeamSettings({
      host: '127.0.0.1',
      port: 1,
      database: pgdb.database,
      user: 'nobody',
      password: 'x',
      tls: 'none',
      caPem: null,
    });
    mine.backend.close();
    vi.stubEnv('VERSO_TEAM_PASSWORD', 'x');
    expect(await runCli(['sync'], cli.io)).toBe(1);
    expect(cli.out.join('')).toMatch(/: offline\. \d+ changes? waiting\.\nProblem: /);
  });
});
