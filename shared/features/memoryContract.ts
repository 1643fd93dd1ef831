/** Translation memory (issue: Translation memory and glossary): the methods, declared once. */
import { z } from 'zod';
import { exactly, type ApiOf, type Contract } from '../contract/contract.js';
import { XML_FILE_ERRORS } from '../contract/errorSets.js';
import { empty, id, inlineCodeSchema, langTag, paragraphSchema } from '../contract/models.js';
import { TMX_MAX_BYTES } from '../memory/limits.js';
import { ERROR_CODES } from '../errors.js';
import type { ApiError } from '../types.js';
import type {
  MemorySettings,
  TmLookupResult,
  TmMatch,
  TmPrefillResult,
  TmxPrefillResult,
  TmProvenance,
  TmSentenceMatches,
  TmUnit,
  TmxImportJob,
  TmxImportResult,
  TmxImportStatus,
} from './memoryApi.js';

const pair = { sourceLang: langTag, targetLang: langTag };
const paragraph = z.object({ paragraphId: id }).strict();

const tmUnitOrigin = z.enum(['signoff', 'tmx']);
const tmUnitShape = {
  unitId: z.number(),
  sourceLang: z.string(),
  targetLang: z.string(),
  source: z.string(),
  target: z.string(),
  origin: tmUnitOrigin,
  createdBy: z.string(),
  createdAt: z.string(),
  documentId: z.string().nullable(),
  documentTitle: z.string().nullable(),
  codes: z.array(inlineCodeSchema).optional(),
  mtOrigin: z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('mt'),
        engineId: z.string(),
        engineName: z.string().nullable(),
        engineVersion: z.string().nullable(),
        createdAt: z.string().nullable(),
      }),
      z.object({ kind: z.literal('unknown') }),
    ])
    .nullable()
    .optional(),
};
const tmUnit = exactly<TmUnit>()(z.object(tmUnitShape));
const tmMatch = exactly<TmMatch>()(
  z.object({ ...tmUnitShape, score: z.number(), variant: z.enum(['exact', 'broader', 'narrower', 'other']).optional() }),
);

const tmSentenceMatches = exactly<TmSentenceMatches>()(
  z.object({ index: z.number(), start: z.number(), end: z.number(), text: z.string(), matches: z.array(tmMatch) }),
);
const tmLookupResult = exactly<TmLookupResult>()(z.object({ matches: z.array(tmMatch), sentences: z.array(tmSentenceMatches) }));
const applied = z.object({ paragraph: paragraphSchema, signOffWithdrawn: z.boolean() });
const unitId = z.number().int().positive();

const tmProvenance = exactly<TmProvenance>()(
  z.object({
    revisionId: z.number(),
    unitId: z.number(),
    score: z.number(),
    unitSource: z.string(),
    unitOrigin: tmUnitOrigin,
    unitBy: z.string(),
    unitAt: z.string(),
  }),
);

const tmxImportResult = exactly<TmxImportResult>()(
  z.object({
    imported: z.number(),
    skipped: z.number(),
    removed: z.number(),
    notKept: z.object({ notes: z.number(), properties: z.number(), sourceVariants: z.number() }),
  }),
);

const tmxImportStatus = exactly<TmxImportStatus>()(
  z.object({
    fileName: z.string(),
    sourceLang: z.string(),
    targetLang: z.string(),
    phase: z.enum(['reading', 'publishing', 'finished']),
    bytesRead: z.number(),
    bytesTotal: z.number(),
    units: z.number(),
    result: tmxImportResult.nullable(),
  }),
);
const apiError = exactly<ApiError>()(
  z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.array(z.number())])).optional(),
  }),
);
const tmxImportJob = exactly<TmxImportJob>()(
  z.object({
    jobId: z.string(),
    state: z.enum(['running', 'done', 'cancelled', 'failed']),
    error: apiError.nullable(),
    status: tmxImportStatus,
  }),
);
/** Where a streamed TMX import reads from: a file on this machine, or one uploaded to the bridge (`POST /api/upload/tmx`). */
const tmxSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
  z.object({ kind: z.literal('upload'), uploadId: z.string().min(1).max(64), fileName: z.string().min(1).max(255).optional() }).strict(),
]);
/** What reading a TMX file can fail with (in the job's error, or at once from `importTmx`). */
const TMX_READ_ERRORS = ['TMX_INVALID', 'TMX_DOCTYPE', 'TMX_NO_UNITS', 'TMX_FILE_UNREADABLE', ...XML_FILE_ERRORS] as const;

const memorySettings = exactly<MemorySettings>()(z.object({ prefillExact: z.boolean() }));
const prefillResult = exactly<TmPrefillResult>()(z.object({ paragraphs: z.array(paragraphSchema) }));
const prefillFromTmxResult = exactly<TmxPrefillResult>()(z.object({ paragraphs: z.array(paragraphSchema), tus: z.number() }));

export const memoryContract = {
  /** The best TM matches (at most 5, ≥ 50 %) for a paragraph's source, best first. */
  lookupTm: { input: paragraph, output: z.array(tmMatch), errors: ['PARAGRAPH_NOT_FOUND'] },
  /** Writes a TM unit's target into the paragraph as a revision with origin `tm`. */
  applyTmMatch: {
    input: z.object({ paragraphId: id, unitId: z.number().int().positive() }).strict(),
    output: z.object({ paragraph: paragraphSchema, signOffWithdrawn: z.boolean() }),
    errors: ['NO_PROFILE', 'PARAGRAPH_NOT_FOUND', 'TM_UNIT_NOT_FOUND'],
  },
  /** Issue 17: the paragraph's matches and, for a paragraph of 2+ sentences, each sentence's best matches. */
  lookupTmSentences: { input: paragraph, output: tmLookupResult, errors: ['PARAGRAPH_NOT_FOUND'] },
  /**
   * Puts a unit's target in place of one sentence: the target sentence of the same index when the
   * target has as many sentences as the source, else appended to the target (docs/translation-memory.md).
   */
  applyTmSentence: {
    input: z.object({ paragraphId: id, sentenceIndex: z.number().int().min(0).max(9999), unitId }).strict(),
    output: applied,
    errors: ['NO_PROFILE', 'PARAGRAPH_NOT_FOUND', 'TM_UNIT_NOT_FOUND', 'TM_SENTENCES_CHANGED'],
  },
  /** The source with each sentence replaced by its unit's target (null: the source sentence is kept), as one revision. */
  applyTmAssembled: {
    input: z.object({ paragraphId: id, unitIds: z.array(unitId.nullable()).min(2).max(10_000) }).strict(),
    output: applied,
    errors: ['NO_PROFILE', 'PARAGRAPH_NOT_FOUND', 'TM_UNIT_NOT_FOUND', 'TM_SENTENCES_CHANGED'],
  },
  /** The TM provenance of a paragraph's revisions with origin `tm`, oldest first. */
  listTmProvenance: { input: paragraph, output: z.array(tmProvenance), errors: ['PARAGRAPH_NOT_FOUND'] },
  /**
   * Fills untouched paragraphs ('new') of a document that have a 100 % match, when the setting is on;
   * `requested` (the CLI's `import --prefill`): also when it is off. By each source's exact key: a TMX imported just before counts whole, its fuzzy index built or not.
   */
  prefillTmMatches: {
    input: z.object({ documentId: id, requested: z.boolean().optional() }).strict(),
    output: prefillResult,
    errors: ['DOCUMENT_NOT_FOUND', 'NO_PROFILE'],
  },
  /**
   * Issue 17: fills the document's untouched paragraphs that have a 100 % match in a TMX file, read
   * once and not stored (as OmegaT's tm/auto; the CLI's `import --prefill-from`): the same units and
   * rules as importing the file and pre-filling. A broken file fills nothing (one transaction at the end).
   */
  prefillFromTmx: {
    input: z.object({ documentId: id, source: tmxSource }).strict(),
    output: prefillFromTmxResult,
    errors: ['DOCUMENT_NOT_FOUND', 'NO_PROFILE', 'TMX_UPLOAD_NOT_FOUND', ...TMX_READ_ERRORS],
  },
  /**
   * Issue 17: starts reading a TMX file's source-language segments in the background and returns at
   * once, so that a `prefillFromTmx` of the same file soon after finds them read (the CLI's `import
   * --prefill-from` calls it before importing the document). Nothing is stored; an unused reading is
   * dropped after a few minutes.
   */
  prepareTmxPrefill: {
    input: z.object({ source: tmxSource, sourceLang: langTag }).strict(),
    output: z.object({ fileName: z.string(), bytesTotal: z.number() }),
    errors: ['LANGUAGE_UNKNOWN', 'TMX_FILE_UNREADABLE', 'TMX_UPLOAD_NOT_FOUND'],
  },
  /** Concordance: units of a pair whose source contains a word or phrase. */
  searchTmConcordance: {
    input: z.object({ ...pair, query: z.string().max(500) }).strict(),
    output: z.array(tmUnit),
    errors: ['LANGUAGE_UNKNOWN', 'LANGUAGE_SAME', 'TM_QUERY_EMPTY'],
  },
  /**
   * Issue 17: imports a TMX file of any size as a background job (progress as `jobProgress` events
   * with `tmxImport`, `cancelJob` stops it and nothing is stored); the final event carries the summary.
   */
  startTmxImport: {
    input: z.object({ ...pair, source: tmxSource, mode: z.enum(['merge', 'replace']) }).strict(),
    output: z.object({ jobId: z.string(), fileName: z.string(), bytesTotal: z.number() }),
    errors: ['NO_PROFILE', 'LANGUAGE_UNKNOWN', 'LANGUAGE_SAME', 'TMX_FILE_UNREADABLE', 'TMX_UPLOAD_NOT_FOUND', 'TMX_IMPORT_RUNNING'],
  },
  /** A TMX import's state: its progress, and its summary (or error) once it has ended. */
  getTmxImport: { input: z.object({ jobId: id }).strict(), output: tmxImportJob, errors: ['JOB_NOT_FOUND'] },
  /** A small TMX file (≤ TMX_MAX_BYTES) as base64, imported to its end (the same import as `startTmxImport`). */
  importTmx: {
    input: z
      .object({
        ...pair,
        fileName: z.string().min(1).max(255),
        // base64 grows 4/3; a little slack so the service reports the size itself (TMX_TOO_LARGE).
        dataBase64: z.string().max(Math.ceil((TMX_MAX_BYTES * 4) / 3) + 1024),
        mode: z.enum(['merge', 'replace']),
      })
      .strict(),
    output: tmxImportResult,
    errors: ['NO_PROFILE', 'LANGUAGE_UNKNOWN', 'LANGUAGE_SAME', 'TMX_TOO_LARGE', 'TMX_IMPORT_RUNNING', ...TMX_READ_ERRORS],
  },
  exportTmx: {
    input: z.object(pair).strict(),
    output: z.object({ fileName: z.string(), content: z.string(), units: z.number() }),
    errors: ['LANGUAGE_UNKNOWN', 'LANGUAGE_SAME'],
  },
  /** The pair's unit count; `indexing`: changes of any pair still waiting for the index (after a big TMX import). */
  getTmStats: {
    input: z.object(pair).strict(),
    output: z.object({ units: z.number(), indexing: z.number() }),
    errors: ['LANGUAGE_UNKNOWN', 'LANGUAGE_SAME'],
  },
  /**
   * What an import with "Replace earlier TMX imports" would remove, asked before it runs: the pair's
   * units imported from TMX files, and whether the removal goes to a team (every member's library).
   */
  checkTmxReplace: {
    input: z.object(pair).strict(),
    output: z.object({ tmxUnits: z.number(), team: z.boolean() }),
    errors: ['LANGUAGE_UNKNOWN', 'LANGUAGE_SAME'],
  },
  getMemorySettings: { input: empty, output: memorySettings, errors: [] },
  updateMemorySettings: { input: z.object({ prefillExact: z.boolean() }).partial().strict(), output: memorySettings, errors: [] },
} as const satisfies Contract;

export type MemoryApi = ApiOf<typeof memoryContract>;
