/**
 * The library's queries (migration 0120): items with their status counts and last change, computed
 * by SQLite from the index on (document_id, status, excluded_at, updated_at) without reading a paragraph row,
 * renaming, and the deletion record that outlives the document.
 */
import type Database from 'better-sqlite3';
import { LIBRARY_COUNT_KEYS, type DeletionRecord, type LibraryItem } from '../../../../shared/features/libraryApi.js';
import type { Role } from '../../../../shared/types.js';

/**
 * The category a paragraph is counted in: its status, or `excluded` when it is excluded from
 * translation (migration 0110). Every column it reads is in the index of migration 0120.
 */
export const COUNT_CATEGORY = "CASE WHEN excluded_at IS NULL THEN status ELSE 'excluded' END";

const ITEM_SELECT = `
  SELECT d.id, d.title, d.source_lang, d.target_lang, d.created_at, d.updated_at, s.file_name,
         (SELECT json_group_array(json_array(category, n, last))
            FROM (SELECT ${COUNT_CATEGORY} AS category, count(*) AS n, max(updated_at) AS last
                    FROM paragraphs WHERE document_id = d.id GROUP BY ${COUNT_CATEGORY})) AS counts
  FROM documents d LEFT JOIN importing_sources s ON s.document_id = d.id`;

interface ItemRow {
  id: string;
  title: string;
  source_lang: string;
  target_lang: string;
  created_at: string;
  updated_at: string;
  file_name: string | null;
  counts: string;
}

function toItem(row: ItemRow): LibraryItem {
  const groups = JSON.parse(row.counts) as [string, number, string][];
  const byCategory = new Map(groups.map(([category, n]) => [category, n]));
  let changedAt = row.updated_at;
  let paragraphCount = 0;
  for (const [, n, last] of groups) {
    paragraphCount += n;
    if (last > changedAt) changedAt = last;
  }
  return {
    id: row.id,
    title: row.title,
    sourceLang: row.source_lang,
    targetLang: row.target_lang,
    importedAt: row.created_at,
    changedAt,
    fileName: row.file_name,
    paragraphCount,
    counts: LIBRARY_COUNT_KEYS.map((key) => ({ key, count: byCategory.get(key) ?? 0 })),
  };
}

interface DeletionRow {
  id: number;
  document_id: string;
  title: string;
  source_lang: string;
  target_lang: string;
  imported_at: string;
  paragraph_count: number;
  signed_off_count: number;
  sign_off_count: number;
  author_name: string;
  role: Role;
  deleted_at: string;
  content_sha256: string | null;
}

function toDeletion(row: DeletionRow): DeletionRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    title: row.title,
    sourceLang: row.source_lang,
    targetLang: row.target_lang,
    importedAt: row.imported_at,
    paragraphCount: row.paragraph_count,
    signedOffCount: row.signed_off_count,
    signOffCount: row.sign_off_count,
    deletedBy: row.author_name,
    role: row.role,
    deletedAt: row.deleted_at,
    contentSha256: row.content_sha256,
  };
}

export interface NewDeletion {
  documentId: string;
  title: string;
  sourceLang: string;
  targetLang: string;
  importedAt: string;
  paragraphCount: number;
  signedOffCount: number;
  signOffCount: number;
  profileId: string | null;
  authorName: string;
  role: Role;
  deletedAt: string;
  /** JSON: per paragraph its number, source and target SHA-256 and whether it was signed off. */
  paragraphHashes: string;
  contentSha256: string;
}

export function createLibraryRepo(db: Database.Database) {
  const listStmt = db.prepare<[], ItemRow>(ITEM_SELECT);
  const itemStmt = db.prepare<[string], ItemRow>(`${ITEM_SELECT} WHERE d.id = ?`);
  const renameStmt = db.prepare<[string, string, string]>('UPDATE documents SET title = ?, updated_at = ? WHERE id = ?');
  const countsStmt = db.prepare<[string], { paragraphs: number; signed_off: number }>(
    `SELECT count(*) AS paragraphs, count(CASE WHEN status = 'signed-off' THEN 1 END) AS signed_off
     FROM paragraphs WHERE document_id = ?`,
  );
  const signOffsStmt = db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM revisions WHERE document_id = ? AND action = 'sign-off'",
  );
  const insertDeletion = db.prepare(
    `INSERT INTO library_deletions (document_id, title, source_lang, target_lang, imported_at, paragraph_count,
       signed_off_count, sign_off_count, profile_id, author_name, role, deleted_at, paragraph_hashes, content_sha256)
     VALUES (@documentId, @title, @sourceLang, @targetLang, @importedAt, @paragraphCount,
       @signedOffCount, @signOffCount, @profileId, @authorName, @role, @deletedAt, @paragraphHashes, @contentSha256)`,
  );
  const deletionsStmt = db.prepare<[], DeletionRow>(
    `SELECT id, document_id, title, source_lang, target_lang, imported_at, paragraph_count, signed_off_count,
            sign_off_count, author_name, role, deleted_at, content_sha256
     FROM library_deletions ORDER BY deleted_at DESC, id DESC`,
  );

  return {
    /** Every document, unordered (the service filters and sorts). */
    list(): LibraryItem[] {
      return listStmt.all().map(toItem);
    },
    item(documentId: string): LibraryItem | null {
      const row = itemStmt.get(documentId);
      return row ? toItem(row) : null;
    },
    rename(documentId: string, title: string, at: string): boolean {
      return renameStmt.run(title, at, documentId).changes > 0;
    },
    /** Paragraphs, paragraphs signed off now, and sign-offs ever given (withdrawn ones included). */
    deletionCounts(documentId: string): { paragraphCount: number; signedOffCount: number; signOffCount: number } {
      const counts = countsStmt.get(documentId) ?? { paragraphs: 0, signed_off: 0 };
      return { paragraphCount: counts.paragraphs, signedOffCount: counts.signed_off, signOffCount: signOffsStmt.get(documentId)?.n ?? 0 };
    },
    recordDeletion(record: NewDeletion): void {
      insertDeletion.run(record);
    },
    deletions(): DeletionRecord[] {
      return deletionsStmt.all().map(toDeletion);
    },
  };
}

export type LibraryRepo = ReturnType<typeof createLibraryRepo>;
