/** Import formats, bilingual alignment, living stories (issue: Import everything): the methods, declared once. */
import { z } from 'zod';
import { exactly, type ApiOf, type Contract } from '../contract/contract.js';
import { IMPORT_PARSE_ERRORS } from '../contract/errorSets.js';
import { blockKindSchema, documentDetailSchema, id, langTag, paragraphStatusSchema } from '../contract/models.js';
import { LIMITS } from '../limits.js';
import { safeText } from '../safeText.js';
import { importSourceSchema } from './coreContract.js';
import type { ArchivedParagraph, BilingualAlignment, ReimportResult, ReopenedParagraph } from './importingApi.js';

/** Most paragraphs and longest paragraph of an import (main/import/limits.ts checks them again). */
const MAX_PARAGRAPHS = LIMITS.documentParagraphs;
const MAX_PARAGRAPH_CHARS = 20_000;

const bilingualAlignment = exactly<BilingualAlignment>()(
  z.object({
    sources: z.array(z.object({ kind: blockKindSchema, marker: z.string().nullable(), text: z.string() })),
    translations: z.array(z.string()),
    proposal: z.array(z.string()),
    uncertain: z.array(z.boolean()),
  }),
);

const reimportResult = exactly<ReimportResult>()(
  z.object({
    document: documentDetailSchema,
    summary: z.object({
      reimportId: z.number(),
      unchanged: z.number(),
      moved: z.array(z.number()),
      changed: z.array(z.number()),
      added: z.array(z.number()),
      removed: z.array(z.object({ oldNumber: z.number(), source: z.string() })),
      signOffsWithdrawn: z.number(),
      translations: z
        .object({
          tool: z.string().nullable(),
          applied: z.array(z.number()),
          unchanged: z.number(),
          signOffsReopened: z.array(z.number()),
          skipped: z.array(z.object({ paragraph: z.number(), reason: z.enum(['excluded', 'no-target']) })),
        })
        .optional(),
    }),
  }),
);

const reopenedParagraph = exactly<ReopenedParagraph>()(
  z.object({
    paragraphId: z.string(),
    oldSource: z.string(),
    oldTarget: z.string(),
    oldStatus: paragraphStatusSchema,
    signedOffByName: z.string().nullable(),
    reimportedAt: z.string(),
  }),
);

const archivedParagraph = exactly<ArchivedParagraph>()(
  z.object({
    paragraphId: z.string(),
    oldNumber: z.number(),
    source: z.string(),
    target: z.string(),
    status: paragraphStatusSchema,
    archivedAt: z.string(),
  }),
);

export const importingContract = {
  /** Reads both files of a bilingual pair and proposes a paragraph alignment. */
  alignBilingual: {
    input: z.object({ source: importSourceSchema, translation: importSourceSchema }).strict(),
    output: bilingualAlignment,
    errors: ['NO_PROFILE', ...IMPORT_PARSE_ERRORS],
  },
  /** Creates a document from a source file and one (checked) translation per source paragraph. */
  importBilingual: {
    input: z
      .object({
        source: importSourceSchema,
        targets: z.array(safeText(z.string().max(MAX_PARAGRAPH_CHARS), { multiline: true, bidi: true })).max(MAX_PARAGRAPHS),
        sourceLang: langTag,
        targetLang: langTag,
        title: safeText(z.string().max(500)).optional(),
      })
      .strict(),
    output: documentDetailSchema,
    errors: ['NO_PROFILE', 'LANGUAGE_UNKNOWN', 'LANGUAGE_SAME', 'ALIGNMENT_COUNT_MISMATCH', ...IMPORT_PARSE_ERRORS],
  },
  /**
   * Applies a revised version of the source to a document (living story). `tool`: who translated an
   * XLIFF whose header names only Verso (a CAT tool that keeps the header, e.g. OmegaT).
   */
  reimportDocument: {
    input: z.object({ documentId: id, source: importSourceSchema, tool: safeText(z.string().trim().min(1).max(100)).optional() }).strict(),
    output: reimportResult,
    errors: ['NO_PROFILE', 'DOCUMENT_NOT_FOUND', 'JOB_ALREADY_RUNNING', 'IMPORT_LANGUAGE_MISMATCH', ...IMPORT_PARSE_ERRORS],
  },
  listReopenedParagraphs: {
    input: z.object({ documentId: id }).strict(),
    output: z.array(reopenedParagraph),
    errors: ['DOCUMENT_NOT_FOUND'],
  },
  /** Paragraphs re-imports removed, with the translations they had (archived, not exported), oldest re-import first. */
  listArchivedParagraphs: {
    input: z.object({ documentId: id }).strict(),
    output: z.array(archivedParagraph),
    errors: ['DOCUMENT_NOT_FOUND'],
  },
} as const satisfies Contract;

export type ImportingApi = ApiOf<typeof importingContract>;
