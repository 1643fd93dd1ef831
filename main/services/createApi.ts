/** The whole `VersoApi`, implemented once as services over the database and the engines. */
import type { VersoApi } from '../../shared/api.js';
import type { ServiceDeps } from './context.js';
import { createDocumentService } from './documentService.js';
import { createProfileService } from './profileService.js';
import { createReviewService } from './reviewService.js';
import { createSettingsService } from './settingsService.js';
import { createTranslationService } from './translationService.js';
import { createEnginesService } from './features/engines.js';
import { createWorkflowService } from './features/workflow.js';
import { createExportingService } from './features/exporting.js';
import { createImportingService } from './features/importing.js';
import { createMemoryService } from './features/memory.js';
import { createGlossaryQaChecks, createGlossaryService } from './features/glossary.js';
import { createExclusionService } from './features/exclusion.js';
import { createProvenanceService } from './features/provenance.js';
import { createReplaceService } from './features/replace.js';
import { createLibraryService } from './features/library.js';
import { createSignaturesService } from './features/signatures.js';
import { createProfilesService } from './features/profiles.js';
import { createBackupsService } from './features/backups.js';
import { createTeamService } from './features/team.js';
import { createReviewPackageService } from './features/reviewPackage.js';
import { tmxReadingsFor } from './features/tmxPrefillPrepared.js';
import { bundledWorkerFile } from '../import/importWorkers.js';

export function createVersoApi(deps: ServiceDeps): VersoApi {
  // Features' QA checks that join the sign-off gate (runQa's extra checks).
  const extraQaChecks = createGlossaryQaChecks(deps);
  // TMX files read ahead for pre-filling: an import offers its paragraphs to them (issue 17).
  const tmxReadings = tmxReadingsFor(bundledWorkerFile());
  return {
    ...createProfileService(deps),
    ...createSettingsService(deps),
    ...createDocumentService(deps, { onParsed: (pair, paragraphs, at) => tmxReadings.offer(pair, paragraphs, at) }),
    ...createTranslationService(deps),
    ...createReviewService(deps, extraQaChecks),
    ...createEnginesService(deps),
    ...createWorkflowService(deps, extraQaChecks),
    ...createExportingService(deps),
    ...createImportingService(deps),
    ...createMemoryService(deps, { tmxReadings }),
    ...createGlossaryService(deps),
    ...createExclusionService(deps),
    ...createProvenanceService(deps),
    ...createReplaceService(deps),
    ...createLibraryService(deps),
    ...createSignaturesService(deps),
    ...createProfilesService(deps),
    ...createBackupsService(deps),
    ...createTeamService(deps),
    ...createReviewPackageService(deps),
  };
}
