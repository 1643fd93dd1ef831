/**
 * The `details` each error code carries, typed per code (issue 15, item 8). `ServiceError` takes
 * `ErrorDetailsOf<code>` (so a service cannot send a field the renderer does not expect), the
 * renderer reads them with `detailsOf(error, code)` (validated), and in checking mode (tests, e2e)
 * every ServiceError's details are validated against its schema (main/api/outputChecks.ts).
 * A code without an entry carries no details. Values stay flat (string, number, boolean, arrays
 * of them): `errors.<CODE>` interpolates them.
 */
import { z } from 'zod';
import type { ApiError } from './types.js';
import type { ErrorCode } from './errors.js';

const s = z.string();
const n = z.number();
const b = z.boolean();
const numbers = z.array(z.number());
const strings = z.array(z.string());
const o = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape).partial();
/** One flat value of `details`. */
const value = z.union([s, n, b, strings, numbers]);

/** Paragraph numbers (1-based) and how many. */
const paragraphs = { count: n, paragraphs: numbers };
/** Where in an XML or CSV file. */
const at = { line: n, column: n, reason: s };
/** An HTTP engine's failure. */
const engine = { engine: s, engineId: s, host: s, status: n, reply: s, cause: s, model: s, seconds: n, limitBytes: n, check: s };
const limit = { limit: z.union([n, s]), what: s, found: n, line: n, tags: n };

/**
 * Every field is optional: codes are raised from several places, each telling what it knows.
 * The per-code shape still refuses any field it does not name, and any value of the wrong type.
 * Built on first use (`errorDetailsSchemas`): making them all takes about 20 ms, which every
 * start of the app, the CLI and each import worker would otherwise pay.
 */
const buildErrorDetails = () =>
  ({
    BAD_REQUEST: o({ issues: strings, field: s }),
    INTERNAL: o({ logFile: s, reason: s, restarting: b }),
    ROLE_FORBIDDEN: o({ role: s, ...paragraphs, paragraphIds: strings }),
    /** Paragraphs a confirmation or sign-off refused (reviewService.ts checkAll). */
    PARAGRAPH_EMPTY: o({ ...paragraphs, paragraphIds: strings }),
    PARAGRAPH_NOT_CONFIRMABLE: o({ ...paragraphs, paragraphIds: strings }),
    IMPORT_TOO_LARGE: o({ limitBytes: n, sizeBytes: n }),
    IMPORT_UNSUPPORTED_FORMAT: o({ fileName: s, extension: s }),
    LANGUAGE_UNKNOWN: o({ lang: s, tag: s }),
    LANGUAGE_SAME: o({ tag: s }),
    DOCUMENT_NOT_FOUND: o({ documentId: s }),
    PARAGRAPH_NOT_FOUND: o({ paragraphId: s, paragraphIds: strings }),
    ENGINE_NOT_FOUND: o({ engineId: s }),
    ENGINE_UNAVAILABLE: o({ engineId: s, engine: s }),
    ENGINE_PAIR_UNSUPPORTED: o({ engineId: s, source: s, target: s }),
    ENGINE_FAILED: o({ engineId: s, mode: s, expected: n, received: n, stderr: s, exitCode: n }),
    JOB_NOT_FOUND: o({ jobId: s }),
    JOB_ALREADY_RUNNING: o({ jobId: s, documentId: s }),
    EXPORT_NOT_SIGNED_OFF: o(paragraphs),
    SETTINGS_INVALID: o({ issues: strings }),
    DB_TOO_NEW: o({ found: n, supported: n }),
    // engines
    ENGINE_NOT_CONFIGURED: o(engine),
    ENGINE_AUTH_FAILED: o(engine),
    ENGINE_QUOTA_EXCEEDED: o(engine),
    ENGINE_RATE_LIMITED: o(engine),
    ENGINE_NETWORK: o(engine),
    ENGINE_TIMEOUT: o(engine),
    ENGINE_SERVER_ERROR: o(engine),
    ENGINE_REQUEST_REJECTED: o(engine),
    ENGINE_BAD_REPLY: o(engine),
    ENGINE_NOT_A_TRANSLATION: o(engine),
    ENGINE_REPLY_TOO_LARGE: o(engine),
    ENGINE_URL_INVALID: o({ url: s, engine: s }),
    ENGINE_URL_INSECURE: o({ host: s, engine: s }),
    ENGINE_MODEL_MISSING: o({ field: s, engine: s }),
    MT_PARAGRAPH_TOO_LONG: o({ engine: s, number: n, chars: n, limit: n }),
    /** The counts, the cause's code (`reason`) and the cause's own details. */
    MT_INCOMPLETE: z
      .strictObject({ translated: n, untranslated: n, count: n, total: n, paragraphs: numbers, engine: s, reason: s })
      .partial()
      .catchall(value),
    PARAGRAPH_HAS_HUMAN_WORK: o({ number: n }),
    // workflow
    QA_BLOCKED: o({ ...paragraphs, paragraphIds: strings }),
    NOTHING_TO_UNDO: o({ number: n }),
    NOTHING_TO_REDO: o({ number: n }),
    REVISION_NOT_FOUND: o({ revisionId: n }),
    REVISION_NOT_RESTORABLE: o({ revisionId: n }),
    COMMENT_NOT_FOUND: o({ commentId: s }),
    // exporting
    EXPORT_QA_UNRESOLVED: o(paragraphs),
    EXPORT_SETTINGS_MISSING: o({ fields: z.array(z.enum(['publisher', 'contactEmail'])) }),
    EXPORT_FOOTER_SETTINGS_UNRECORDED: o({ settings: strings, lang: s }),
    FOOTER_REASON_REQUIRED: o({ setting: s }),
    FOOTER_TEMPLATE_INVALID: o({ lang: s, problem: s, line: z.union([n, s]) }),
    FOOTER_TEMPLATE_MISSING: o({ lang: s }),
    FOOTER_EDITOR_ONLY: o({ setting: s, role: s }),
    EXPORT_SIGNATURE_BROKEN: o(paragraphs),
    // importing
    IMPORT_ENCODING_INVALID: o({ encoding: s, offset: n }),
    IMPORT_FILE_TYPE_MISMATCH: o({ detected: s, extension: s }),
    IMPORT_TOO_MANY_PARAGRAPHS: o({ count: n, limit: n }),
    IMPORT_PARAGRAPH_TOO_LONG: o({ paragraph: n, chars: n, limit: n }),
    IMPORT_TOO_COMPLEX: o(limit),
    IMPORT_MARKDOWN_TOO_COMPLEX: o(limit),
    IMPORT_TIMEOUT: o({ seconds: n }),
    IMPORT_XML_INVALID: o(at),
    IMPORT_XML_ENTITIES: o(at),
    IMPORT_XLIFF_VERSION: o({ version: s }),
    IMPORT_XLIFF_INVALID: o({ reason: s }),
    IMPORT_LANGUAGE_MISMATCH: o({ sourceLang: s, targetLang: s, fileSourceLang: s, fileTargetLang: s }),
    ALIGNMENT_COUNT_MISMATCH: o({ sources: n, targets: n }),
    IMPORT_DOCX_DAMAGED: o({ reason: s }),
    IMPORT_ZIP_TOO_LARGE: o({ entry: s, limitBytes: n, limitMb: n, declaredBytes: n }),
    IMPORT_ZIP_SIZE_MISMATCH: o({ entry: s, declaredBytes: n }),
    IMPORT_ZIP_UNSAFE_PATH: o({ entry: s }),
    // memory
    TM_UNIT_NOT_FOUND: o({ unitId: n }),
    TM_SENTENCES_CHANGED: o({ sentences: n }),
    TMX_TOO_LARGE: o({ limitMb: n }),
    TMX_INVALID: o({ ...at, unit: n, fileName: s }),
    TMX_DOCTYPE: o({ line: n, fileName: s }),
    TMX_FILE_UNREADABLE: o({ fileName: s, reason: s }),
    TMX_UPLOAD_NOT_FOUND: o({ uploadId: s }),
    TMX_IMPORT_RUNNING: o({ jobId: s }),
    TMX_NO_UNITS: o({ fileName: s, sourceLang: s, targetLang: s, languages: s }),
    // glossary
    GLOSSARY_TERM_EMPTY: o({ row: n, field: s }),
    GLOSSARY_TERM_TOO_LONG: o({ row: n, field: s, limit: n }),
    GLOSSARY_TERM_DUPLICATE: o({ source: s }),
    GLOSSARY_TERM_NOT_FOUND: o({ termId: s }),
    GLOSSARY_FORBIDDEN_IS_TARGET: o({ row: n, variant: s }),
    GLOSSARY_TOO_MANY_VARIANTS: o({ row: n, limit: n }),
    GLOSSARY_TOO_MANY_TERMS: o({ limit: n }),
    GLOSSARY_IMPORT_FORMAT: o({ fileName: s }),
    GLOSSARY_IMPORT_TOO_LARGE: o({ limit: n, size: n }),
    GLOSSARY_IMPORT_EMPTY: o({ sourceLang: s, targetLang: s }),
    GLOSSARY_IMPORT_ROW_INVALID: o({ row: n, field: s, reason: s, limit: n, variant: s }),
    GLOSSARY_IMPORT_DUPLICATE: o({ row: n, firstRow: n, source: s }),
    GLOSSARY_CSV_INVALID: o({ line: n, reason: s }),
    GLOSSARY_CSV_HEADER: o({ found: s, expected: s }),
    GLOSSARY_TBX_INVALID: o(at),
    GLOSSARY_TBX_ENTITIES: o(at),
    GLOSSARY_EXPORT_EMPTY: o({ sourceLang: s, targetLang: s }),
    // exclusion, replace, library, profiles
    EXCLUDE_WITHDRAWS_SIGN_OFF: o(paragraphs),
    PARAGRAPH_EXCLUDED: o({ ...paragraphs, paragraphIds: strings }),
    REPLACE_TARGET_CHANGED: o(paragraphs),
    REPLACE_WITHDRAWS_SIGN_OFF: o(paragraphs),
    REPLACE_BATCH_NOT_FOUND: o({ batchId: s }),
    REPLACE_NOTHING_TO_UNDO: o({ batchId: s }),
    LIBRARY_TITLE_TOO_LONG: o({ limit: n }),
    LIBRARY_DELETE_NEEDS_EDITOR: o({ title: s, signOffs: n }),
    PROFILE_NAME_TAKEN: o({ name: s, passphraseProtected: b }),
    PROFILE_PASSPHRASE_REQUIRED: o({ name: s }),
    // storage (the library file), text hygiene
    LIBRARY_DAMAGED: o({ file: s, problem: s, backup: s, backupCreatedAt: s }),
    LIBRARY_IN_USE: o({ dataDir: s, pid: n, command: s, host: s, startedAt: s }),
    STORAGE_READ_ONLY: o({ file: s }),
    TEXT_CONTROL_CHARACTER: o({ field: s, codePoint: s }),
    // An engine that cannot run says which (main/engines/http/*: its availability's code, with the engine's name).
    KEY_STORE_UNAVAILABLE: o({ engine: s }),
    KEY_STORE_PLAIN_TEXT: o({ engine: s }),
    // team
    TEAM_TLS_REQUIRED: o({ host: s }),
    TEAM_CA_INVALID: o({ reason: s }),
    TEAM_HOST_INVALID: o({ host: s }),
    TEAM_CONFLICT_NOT_FOUND: o({ paragraphId: s }),
    TEAM_PASSWORD_NOT_STORED: o({ reason: s }),
    TEAM_DOCUMENT_NOT_IN_TEAM: o({ documentId: s }),
    TEAM_MEMBER_UNKNOWN: o({ roleName: s, as: s }),
    TEAM_DELETE_NEEDS_EDITOR: o({ title: s }),
    TEAM_DOCUMENT_NOT_KEPT: o({ documentId: s }),
    REVIEW_PACKAGE_INVALID: o({ reason: s }),
  }) satisfies { [C in ErrorCode]?: z.ZodType<NonNullable<ApiError['details']>> };

type Schemas = ReturnType<typeof buildErrorDetails>;
let built: Schemas | null = null;

/** The schema of each code's details (built on first use). */
export function errorDetailsSchemas(): Schemas {
  return (built ??= buildErrorDetails());
}

type Declared = keyof Schemas;

/** A code without an entry: no object fits it (only absent details do). */
type NoDetails = { readonly noDetailsFor: never };
type EachDetails<C extends ErrorCode> = C extends Declared ? z.output<Schemas[C]> : NoDetails;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * The details `code` carries. For a code known only as a union (chosen at run time), details
 * must fit every code of the union; a union with a code that carries none takes no details.
 */
export type ErrorDetailsOf<C extends ErrorCode> = Intersection<EachDetails<C>>;

function schemaOf(code: ErrorCode): z.ZodType | undefined {
  const schemas = errorDetailsSchemas();
  return Object.hasOwn(schemas, code) ? schemas[code as Declared] : undefined;
}

/** Null when `details` fits `code`'s schema (absent details always fit), else what does not. */
export function checkErrorDetails(code: ErrorCode, details: unknown): string[] | null {
  if (details === undefined) return null;
  const schema = schemaOf(code);
  if (!schema) return [`${code} carries no details`];
  const parsed = schema.safeParse(details);
  return parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join('.') || '(details)'}: ${i.message}`);
}

/** An error envelope whose details are checked against `code` at compile time. */
export function apiError<C extends ErrorCode>(code: C, message: string, details?: ErrorDetailsOf<C>): ApiError {
  return details === undefined ? { code, message } : { code, message, details: details as NonNullable<ApiError['details']> };
}

/** The error's details typed for `code`, when the error has that code and its details fit; else undefined. */
export function detailsOf<C extends ErrorCode>(error: Pick<ApiError, 'code' | 'details'>, code: C): ErrorDetailsOf<C> | undefined {
  if (error.code !== code || error.details === undefined) return undefined;
  const parsed = schemaOf(code)?.safeParse(error.details);
  return parsed?.success ? (parsed.data as ErrorDetailsOf<C>) : undefined;
}
