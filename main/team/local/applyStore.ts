/**
 * The applying half of `TeamLocalStore` (main/team/ports.ts) over one library: cursor, applying
 * pulled changes, conflicts and their resolution, the state hash. The outbox half
 * (`pendingChanges`, `markPushed`, `waitingCount`) is composed beside it.
 */
import type Database from 'better-sqlite3';
import type { Profile } from '../../../shared/types.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { TeamLocalStore } from '../ports.js';
import { createTeamApplier } from './applyPulled.js';
import { createTeamConflicts } from './conflicts.js';
import { stateHash } from './stateHash.js';

export type TeamApplyStore = Pick<TeamLocalStore, 'cursor' | 'applyPulled' | 'conflicts' | 'resolveConflict' | 'stateHash'>;

export function createTeamApplyStore(
  db: Database.Database,
  repos: Pick<Repositories, 'paragraphs' | 'documents' | 'revisions'>,
  /** Who resolves a conflict here (the current profile). */
  author: () => Profile,
): TeamApplyStore {
  const applier = createTeamApplier(db, repos);
  const conflicts = createTeamConflicts(db, repos, author);
  return {
    cursor: () => applier.cursor(),
    applyPulled: (changes, members) => applier.applyPulled(changes, members),
    conflicts: (documentId) => conflicts.conflicts(documentId),
    resolveConflict: (paragraphId, keep) => conflicts.resolveConflict(paragraphId, keep),
    stateHash: () => stateHash(db),
  };
}
