/** The importing feature's own tables (migration 0050): sources, re-imports, reopenings, archive. */
import type Database from 'better-sqlite3';
import type { HtmlExtract, ImportFormat } from '../../../../shared/import/importedDocument.js';
import type { ParagraphStatus } from '../../../../shared/types.js';

export interface ImportSourceRecord {
  documentId: string;
  format: ImportFormat;
  fileName: string | null;
  encoding: string | null;
  importedAt: string;
  /** HTML: how the page was read (migration 0100); null for other formats. */
  htmlExtract: HtmlExtract | null;
}

export interface ReimportRecord {
  documentId: string;
  profileId: string | null;
  authorName: string;
  format: ImportFormat;
  fileName: string | null;
  summary: unknown;
  createdAt: string;
}

export interface ReopeningRecord {
  paragraphId: string;
  reimportId: number;
  oldSource: string;
  oldTarget: string;
  oldStatus: ParagraphStatus;
  signedOffByName: string | null;
}

export interface ReopeningRow extends ReopeningRecord {
  reimportedAt: string;
}

export interface ArchivedParagraphRecord {
  paragraphId: string;
  documentId: string;
  reimportId: number;
  oldPosition: number;
  source: string;
  target: string;
  status: ParagraphStatus;
  paragraph: unknown;
  revisions: unknown;
  archivedAt: string;
}

export function createImportingRepo(db: Database.Database) {
  const insertSource = db.prepare<[string, string, string | null, string | null, string, HtmlExtract | null]>(
    `INSERT INTO importing_sources (document_id, format, file_name, encoding, imported_at, html_extract) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET format = excluded.format, file_name = excluded.file_name,
       encoding = excluded.encoding, imported_at = excluded.imported_at, html_extract = excluded.html_extract`,
  );
  const getSource = db.prepare<
    [string],
    {
      document_id: string;
      format: ImportFormat;
      file_name: string | null;
      encoding: string | null;
      imported_at: string;
      html_extract: HtmlExtract | null;
    }
  >('SELECT document_id, format, file_name, encoding, imported_at, html_extract FROM importing_sources WHERE document_id = ?');
  const insertReimport = db.prepare<[string, string | null, string, string, string | null, string, string]>(
    `INSERT INTO importing_reimports (document_id, profile_id, author_name, format, file_name, summary, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateReimportSummary = db.prepare<[string, number]>('UPDATE importing_reimports SET summary = ? WHERE id = ?');
  const insertReopening = db.prepare<[string, number, string, string, string, string | null]>(
    `INSERT INTO importing_reopenings (paragraph_id, reimport_id, old_source, old_target, old_status, signed_off_by_name)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const latestReopenings = db.prepare<
    [string],
    {
      paragraph_id: string;
      reimport_id: number;
      old_source: string;
      old_target: string;
      old_status: ParagraphStatus;
      signed_off_by_name: string | null;
      created_at: string;
    }
  >(
    `SELECT o.paragraph_id, o.reimport_id, o.old_source, o.old_target, o.old_status, o.signed_off_by_name, r.created_at
     FROM importing_reopenings o JOIN importing_reimports r ON r.id = o.reimport_id
     JOIN paragraphs p ON p.id = o.paragraph_id
     WHERE r.document_id = ? AND o.reimport_id = (SELECT max(reimport_id) FROM importing_reopenings WHERE paragraph_id = o.paragraph_id)
     ORDER BY p.position`,
  );
  const insertArchived = db.prepare<[string, string, number, number, string, string, string, string, string, string]>(
    `INSERT INTO importing_archived_paragraphs
       (paragraph_id, document_id, reimport_id, old_position, source, target, status, paragraph, revisions, archived_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const listArchived = db.prepare<
    [string],
    {
      paragraph_id: string;
      reimport_id: number;
      old_position: number;
      source: string;
      target: string;
      status: ParagraphStatus;
      archived_at: string;
    }
  >(
    `SELECT paragraph_id, reimport_id, old_position, source, target, status, archived_at
     FROM importing_archived_paragraphs WHERE document_id = ? ORDER BY reimport_id, old_position`,
  );
  const setPosition = db.prepare<[number, string]>('UPDATE paragraphs SET position = ? WHERE id = ?');
  const setSource = db.prepare<[string, string, string | null, string, string]>(
    'UPDATE paragraphs SET source = ?, kind = ?, marker = ?, updated_at = ? WHERE id = ?',
  );
  const deleteParagraph = db.prepare<[string]>('DELETE FROM paragraphs WHERE id = ?');

  return {
    saveSource(r: ImportSourceRecord): void {
      insertSource.run(r.documentId, r.format, r.fileName, r.encoding, r.importedAt, r.htmlExtract);
    },
    source(documentId: string): ImportSourceRecord | null {
      const row = getSource.get(documentId);
      return row
        ? {
            documentId: row.document_id,
            format: row.format,
            fileName: row.file_name,
            encoding: row.encoding,
            importedAt: row.imported_at,
            htmlExtract: row.html_extract,
          }
        : null;
    },
    addReimport(r: ReimportRecord): number {
      return Number(
        insertReimport.run(r.documentId, r.profileId, r.authorName, r.format, r.fileName, JSON.stringify(r.summary), r.createdAt)
          .lastInsertRowid,
      );
    },
    /** The summary of a re-import, completed once its translations were applied (same transaction). */
    setReimportSummary(reimportId: number, summary: unknown): void {
      updateReimportSummary.run(JSON.stringify(summary), reimportId);
    },
    addReopening(r: ReopeningRecord): void {
      insertReopening.run(r.paragraphId, r.reimportId, r.oldSource, r.oldTarget, r.oldStatus, r.signedOffByName);
    },
    /** The latest reopening of each paragraph of a document that a re-import reopened, in paragraph order. */
    reopenings(documentId: string): ReopeningRow[] {
      return latestReopenings.all(documentId).map((r) => ({
        paragraphId: r.paragraph_id,
        reimportId: r.reimport_id,
        oldSource: r.old_source,
        oldTarget: r.old_target,
        oldStatus: r.old_status,
        signedOffByName: r.signed_off_by_name,
        reimportedAt: r.created_at,
      }));
    },
    archive(r: ArchivedParagraphRecord): void {
      insertArchived.run(
        r.paragraphId,
        r.documentId,
        r.reimportId,
        r.oldPosition,
        r.source,
        r.target,
        r.status,
        JSON.stringify(r.paragraph),
        JSON.stringify(r.revisions),
        r.archivedAt,
      );
    },
    archived(documentId: string) {
      return listArchived.all(documentId).map((r) => ({
        paragraphId: r.paragraph_id,
        reimportId: r.reimport_id,
        oldPosition: r.old_position,
        source: r.source,
        target: r.target,
        status: r.status,
        archivedAt: r.archived_at,
      }));
    },
    setPosition(paragraphId: string, position: number): void {
      setPosition.run(position, paragraphId);
    },
    setSource(paragraphId: string, source: string, kind: string, marker: string | null, at: string): void {
      setSource.run(source, kind, marker, at, paragraphId);
    },
    deleteParagraph(paragraphId: string): void {
      deleteParagraph.run(paragraphId);
    },
  };
}
