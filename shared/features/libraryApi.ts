/**
 * Part of the API contract: the library (search, sort, status counts, rename, the deletion record).
 * Methods here join `VersoApi` (shared/api.ts); each has a zod schema in
 * `shared/features/librarySchemas.ts` and a service in `main/services/features/library.ts`.
 * Deleting stays the core `deleteDocument`, which applies the rules and writes the record here.
 */
import type { Role } from '../types.js';

/**
 * What each library item counts, in display order. A category that is a paragraph status is
 * counted as `status = key` (main/db/repositories/library/libraryRepo.ts), so a new state joins
 * with one line here (and its label `library.count.<key>` in the locales).
 */
/** Paragraph statuses, and `excluded` (excluded from translation, whatever its status). */
export const LIBRARY_COUNT_KEYS = ['new', 'machine', 'edited', 'translated', 'signed-off', 'excluded'] as const;
export type LibraryCountKey = (typeof LIBRARY_COUNT_KEYS)[number];

export interface LibraryCount {
  key: LibraryCountKey;
  count: number;
}

/** 'changed': last change, newest first; 'title': by title in the interface language's order. */
export const LIBRARY_SORTS = ['changed', 'title'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export interface LibraryItem {
  id: string;
  title: string;
  sourceLang: string;
  targetLang: string;
  /** When the document was imported (two imports of one article differ here). */
  importedAt: string;
  /** The newest change to the document or any of its paragraphs. */
  changedAt: string;
  /** The imported file's name (null for pasted text). */
  fileName: string | null;
  paragraphCount: number;
  /** One entry per `LIBRARY_COUNT_KEYS`, in that order (zeros included). */
  counts: LibraryCount[];
}

export interface ListLibraryInput {
  /**
   * Every word must appear (case and accents ignored) in the title, the imported file's name, or
   * a language of the document: its tag, or its name in English, in itself or in `locale`.
   */
  query?: string;
  sort?: LibrarySort;
  /** The interface language (BCP 47): names languages for the search and orders titles. Default English. */
  locale?: string;
}

/** What deleting a document would remove and record; `allowed` says whether the current profile may. */
export interface DeletionCheck {
  documentId: string;
  title: string;
  paragraphCount: number;
  /** Paragraphs signed off now. */
  signedOffCount: number;
  /** Sign-offs ever given in the document (withdrawn ones included). */
  signOffCount: number;
  /** False when the document has sign-offs and the current profile is not an editor. */
  allowed: boolean;
}

/** One deleted document, as the audit table keeps it after the document is gone. */
export interface DeletionRecord {
  id: number;
  documentId: string;
  title: string;
  sourceLang: string;
  targetLang: string;
  importedAt: string;
  paragraphCount: number;
  signedOffCount: number;
  signOffCount: number;
  deletedBy: string;
  role: Role;
  deletedAt: string;
  /** SHA-256 over the deleted paragraphs' hashes (source, target, signed off); null for deletions recorded before it was kept. */
  contentSha256: string | null;
}

export interface LibraryApi {
  /** The library, filtered and sorted; counts are computed by the database, never by loading paragraphs. */
  listLibrary(input: ListLibraryInput): Promise<LibraryItem[]>;
  /** One item (DOCUMENT_NOT_FOUND when it does not exist): cheap, without paragraphs. */
  getLibraryItem(input: { documentId: string }): Promise<LibraryItem>;
  /** Renames a document; a title that is empty, too long or holds control characters is refused. */
  renameDocument(input: { documentId: string; title: string }): Promise<LibraryItem>;
  /** What `deleteDocument` would remove and whether the current profile may delete it. */
  checkDocumentDeletion(input: { documentId: string }): Promise<DeletionCheck>;
  /** The deletion record, newest first. */
  listDocumentDeletions(input: Record<string, never>): Promise<DeletionRecord[]>;
}

export const LIBRARY_METHODS = [
  'listLibrary',
  'getLibraryItem',
  'renameDocument',
  'checkDocumentDeletion',
  'listDocumentDeletions',
] as const satisfies readonly (keyof LibraryApi)[];

/** Error codes this feature adds (each needs `errors.<CODE>` in the renderer's locales). */
export const LIBRARY_ERROR_CODES = [
  'LIBRARY_TITLE_EMPTY',
  'LIBRARY_TITLE_TOO_LONG',
  'LIBRARY_TITLE_INVALID',
  'LIBRARY_DELETE_NEEDS_EDITOR',
] as const satisfies readonly string[];
