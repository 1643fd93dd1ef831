/** Per-document exclusion settings (migration 0110): what publish-ready exports do with excluded paragraphs. */
import type Database from 'better-sqlite3';
import type { ExcludedExport } from '../../../../shared/features/exclusionApi.js';

export function createExclusionRepo(db: Database.Database) {
  const getStmt = db.prepare<[string], ExcludedExport>('SELECT excluded_export FROM exclusion_documents WHERE document_id = ?').pluck();
  const setStmt = db.prepare<[string, ExcludedExport]>(
    `INSERT INTO exclusion_documents (document_id, excluded_export) VALUES (?, ?)
     ON CONFLICT (document_id) DO UPDATE SET excluded_export = excluded.excluded_export`,
  );
  return {
    /** The document's choice; `omit` when it never made one. */
    excludedExport(documentId: string): ExcludedExport {
      return getStmt.get(documentId) ?? 'omit';
    },
    setExcludedExport(documentId: string, choice: ExcludedExport): void {
      setStmt.run(documentId, choice);
    },
  };
}
