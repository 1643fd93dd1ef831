/** The library's methods (search, sort, status counts, rename, the deletion record), declared once. */
import { z } from 'zod';
import { exactly, type ApiOf, type Contract } from '../contract/contract.js';
import { empty, id, langTag, roleSchema } from '../contract/models.js';
import { LIBRARY_COUNT_KEYS, LIBRARY_SORTS, type DeletionCheck, type DeletionRecord, type LibraryItem } from './libraryApi.js';
import { TITLE_MAX_CHARS } from './libraryTitle.js';

const libraryItem = exactly<LibraryItem>()(
  z.object({
    id: z.string(),
    title: z.string(),
    sourceLang: z.string(),
    targetLang: z.string(),
    importedAt: z.string(),
    changedAt: z.string(),
    fileName: z.string().nullable(),
    paragraphCount: z.number(),
    counts: z.array(z.object({ key: z.enum(LIBRARY_COUNT_KEYS), count: z.number() })),
  }),
);

const deletionCheck = exactly<DeletionCheck>()(
  z.object({
    documentId: z.string(),
    title: z.string(),
    paragraphCount: z.number(),
    signedOffCount: z.number(),
    signOffCount: z.number(),
    allowed: z.boolean(),
    refusal: z.enum(['signOffs', 'team']).nullable(),
  }),
);

const deletionRecord = exactly<DeletionRecord>()(
  z.object({
    id: z.number(),
    documentId: z.string(),
    title: z.string(),
    sourceLang: z.string(),
    targetLang: z.string(),
    importedAt: z.string(),
    paragraphCount: z.number(),
    signedOffCount: z.number(),
    signOffCount: z.number(),
    deletedBy: z.string(),
    role: roleSchema,
    deletedAt: z.string(),
    contentSha256: z.string().nullable(),
  }),
);

const listLibraryInput = z
  .object({
    /**
     * Every word must appear (case and accents ignored) in the title, the imported file's name, or
     * a language of the document: its tag, or its name in English, in itself or in `locale`.
     */
    query: z.string().max(200).optional(),
    sort: z.enum(LIBRARY_SORTS).optional(),
    /** The interface language (BCP 47): names languages for the search and orders titles. Default English. */
    locale: langTag.optional(),
  })
  .strict();

export const libraryContract = {
  /** The library, filtered and sorted; counts are computed by the database, never by loading paragraphs. */
  listLibrary: { input: listLibraryInput, output: z.array(libraryItem), errors: [] },
  /** One item (DOCUMENT_NOT_FOUND when it does not exist): cheap, without paragraphs. */
  getLibraryItem: { input: z.object({ documentId: id }).strict(), output: libraryItem, errors: ['DOCUMENT_NOT_FOUND'] },
  /**
   * Renames a document; a title that is empty, too long or holds control characters is refused.
   * Room above the limit so the service refuses a long title with its own message (LIBRARY_TITLE_TOO_LONG).
   */
  renameDocument: {
    input: z.object({ documentId: id, title: z.string().max(TITLE_MAX_CHARS * 4) }).strict(),
    output: libraryItem,
    errors: ['NO_PROFILE', 'DOCUMENT_NOT_FOUND', 'LIBRARY_TITLE_EMPTY', 'LIBRARY_TITLE_TOO_LONG', 'LIBRARY_TITLE_INVALID'],
  },
  /** What `deleteDocument` would remove and whether the current profile may delete it. */
  checkDocumentDeletion: {
    input: z.object({ documentId: id }).strict(),
    output: deletionCheck,
    errors: ['NO_PROFILE', 'DOCUMENT_NOT_FOUND'],
  },
  /** The deletion record, newest first. */
  listDocumentDeletions: { input: empty, output: z.array(deletionRecord), errors: [] },
} as const satisfies Contract;

export type LibraryApi = ApiOf<typeof libraryContract>;
