/**
 * Error codes several methods share, for the contracts' `errors` lists (shared/features/*Contract.ts):
 * what reading an imported file can fail with, and what starting machine translation can.
 */
import { ENGINE_FAILURE_CODES, type ErrorCode } from '../errors.js';

/** Parsing a file in the import worker (main/import/: parseImport, the formats, safeXml, safeZip, the runner's limits). */
export const IMPORT_PARSE_ERRORS = [
  'IMPORT_EMPTY',
  'IMPORT_BINARY',
  'IMPORT_TOO_LARGE',
  'IMPORT_UNSUPPORTED_FORMAT',
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
  'IMPORT_DOCX_NOT_ZIP',
  'IMPORT_DOCX_DAMAGED',
  'IMPORT_DOCX_NO_DOCUMENT',
  'IMPORT_ZIP_TOO_LARGE',
  'IMPORT_ZIP_SIZE_MISMATCH',
  'IMPORT_ZIP_UNSAFE_PATH',
] as const satisfies readonly ErrorCode[];

/** Why an engine cannot be used: any reason its `describe` reports (`unavailableReason`), thrown as is by chooseEngine. */
export const ENGINE_CHOICE_ERRORS = [
  'ENGINE_NOT_FOUND',
  'ENGINE_UNAVAILABLE',
  'ENGINE_PAIR_UNSUPPORTED',
  'ENGINE_FAILED',
  ...ENGINE_FAILURE_CODES,
] as const satisfies readonly ErrorCode[];

/** Starting an MT job (translationService's createMtJobs().start): the job's own failures come as events, not here. */
export const MT_START_ERRORS = [
  'NO_PROFILE',
  'DOCUMENT_NOT_FOUND',
  'PARAGRAPH_NOT_FOUND',
  'JOB_ALREADY_RUNNING',
  ...ENGINE_CHOICE_ERRORS,
] as const satisfies readonly ErrorCode[];

/** Reading a TMX or TBX file in the import worker (safeXml's limits, the runner's time limit). */
export const XML_FILE_ERRORS = ['IMPORT_TOO_COMPLEX', 'IMPORT_XML_ENTITIES', 'IMPORT_TIMEOUT'] as const satisfies readonly ErrorCode[];
