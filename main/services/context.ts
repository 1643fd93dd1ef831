/** What every service works with, injected by the composition root (main/backend.ts). */
import type Database from 'better-sqlite3';
import type { AppInfo, Profile } from '../../shared/types.js';
import type { EventHub } from '../jobs/eventHub.js';
import type { Repositories } from '../db/repositories/index.js';
import type { EngineRegistry } from '../engines/registry.js';
import type { JobRunner } from '../jobs/jobRunner.js';
import { ServiceError } from '../core/serviceError.js';
import type { ReviewClock } from './reviewClock.js';
import type { BackupControl } from '../backups/backupControl.js';
import type { TeamRuntime } from './features/teamSync.js';

export interface ServiceDeps {
  db: Database.Database;
  repos: Repositories;
  engines: EngineRegistry;
  events: EventHub;
  jobs: JobRunner;
  appInfo: AppInfo;
  /** The clock (injected so tests can step through time). */
  now: () => Date;
  newId: () => string;
  /** Reading time per paragraph, from the editor's focus reports (services/reviewClock.ts). */
  reviewClock: ReviewClock;
  /** Backups and restore (issue 13); absent where the services run without the backend (some tests). */
  backups?: BackupControl;
  /** Team sync (issue 16): the local store and the loop; absent when the backend was built without the team ports. */
  team?: TeamRuntime;
}

export const CURRENT_PROFILE_KEY = 'currentProfileId';

export function currentProfile(deps: Pick<ServiceDeps, 'repos'>): Profile | null {
  const id = deps.repos.settings.get(CURRENT_PROFILE_KEY);
  return typeof id === 'string' ? deps.repos.profiles.get(id) : null;
}

/** The current profile; actions that write need one (NO_PROFILE). */
export function requireProfile(deps: Pick<ServiceDeps, 'repos'>): Profile {
  const profile = currentProfile(deps);
  if (!profile) throw new ServiceError('NO_PROFILE', 'Choose your name and role before working on documents.');
  return profile;
}

/** "2, 5, 7" (1-based numbers), shortened after `max` numbers. */
export function formatNumbers(numbers: readonly number[], max = 20): string {
  const shown = numbers.slice(0, max).join(', ');
  return numbers.length > max ? `${shown} and ${numbers.length - max} more` : shown;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
