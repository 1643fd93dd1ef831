/** Every error code any method may return; `errors.<CODE>` in the renderer's locales for each. */
import { CORE_ERROR_CODES } from './coreErrors.js';
import { ENGINES_ERROR_CODES } from './features/enginesApi.js';
import { WORKFLOW_ERROR_CODES } from './features/workflowApi.js';
import { EXPORTING_ERROR_CODES } from './features/exportingApi.js';
import { IMPORTING_ERROR_CODES } from './features/importingApi.js';
import { MEMORY_ERROR_CODES } from './features/memoryApi.js';
import { GLOSSARY_ERROR_CODES } from './features/glossaryApi.js';
import { EXCLUSION_ERROR_CODES } from './features/exclusionApi.js';
import { REPLACE_ERROR_CODES } from './features/replaceApi.js';
import { LIBRARY_ERROR_CODES } from './features/libraryApi.js';
import { PROVENANCE_ERROR_CODES } from './features/provenanceApi.js';
import { SIGNATURES_ERROR_CODES } from './features/signaturesApi.js';
import { PROFILES_ERROR_CODES } from './features/profilesApi.js';
import { KEY_STORE_ERROR_CODES } from './keyStoreErrors.js';
import { STORAGE_ERROR_CODES } from './features/storageApi.js';
import { BACKUPS_ERROR_CODES } from './features/backupsApi.js';
import { TEXT_ERROR_CODES } from './textHygiene.js';

export const ERROR_CODES = [
  ...CORE_ERROR_CODES,
  ...ENGINES_ERROR_CODES,
  ...WORKFLOW_ERROR_CODES,
  ...EXPORTING_ERROR_CODES,
  ...IMPORTING_ERROR_CODES,
  ...MEMORY_ERROR_CODES,
  ...GLOSSARY_ERROR_CODES,
  ...EXCLUSION_ERROR_CODES,
  ...REPLACE_ERROR_CODES,
  ...LIBRARY_ERROR_CODES,
  ...PROVENANCE_ERROR_CODES,
  ...SIGNATURES_ERROR_CODES,
  ...PROFILES_ERROR_CODES,
  ...KEY_STORE_ERROR_CODES,
  ...STORAGE_ERROR_CODES,
  ...BACKUPS_ERROR_CODES,
  ...TEXT_ERROR_CODES,
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
