/**
 * The team library's two real ports for a backend (issue 16): the PostgreSQL client
 * (main/team/server/) and the local store over the library (main/team/local/). Composition only:
 * backendProcess.ts (desktop and browser mode) and `verso sync` pass them to createBackend; tests
 * that do not name them get a backend without team sync.
 */
import type { TeamPorts } from './services/features/team.js';
import { requireProfile } from './services/context.js';
import { connectTeamServer } from './team/server/teamServerClient.js';
import { createTeamLocalStore } from './team/local/teamLocalStore.js';

export const teamPorts: TeamPorts = {
  connect: connectTeamServer,
  createLocalStore: (db, repos) => createTeamLocalStore(db, repos, () => requireProfile({ repos })),
};
