/**
 * The local half of team sync as one `TeamLocalStore`: the outbox (pending changes, push results,
 * refusals) beside the applying side (cursor, pulled changes, conflicts, the state hash).
 */
import type Database from 'better-sqlite3';
import type { Repositories } from '../../db/repositories/index.js';
import type { Profile } from '../../../shared/types.js';
import type { TeamLocalStore } from '../ports.js';
import { createOutbox, type Outbox } from './outbox.js';
import { createTeamApplyStore } from './applyStore.js';
import { joinTeam } from './teamIdentity.js';

export type FullTeamLocalStore = TeamLocalStore & Pick<Outbox, 'refusals' | 'dismissRefusal' | 'retryRefused'>;

export function createTeamLocalStore(
  db: Database.Database,
  repos: Pick<Repositories, 'paragraphs' | 'documents' | 'revisions'>,
  author: () => Profile,
): FullTeamLocalStore {
  const outbox = createOutbox(db, repos);
  const applying = createTeamApplyStore(db, repos, author);
  return {
    joinTeam: (teamId) => joinTeam(db, teamId),
    pendingChanges: (limit) => outbox.pendingChanges(limit),
    markPushed: (results) => outbox.markPushed(results),
    waitingCount: () => outbox.waitingCount(),
    refusals: () => outbox.refusals(),
    dismissRefusal: (changeId) => outbox.dismissRefusal(changeId),
    retryRefused: (changeId) => outbox.retryRefused(changeId),
    cursor: applying.cursor,
    applyPulled: applying.applyPulled,
    conflicts: applying.conflicts,
    resolveConflict: applying.resolveConflict,
    stateHash: applying.stateHash,
  };
}
