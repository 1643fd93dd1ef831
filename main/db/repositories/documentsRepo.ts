/** Documents and their summaries (paragraph and sign-off counts). */
import type Database from 'better-sqlite3';
import type { DocumentSummary, SourceFormat } from '../../../shared/types.js';

/** A stored document (without paragraphs). */
export interface DocumentRecord {
  id: string;
  title: string;
  sourceLang: string;
  targetLang: string;
  sourceFormat: SourceFormat;
  createdAt: string;
  updatedAt: string;
}

interface DocumentRow {
  id: string;
  title: string;
  source_lang: string;
  target_lang: string;
  source_format: SourceFormat;
  created_at: string;
  updated_at: string;
}

interface SummaryRow extends DocumentRow {
  paragraph_count: number;
  signed_off_count: number;
}

function toRecord(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    title: row.title,
    sourceLang: row.source_lang,
    targetLang: row.target_lang,
    sourceFormat: row.source_format,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toSummary(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    sourceLang: row.source_lang,
    targetLang: row.target_lang,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    paragraphCount: row.paragraph_count,
    signedOffCount: row.signed_off_count,
  };
}

const SUMMARY_SELECT = `
  SELECT d.id, d.title, d.source_lang, d.target_lang, d.source_format, d.created_at, d.updated_at,
         count(p.id) AS paragraph_count,
         count(CASE WHEN p.status = 'signed-off' THEN 1 END) AS signed_off_count
  FROM documents d LEFT JOIN paragraphs p ON p.document_id = d.id`;

export function createDocumentsRepo(db: Database.Database) {
  const insertStmt = db.prepare<[string, string, string, string, SourceFormat, string, string]>(
    `INSERT INTO documents (id, title, source_lang, target_lang, source_format, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const getStmt = db.prepare<[string], DocumentRow>(
    'SELECT id, title, source_lang, target_lang, source_format, created_at, updated_at FROM documents WHERE id = ?',
  );
  const summaryStmt = db.prepare<[string], SummaryRow>(`${SUMMARY_SELECT} WHERE d.id = ? GROUP BY d.id`);
  const listStmt = db.prepare<[], SummaryRow>(`${SUMMARY_SELECT} GROUP BY d.id ORDER BY d.updated_at DESC, d.id`);
  const touchStmt = db.prepare<[string, string]>('UPDATE documents SET updated_at = ? WHERE id = ?');
  const deleteStmt = db.prepare<[string]>('DELETE FROM documents WHERE id = ?');
  const countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents');

  return {
    insert(doc: DocumentRecord): void {
      insertStmt.run(doc.id, doc.title, doc.sourceLang, doc.targetLang, doc.sourceFormat, doc.createdAt, doc.updatedAt);
    },
    get(id: string): DocumentRecord | null {
      const row = getStmt.get(id);
      return row ? toRecord(row) : null;
    },
    summary(id: string): DocumentSummary | null {
      const row = summaryStmt.get(id);
      return row ? toSummary(row) : null;
    },
    /** Most recently changed first. */
    list(): DocumentSummary[] {
      return listStmt.all().map(toSummary);
    },
    touch(id: string, at: string): void {
      touchStmt.run(at, id);
    },
    /** Deletes the document with its paragraphs and revisions; false when it did not exist. */
    delete(id: string): boolean {
      return deleteStmt.run(id).changes > 0;
    },
    count(): number {
      return countStmt.get()?.n ?? 0;
    },
  };
}
