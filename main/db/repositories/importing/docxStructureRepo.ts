/** Where imported Word paragraphs sat, and each import's report (migration 0220). */
import type Database from 'better-sqlite3';
import type { ImportReport } from '../../../../shared/import/importReport.js';
import type { ParagraphPlace } from '../../../../shared/import/paragraphPlace.js';

export function createDocxStructureRepo(db: Database.Database) {
  const insertPlace = db.prepare<[string, string, string]>(
    'INSERT INTO importing_paragraph_places (paragraph_id, document_id, place) VALUES (?, ?, ?)',
  );
  const placesOf = db.prepare<[string], { paragraph_id: string; place: string }>(
    'SELECT paragraph_id, place FROM importing_paragraph_places WHERE document_id = ?',
  );
  const placesOfIds = db.prepare<[string], { paragraph_id: string; place: string }>(
    'SELECT paragraph_id, place FROM importing_paragraph_places WHERE paragraph_id IN (SELECT value FROM json_each(?))',
  );
  const insertReport = db.prepare<[string, string]>(
    'INSERT INTO importing_reports (document_id, report) VALUES (?, ?) ON CONFLICT (document_id) DO UPDATE SET report = excluded.report',
  );
  const reportOf = db.prepare<[string], { report: string }>('SELECT report FROM importing_reports WHERE document_id = ?');
  const deletePlaces = db.prepare<[string]>('DELETE FROM importing_paragraph_places WHERE document_id = ?');
  const deleteReport = db.prepare<[string]>('DELETE FROM importing_reports WHERE document_id = ?');
  return {
    deletePlacesOfDocument(documentId: string): void {
      deletePlaces.run(documentId);
    },
    deleteReport(documentId: string): void {
      deleteReport.run(documentId);
    },
    savePlace(paragraphId: string, documentId: string, place: ParagraphPlace): void {
      insertPlace.run(paragraphId, documentId, JSON.stringify(place));
    },
    /** Paragraph id → place, for one document (empty for documents not imported from Word). */
    placesOfDocument(documentId: string): Map<string, ParagraphPlace> {
      return new Map(placesOf.all(documentId).map((r) => [r.paragraph_id, JSON.parse(r.place) as ParagraphPlace]));
    },
    /** Paragraph id → place, for some paragraphs (a page of a long document). */
    placesOfParagraphs(paragraphIds: readonly string[]): Map<string, ParagraphPlace> {
      if (paragraphIds.length === 0) return new Map();
      return new Map(placesOfIds.all(JSON.stringify(paragraphIds)).map((r) => [r.paragraph_id, JSON.parse(r.place) as ParagraphPlace]));
    },
    saveReport(documentId: string, report: ImportReport): void {
      insertReport.run(documentId, JSON.stringify(report));
    },
    report(documentId: string): ImportReport | null {
      const row = reportOf.get(documentId);
      return row ? (JSON.parse(row.report) as ImportReport) : null;
    },
  };
}
