/** The whole `VersoApi`, implemented once as services over the database and the engines. */
import type { VersoApi } from '../../shared/api.js';
import type { ServiceDeps } from './context.js';
import { createDocumentService } from './documentService.js';
import { createExportService } from './exportService.js';
import { createProfileService } from './profileService.js';
import { createReviewService } from './reviewService.js';
import { createSettingsService } from './settingsService.js';
import { createTranslationService } from './translationService.js';

export function createVersoApi(deps: ServiceDeps): VersoApi {
  return {
    async getAppInfo() {
      return { ...deps.appInfo };
    },
    ...createProfileService(deps),
    ...createSettingsService(deps),
    ...createDocumentService(deps),
    ...createTranslationService(deps),
    ...createReviewService(deps),
    ...createExportService(deps),
  };
}
