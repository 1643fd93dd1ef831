/**
 * Types of the library (search, sort, status counts, rename, the deletion record). Its methods are
 * declared in `libraryContract.ts`, served by `main/services/features/library.ts`. Deleting stays
 * the core `deleteDocument`, which applies the rules and writes the record here.
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

/** Why the current profile may not delete a document: it has sign-offs (editors only), or it is shared with a team (team editors and admins only). */
export type DeletionRefusal = 'signOffs' | 'team';

/** What deleting a document would remove and record; `allowed` says whether the current profile may. */
export interface DeletionCheck {
  documentId: string;
  title: string;
  paragraphCount: number;
  /** Paragraphs signed off now. */
  signedOffCount: number;
  /** Sign-offs ever given in the document (withdrawn ones included). */
  signOffCount: number;
  /** False when the document has sign-offs and the current profile is not an editor, or it is a team document and this library's team role is translator. */
  allowed: boolean;
  /** Why not, when not allowed. */
  refusal: DeletionRefusal | null;
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
