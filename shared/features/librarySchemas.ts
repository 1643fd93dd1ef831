/** zod schemas for the methods of `LibraryApi`. */
import { z } from 'zod';
import { LIBRARY_SORTS, type LibraryApi } from './libraryApi.js';
import type { SchemaMap } from '../schemaMap.js';
import { TITLE_MAX_CHARS } from './libraryTitle.js';

const id = z.string().min(1).max(64);
const langTag = z.string().min(2).max(35);

export const librarySchemas = {
  listLibrary: z
    .object({
      query: z.string().max(200).optional(),
      sort: z.enum(LIBRARY_SORTS).optional(),
      locale: langTag.optional(),
    })
    .strict(),
  getLibraryItem: z.object({ documentId: id }).strict(),
  // Room above the limit so the service refuses a long title with its own message (LIBRARY_TITLE_TOO_LONG).
  renameDocument: z.object({ documentId: id, title: z.string().max(TITLE_MAX_CHARS * 4) }).strict(),
  checkDocumentDeletion: z.object({ documentId: id }).strict(),
  listDocumentDeletions: z.object({}).strict(),
} satisfies SchemaMap<LibraryApi>;
