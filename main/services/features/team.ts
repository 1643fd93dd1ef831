/**
 * Settings → Team and the sync loop's controls (issue 16, docs/team.md): the server's settings
 * and password, the status line, Sync now, conflicts and their resolution, assignments.
 * The loop itself is teamSync.ts; it runs only when the backend was given the two ports
 * (`BackendOptions.team`), else the status says `available: false`.
 */
import type Database from 'better-sqlite3';
import type { TeamMe, TeamStatus } from '../../../shared/features/teamApi.js';
import type { TeamApi } from '../../../shared/features/teamContract.js';
import type { TeamLocalStore } from '../../team/ports.js';
import type { SecretStore } from '../../engines/secretStore.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { EventHub } from '../../jobs/eventHub.js';
import { isServiceError, ServiceError } from '../../core/serviceError.js';
import { currentProfile, requireProfile, type ServiceDeps } from '../context.js';
import { createTeamSync, type TeamConnect, type TeamRuntime, type TeamSyncTuning } from './teamSync.js';
import { clearMe, listAssignments, listRefusals, readLastSync, readMe, writeLastSync, writeMe } from './teamState.js';
import { checkTeamSettings, deleteTeamSettings, readTeamSettings, sameLogin, settingsView, writeTeamSettings } from './teamSettings.js';
import { conflictViews } from './teamConflictView.js';
import { sharedDocumentCounts, shareExistingDocuments, shareKeptDocumentAgain } from '../../team/local/shareExisting.js';
import { keptDocuments } from '../../team/local/applyDeletion.js';
import { assignDocument, documentAssignment, listMembers } from './teamAssign.js';
import { resetTeamState } from '../../team/local/teamIdentity.js';

/** What the backend needs to sync a library: the two ports' factories (main/team/server/, main/team/local/). */
export interface TeamPorts {
  connect: TeamConnect;
  /** `repos`: the library's repositories (the store writes through them, so revisions are chained and captured). */
  createLocalStore: (db: Database.Database, repos: Repositories) => TeamLocalStore;
  tuning?: Partial<TeamSyncTuning>;
}

export function createTeamRuntime(
  db: Database.Database,
  repos: Repositories,
  ports: TeamPorts,
  now: () => Date,
  log?: (m: string) => void,
  events?: Pick<EventHub, 'emit'>,
): TeamRuntime {
  const local = ports.createLocalStore(db, repos);
  // Changes applied from the team: the renderer reads what it shows of those documents again.
  const store: TeamLocalStore = {
    ...local,
    applyPulled(changes, members) {
      const report = local.applyPulled(changes, members);
      if (report.applied + report.conflicts > 0 && events)
        events.emit('teamChanged', { documentIds: [...new Set(changes.map((c) => c.documentId))] });
      return report;
    },
  };
  const sync = createTeamSync({
    connect: ports.connect,
    store,
    onMember: async (me) => {
      writeMe(db, me);
      // Documents made before joining (or while no team was set) reach the team; a second connect shares nothing twice.
      await shareExistingDocuments(db, me, now);
    },
    onSynced: (at) => writeLastSync(db, at),
    now,
    ...(ports.tuning ? { tuning: ports.tuning } : {}),
    ...(log ? { log } : {}),
  });
  return { store, sync };
}

const SECRET = 'team';
/** How long Connect waits for the first round before answering. */
const FIRST_ROUND_WAIT_MS = 1_500;

function settleWithin(work: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void work.finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** At library open: syncing starts again when a server and its password are stored. */
export async function resumeTeamSync(deps: Pick<ServiceDeps, 'repos' | 'team'>, secrets: SecretStore): Promise<void> {
  const settings = readTeamSettings(deps.repos.settings);
  if (!settings || !deps.team) return;
  const password = await secrets.get(SECRET);
  if (password !== null) void deps.team.sync.start(settings, password);
}

export function createTeamService(deps: ServiceDeps): TeamApi {
  const { db, repos } = deps;
  const secrets = deps.engines.secrets;

  async function status(): Promise<TeamStatus> {
    const settings = readTeamSettings(repos.settings);
    const team = deps.team;
    const sync = team?.sync.status();
    const passwordSet = settings !== null && (await secrets.source(SECRET)) !== null;
    const me = readMe(db);
    return {
      available: team !== undefined,
      configured: settings !== null,
      state: settings === null ? 'not-configured' : sync && sync.state !== 'stopped' ? sync.state : 'offline',
      waiting: team ? team.store.waitingCount() : 0,
      lastSyncAt: readLastSync(db),
      lastError: settings === null ? null : (sync?.lastError ?? (passwordSet ? null : 'No password is stored for the team server.')),
      switchBlocked: settings === null ? null : (sync?.switchBlocked ?? null),
      me,
      refusals: listRefusals(db),
      settings: settings && settingsView(settings, passwordSet),
      ...(me ? { documents: { ...sharedDocumentCounts(db), kept: keptDocuments(db) } } : {}),
    };
  }

  /** The desktop app never keeps it as plain text: a refusal of the key store is said for the password. */
  async function storePassword(password: string): Promise<void> {
    try {
      await secrets.set(SECRET, password);
    } catch (err) {
      if (!isServiceError(err) || (err.code !== 'KEY_STORE_UNAVAILABLE' && err.code !== 'KEY_STORE_PLAIN_TEXT')) throw err;
      throw new ServiceError('TEAM_PASSWORD_NOT_STORED', `The team password was not stored: ${err.message}`, { reason: err.code });
    }
  }

  /** Who "mine" is in a conflict: the team member, else (review packages, no server) the current profile. */
  function conflictMe(): TeamMe | null {
    const me = readMe(db);
    if (me) return me;
    const profile = currentProfile(deps);
    return profile && { roleName: profile.name, displayName: profile.name, teamRole: profile.role };
  }

  function runtime() {
    if (!deps.team) throw new ServiceError('TEAM_UNAVAILABLE', 'Team sync is not available in this process.');
    return deps.team;
  }

  return {
    getTeamStatus: () => status(),

    async saveTeamSettings({ password, ...input }) {
      const before = readTeamSettings(repos.settings);
      // verify-full without a new certificate keeps the stored one.
      const caPem = input.tls === 'verify-full' && input.caPem === null ? (before?.caPem ?? null) : input.caPem;
      const next = checkTeamSettings({ ...input, caPem });
      // The password first: when storing it fails, the settings stay as they were.
      if (password !== undefined) await storePassword(password);
      else {
        const source = await secrets.source(SECRET);
        if (source === null || (source === 'stored' && !sameLogin(before, next)))
          throw new ServiceError('TEAM_PASSWORD_MISSING', 'Enter the password for this team server and user.');
      }
      writeTeamSettings(repos.settings, next);
      const stored = password ?? (await secrets.get(SECRET));
      // The answer says online or offline when the first round ends soon; else "syncing" (the status follows).
      if (deps.team && stored !== null) await settleWithin(deps.team.sync.start(next, stored), FIRST_ROUND_WAIT_MS);
      return status();
    },

    async forgetTeamSettings({ dropTeamState }) {
      await deps.team?.sync.stop();
      deleteTeamSettings(repos.settings);
      await secrets.delete(SECRET);
      if (dropTeamState) resetTeamState(db, null);
      else clearMe(db);
      return status();
    },

    async syncTeamNow() {
      const team = runtime();
      if (!readTeamSettings(repos.settings)) throw new ServiceError('TEAM_NOT_CONFIGURED', 'No team server is set.');
      if (team.sync.status().state === 'stopped') await resumeTeamSync(deps, secrets);
      await team.sync.syncNow();
      return status();
    },

    async listTeamConflicts({ documentId }) {
      if (!deps.team) return { conflicts: [] };
      return { conflicts: conflictViews(deps.team.store.conflicts(documentId), conflictMe()) };
    },

    async resolveTeamConflict(input) {
      const team = runtime();
      // A resolution is a new revision of the paragraph: someone makes it.
      requireProfile(deps);
      const paragraph = repos.paragraphs.get(input.paragraphId);
      const view =
        paragraph &&
        conflictViews(team.store.conflicts(paragraph.documentId), conflictMe()).find((c) => c.paragraphId === input.paragraphId);
      if (!paragraph || !view) {
        throw new ServiceError('TEAM_CONFLICT_NOT_FOUND', 'This paragraph has no open conflict (it may have been resolved meanwhile).', {
          paragraphId: input.paragraphId,
        });
      }
      team.store.resolveConflict(
        input.paragraphId,
        input.keep === 'edited' ? { text: input.text } : { changeId: (input.keep === 'mine' ? view.mine : view.theirs).changeId },
      );
      return { conflicts: conflictViews(team.store.conflicts(paragraph.documentId), conflictMe()) };
    },

    async listAssignedToMe() {
      const me = readMe(db);
      return { assignments: me ? listAssignments(db, me.roleName) : [] };
    },

    async listTeamMembers() {
      return { members: readMe(db) ? listMembers(db) : [] };
    },

    async getDocumentAssignment({ documentId }) {
      return documentAssignment(db, documentId, readMe(db));
    },

    async shareTeamDocumentAgain({ documentId }) {
      if (!readTeamSettings(repos.settings)) throw new ServiceError('TEAM_NOT_CONFIGURED', 'No team server is set.');
      const change = db.transaction(() => shareKeptDocumentAgain(db, documentId, deps.now().toISOString())).immediate();
      if (!change)
        throw new ServiceError('TEAM_DOCUMENT_NOT_KEPT', 'This document is not one the team deleted and this library kept.', {
          documentId,
        });
      return status();
    },

    async assignDocument(input) {
      if (!readTeamSettings(repos.settings)) throw new ServiceError('TEAM_NOT_CONFIGURED', 'No team server is set.');
      return assignDocument(db, readMe(db), input, deps.now().toISOString());
    },
  };
}
