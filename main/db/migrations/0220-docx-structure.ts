/**
 * Word files without silent loss (issue 14): where an imported paragraph sat in its Word file (a
 * foot-/endnote with the paragraph holding its reference, a table cell with its table position and
 * spans, a text box), so the DOCX export can rebuild notes and tables; and each import's report
 * (what was kept, what could not be imported and where). Both go with their document.
 */
import type { Migration } from './types.js';

export const migration0220DocxStructure: Migration = {
  version: 220,
  name: 'docx-structure',
  up(db) {
    db.exec(`
      CREATE TABLE importing_paragraph_places (
        paragraph_id  TEXT PRIMARY KEY REFERENCES paragraphs (id) ON DELETE CASCADE,
        document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        place         TEXT NOT NULL CHECK (json_valid(place) AND json_extract(place, '$.kind') IN ('footnote', 'endnote', 'cell', 'textbox'))
      );
      CREATE INDEX idx_importing_paragraph_places_document_id ON importing_paragraph_places (document_id);
      CREATE TABLE importing_reports (
        document_id   TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        report        TEXT NOT NULL CHECK (json_valid(report))
      );
    `);
  },
};
