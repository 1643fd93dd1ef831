/** All repositories over one database handle. */
import type Database from 'better-sqlite3';
import { createDocumentsRepo } from './documentsRepo.js';
import { createParagraphsRepo } from './paragraphsRepo.js';
import { createProfilesRepo } from './profilesRepo.js';
import { createRevisionsRepo, type RevisionObserver } from './revisionsRepo.js';
import { createSettingsRepo } from './settingsRepo.js';
import { createSettingsChangesRepo } from './settingsChanges/settingsChangesRepo.js';
import { createAuditRecorder } from '../audit/auditRecorder.js';
import type { KeyProtector } from '../audit/keyProtection.js';
import { createSigningKeys, sessionProtector } from '../audit/signingKeys.js';

export interface RepositoryOptions {
  /** Seals profiles' signing keys at rest (default: `sessionProtector()`, keys usable in this process only). */
  keyProtector?: KeyProtector;
  /** Told of every revision write in its transaction (the team outbox's capture; backend.ts). */
  revisionObserver?: RevisionObserver;
}

export function createRepositories(db: Database.Database, options: RepositoryOptions = {}) {
  const signingKeys = createSigningKeys(db, options.keyProtector ?? sessionProtector());
  const audit = createAuditRecorder(db, signingKeys);
  return {
    signingKeys,
    profiles: createProfilesRepo(db),
    settings: createSettingsRepo(db),
    settingsChanges: createSettingsChangesRepo(db),
    documents: createDocumentsRepo(db),
    paragraphs: createParagraphsRepo(db),
    revisions: createRevisionsRepo(db, audit, options.revisionObserver ?? null),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
export type { DocumentRecord } from './documentsRepo.js';
