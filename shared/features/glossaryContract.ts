/** The glossary (issue: Translation memory and glossary, glossary half): the methods, declared once. */
import { z } from 'zod';
import { exactly, type ApiOf, type Contract } from '../contract/contract.js';
import { XML_FILE_ERRORS } from '../contract/errorSets.js';
import type { ErrorCode } from '../errors.js';
import { deletedSchema, empty, id, langTag } from '../contract/models.js';
import { GLOSSARY_LIMITS } from '../glossary/normalize.js';
import type { GlossaryTerm, GlossaryTermInput } from '../glossary/types.js';
import { safeText } from '../safeText.js';
import type { GlossaryExportResult, GlossaryImportResult, GlossaryPairSummary } from './glossaryApi.js';

// Generous: the service reports a too-long term with its own error code and the limit.
// Glossary text may be right-to-left (bidi marks allowed); never C0/C1 controls (notes keep line breaks).
const text = safeText(z.string().max(GLOSSARY_LIMITS.noteChars * 4), { multiline: true, bidi: true });
const term = exactly<GlossaryTermInput>()(
  z
    .object({
      source: text,
      target: text,
      note: text.optional(),
      definition: text.optional(),
      forbidden: z
        .array(text)
        .max(GLOSSARY_LIMITS.forbiddenVariants * 4)
        .optional(),
      caseSensitive: z.boolean().optional(),
    })
    .strict(),
);
const format = z.enum(['csv', 'tbx']);
const tbxVersion = z.enum(['v2', 'v3']);
const pair = { sourceLang: langTag, targetLang: langTag };

const glossaryTerm = exactly<GlossaryTerm>()(
  z.object({
    id: z.string(),
    sourceLang: z.string(),
    targetLang: z.string(),
    source: z.string(),
    target: z.string(),
    note: z.string(),
    definition: z.string(),
    forbidden: z.array(z.string()),
    caseSensitive: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);

const pairSummary = exactly<GlossaryPairSummary>()(z.object({ sourceLang: z.string(), targetLang: z.string(), count: z.number() }));

const importResult = exactly<GlossaryImportResult>()(
  z.object({
    added: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    removed: z.number(),
    total: z.number(),
    notKept: z.array(z.object({ category: z.string(), entries: z.number() })).optional(),
    skippedEntries: z.number().optional(),
  }),
);

const exportResult = exactly<GlossaryExportResult>()(z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }));

/** What storing one term can be refused with (glossary service: clean, duplicate, tooMany). */
const TERM_ERRORS = [
  'GLOSSARY_TERM_EMPTY',
  'GLOSSARY_TERM_TOO_LONG',
  'GLOSSARY_TOO_MANY_VARIANTS',
  'GLOSSARY_FORBIDDEN_IS_TARGET',
  'GLOSSARY_TERM_DUPLICATE',
  'GLOSSARY_TOO_MANY_TERMS',
] as const satisfies readonly ErrorCode[];

export const glossaryContract = {
  /** Language pairs that have terms, with their counts. */
  listGlossaryPairs: { input: empty, output: z.array(pairSummary), errors: [] },
  /** The pair's terms, sorted by source term. */
  listGlossaryTerms: { input: z.object(pair).strict(), output: z.array(glossaryTerm), errors: ['LANGUAGE_UNKNOWN', 'LANGUAGE_SAME'] },
  /** The terms that apply to a document (its pair, and the broader tags: `es` terms serve `es-ES`). */
  listDocumentGlossary: { input: z.object({ documentId: id }).strict(), output: z.array(glossaryTerm), errors: ['DOCUMENT_NOT_FOUND'] },
  addGlossaryTerm: {
    input: z.object({ ...pair, term }).strict(),
    output: glossaryTerm,
    errors: ['LANGUAGE_UNKNOWN', 'LANGUAGE_SAME', ...TERM_ERRORS],
  },
  updateGlossaryTerm: {
    input: z.object({ termId: id, term }).strict(),
    output: glossaryTerm,
    errors: ['GLOSSARY_TERM_NOT_FOUND', ...TERM_ERRORS],
  },
  deleteGlossaryTerm: { input: z.object({ termId: id }).strict(), output: deletedSchema, errors: ['GLOSSARY_TERM_NOT_FOUND'] },
  /** CSV (RFC 4180, header row) or TBX; the whole import is one transaction. */
  importGlossary: {
    input: z
      .object({
        ...pair,
        fileName: z.string().min(1).max(255),
        // base64 grows 4/3; a little slack so the service can report the size itself.
        dataBase64: z.string().max(Math.ceil((GLOSSARY_LIMITS.importBytes * 4) / 3) + 4096),
        format: format.optional(),
        mode: z.enum(['merge', 'replace']),
      })
      .strict(),
    output: importResult,
    errors: [
      'LANGUAGE_UNKNOWN',
      'LANGUAGE_SAME',
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
      ...TERM_ERRORS,
      ...XML_FILE_ERRORS,
    ],
  },
  /** `tbxVersion` applies to TBX only (default `v2`, TBX-Basic 2008). */
  exportGlossary: {
    input: z.object({ ...pair, format, tbxVersion: tbxVersion.optional() }).strict(),
    output: exportResult,
    errors: ['LANGUAGE_UNKNOWN', 'LANGUAGE_SAME', 'GLOSSARY_EXPORT_EMPTY'],
  },
} as const satisfies Contract;

export type GlossaryApi = ApiOf<typeof glossaryContract>;
