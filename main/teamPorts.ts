/**
 * The team library's two real ports for a backend (issue 16): the PostgreSQL client
 * (main/team/server/) and the local store over the library (main/team/local/). Composition only:
 * backendProcess.ts (desktop and browser mode) and `verso sync` pass them to createBackend; tests
 * that do not name them get a backend without team sync. The PostgreSQL client (pg) loads on the
 * first connection.
 */
import type { TeamPorts } from './services/features/team.js';
import { requireProfile } from './services/context.js';
import { createTeamLocalStore } from './team/local/teamLocalStore.js';

export const teamPorts: TeamPorts = {
  connect: async (settings, password) => (await import('./team/server/teamServerClient.js')).connectTeamServer(settings, password),
  createLocalStore: (db, repos) => createTeamLocalStore(db, repos, () => requireProfile({ repos })),
};
