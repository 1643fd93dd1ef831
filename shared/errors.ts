/** Every error code any method may return; `errors.<CODE>` in the renderer's locales for each. */
import { CORE_ERROR_CODES } from './coreErrors.js';
import { KEY_STORE_ERROR_CODES } from './keyStoreErrors.js';
import { TEXT_ERROR_CODES } from './textHygiene.js';

/*
 * Each feature's codes (they live here, not beside the feature's types, so that this module
 * imports nothing that imports shared/types.ts: no type circle).
 */
// backups
export const BACKUPS_ERROR_CODES = [
  'BACKUP_FAILED',
  'BACKUP_NOT_FOUND',
  'BACKUP_NOT_A_LIBRARY',
  'BACKUP_DAMAGED',
  'RESTORE_IN_PROGRESS',
  'RESTORE_FAILED',
] as const satisfies readonly string[];

// engines
/** How an engine can fail or be unusable (also every reason a choice of engine can be refused: shared/contract/errorSets.ts). */
export const ENGINE_FAILURE_CODES = [
  'ENGINE_NOT_CONFIGURED',
  'ENGINE_AUTH_FAILED',
  'ENGINE_QUOTA_EXCEEDED',
  'ENGINE_RATE_LIMITED',
  'ENGINE_NETWORK',
  'ENGINE_TIMEOUT',
  'ENGINE_SERVER_ERROR',
  'ENGINE_REQUEST_REJECTED',
  'ENGINE_BAD_REPLY',
  'ENGINE_NOT_A_TRANSLATION',
  'ENGINE_URL_INVALID',
  'ENGINE_URL_INSECURE',
  'ENGINE_REPLY_TOO_LARGE',
  'ENGINE_MODEL_MISSING',
] as const satisfies readonly string[];
export const ENGINES_ERROR_CODES = [
  ...ENGINE_FAILURE_CODES,
  'MT_PARAGRAPH_TOO_LONG',
  'MT_INCOMPLETE',
  'PARAGRAPH_HAS_HUMAN_WORK',
] as const satisfies readonly string[];

// exclusion
export const EXCLUSION_ERROR_CODES = ['EXCLUDE_WITHDRAWS_SIGN_OFF', 'PARAGRAPH_EXCLUDED'] as const satisfies readonly string[];

// exporting
export const EXPORTING_ERROR_CODES = [
  'EXPORT_QA_UNRESOLVED',
  'FOOTER_TEMPLATE_INVALID',
  'EXPORT_SETTINGS_MISSING',
  'FOOTER_EDITOR_ONLY',
  'FOOTER_REASON_REQUIRED',
  'EXPORT_FOOTER_SETTINGS_UNRECORDED',
] as const satisfies readonly string[];

// glossary
export const GLOSSARY_ERROR_CODES = [
  'GLOSSARY_TERM_EMPTY',
  'GLOSSARY_TERM_TOO_LONG',
  'GLOSSARY_TERM_DUPLICATE',
  'GLOSSARY_TERM_NOT_FOUND',
  'GLOSSARY_FORBIDDEN_IS_TARGET',
  'GLOSSARY_TOO_MANY_VARIANTS',
  'GLOSSARY_TOO_MANY_TERMS',
  'GLOSSARY_IMPORT_FORMAT',
  'GLOSSARY_IMPORT_TOO_LARGE',
  'GLOSSARY_IMPORT_ENCODING',
  'GLOSSARY_IMPORT_EMPTY',
  'GLOSSARY_IMPORT_ROW_INVALID',
  'GLOSSARY_IMPORT_DUPLICATE',
  'GLOSSARY_CSV_INVALID',
  'GLOSSARY_CSV_HEADER',
  'GLOSSARY_TBX_INVALID',
  'GLOSSARY_TBX_ENTITIES',
  'GLOSSARY_EXPORT_EMPTY',
] as const satisfies readonly string[];

// importing
export const IMPORTING_ERROR_CODES = [
  'IMPORT_ENCODING_INVALID',
  'IMPORT_FILE_TYPE_MISMATCH',
  'IMPORT_TOO_MANY_PARAGRAPHS',
  'IMPORT_PARAGRAPH_TOO_LONG',
  'IMPORT_TOO_COMPLEX',
  'IMPORT_MARKDOWN_TOO_COMPLEX',
  'IMPORT_TIMEOUT',
  'IMPORT_XML_INVALID',
  'IMPORT_XML_ENTITIES',
  'IMPORT_XLIFF_VERSION',
  'IMPORT_XLIFF_INVALID',
  'IMPORT_LANGUAGE_MISMATCH',
  'ALIGNMENT_COUNT_MISMATCH',
  'IMPORT_DOCX_NOT_ZIP',
  'IMPORT_DOCX_DAMAGED',
  'IMPORT_DOCX_NO_DOCUMENT',
  'IMPORT_ZIP_TOO_LARGE',
  'IMPORT_ZIP_SIZE_MISMATCH',
  'IMPORT_ZIP_UNSAFE_PATH',
] as const satisfies readonly string[];

// library
export const LIBRARY_ERROR_CODES = [
  'LIBRARY_TITLE_EMPTY',
  'LIBRARY_TITLE_TOO_LONG',
  'LIBRARY_TITLE_INVALID',
  'LIBRARY_DELETE_NEEDS_EDITOR',
] as const satisfies readonly string[];

// memory
export const MEMORY_ERROR_CODES = [
  'TM_UNIT_NOT_FOUND',
  'TM_SENTENCES_CHANGED',
  'TM_QUERY_EMPTY',
  'TMX_TOO_LARGE',
  'TMX_INVALID',
  'TMX_DOCTYPE',
  'TMX_NO_UNITS',
  'TMX_FILE_UNREADABLE',
  'TMX_UPLOAD_NOT_FOUND',
  'TMX_IMPORT_RUNNING',
] as const satisfies readonly string[];

// profiles
export const PROFILES_ERROR_CODES = [
  'PROFILE_NOT_FOUND',
  'PROFILE_PASSPHRASE_REQUIRED',
  'PROFILE_NAME_TAKEN',
] as const satisfies readonly string[];

// provenance
export const PROVENANCE_ERROR_CODES = [
  'ORIGIN_DECLARE_NEEDS_EDITOR',
  'ORIGIN_REASON_REQUIRED',
  'ORIGIN_NOTHING_UNKNOWN',
] as const satisfies readonly string[];

// replace
export const REPLACE_ERROR_CODES = [
  'REPLACE_TARGET_CHANGED',
  'REPLACE_WITHDRAWS_SIGN_OFF',
  'REPLACE_BATCH_NOT_FOUND',
  'REPLACE_NOTHING_TO_UNDO',
] as const satisfies readonly string[];

// signatures
export const SIGNATURES_ERROR_CODES = [
  'EXPORT_SIGNATURE_BROKEN',
  'SIGNING_KEY_LOCKED',
  'SIGNING_PASSPHRASE_WRONG',
] as const satisfies readonly string[];

// storage: errors of the library file itself (issue 13): a damaged library, one already open in
// another Verso, a full disk, a read-only data directory, a locked database. No methods of their own.
export const STORAGE_ERROR_CODES = [
  'LIBRARY_DAMAGED',
  'LIBRARY_IN_USE',
  'STORAGE_FULL',
  'STORAGE_READ_ONLY',
  'STORAGE_BUSY',
] as const satisfies readonly string[];

// team
export const TEAM_ERROR_CODES = [
  'TEAM_TLS_REQUIRED',
  'TEAM_CA_INVALID',
  'TEAM_HOST_INVALID',
  'TEAM_PASSWORD_MISSING',
  'TEAM_PASSWORD_NOT_STORED',
  'TEAM_NOT_CONFIGURED',
  'TEAM_UNAVAILABLE',
  'TEAM_CONFLICT_NOT_FOUND',
  'TEAM_DOCUMENT_NOT_IN_TEAM',
  'TEAM_ASSIGN_NEEDS_EDITOR',
  'TEAM_MEMBER_UNKNOWN',
  'TEAM_DELETE_NEEDS_EDITOR',
  'TEAM_DOCUMENT_NOT_KEPT',
  'REVIEW_PACKAGE_INVALID',
] as const satisfies readonly string[];

// workflow
export const WORKFLOW_ERROR_CODES = [
  'QA_BLOCKED',
  'NOTHING_TO_UNDO',
  'NOTHING_TO_REDO',
  'REVISION_NOT_FOUND',
  'REVISION_NOT_RESTORABLE',
  'COMMENT_NOT_FOUND',
] as const satisfies readonly string[];

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
  ...TEAM_ERROR_CODES,
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
