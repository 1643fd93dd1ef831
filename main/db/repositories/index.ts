/** All repositories over one database handle. */
import type Database from 'better-sqlite3';
import { createDocumentsRepo } from './documentsRepo.js';
import { createParagraphsRepo } from './paragraphsRepo.js';
import { createProfilesRepo } from './profilesRepo.js';
import { createRevisionsRepo } from './revisionsRepo.js';
import { createSettingsRepo } from './settingsRepo.js';
import { createSettingsChangesRepo } from './settingsChanges/settingsChangesRepo.js';

export function createRepositories(db: Database.Database) {
  return {
    profiles: createProfilesRepo(db),
    settings: createSettingsRepo(db),
    settingsChanges: createSettingsChangesRepo(db),
    documents: createDocumentsRepo(db),
    paragraphs: createParagraphsRepo(db),
    revisions: createRevisionsRepo(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
export type { DocumentRecord } from './documentsRepo.js';
export type { NewRevision, Revision } from './revisionsRepo.js';
