/**
 * Importing: where a document came from (format, file, encoding), re-imports of a revised source
 * ("living stories") with their summary, the paragraphs a re-import reopened (old source and old
 * translation kept as a reference) and the paragraphs it removed (archived with their history,
 * outside `paragraphs`, so they are never exported and free their position).
 */
import type { Migration } from './types.js';

export const migration0050Importing: Migration = {
  version: 50,
  name: 'importing',
  up(db) {
    db.exec(`
      CREATE TABLE importing_sources (
        document_id  TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        format       TEXT NOT NULL CHECK (format IN ('txt', 'md', 'html', 'docx', 'xliff')),
        file_name    TEXT,
        encoding     TEXT,
        imported_at  TEXT NOT NULL
      );

      CREATE TABLE importing_reimports (
        id           INTEGER PRIMARY KEY,
        document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        profile_id   TEXT REFERENCES profiles (id),
        author_name  TEXT NOT NULL,
        format       TEXT NOT NULL CHECK (format IN ('txt', 'md', 'html', 'docx', 'xliff')),
        file_name    TEXT,
        summary      TEXT NOT NULL CHECK (json_valid(summary)),
        created_at   TEXT NOT NULL
      );
      CREATE INDEX idx_importing_reimports_document_id ON importing_reimports (document_id);

      CREATE TABLE importing_reopenings (
        paragraph_id  TEXT NOT NULL REFERENCES paragraphs (id) ON DELETE CASCADE,
        reimport_id   INTEGER NOT NULL REFERENCES importing_reimports (id) ON DELETE CASCADE,
        old_source    TEXT NOT NULL,
        old_target    TEXT NOT NULL,
        old_status    TEXT NOT NULL CHECK (old_status IN ('new', 'machine', 'edited', 'translated', 'signed-off')),
        signed_off_by_name TEXT,
        PRIMARY KEY (paragraph_id, reimport_id)
      );
      CREATE INDEX idx_importing_reopenings_reimport_id ON importing_reopenings (reimport_id);

      CREATE TABLE importing_archived_paragraphs (
        paragraph_id  TEXT PRIMARY KEY,
        document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        reimport_id   INTEGER NOT NULL REFERENCES importing_reimports (id) ON DELETE CASCADE,
        old_position  INTEGER NOT NULL CHECK (old_position >= 0),
        source        TEXT NOT NULL,
        target        TEXT NOT NULL,
        status        TEXT NOT NULL,
        paragraph     TEXT NOT NULL CHECK (json_valid(paragraph)),
        revisions     TEXT NOT NULL CHECK (json_valid(revisions)),
        archived_at   TEXT NOT NULL
      );
      CREATE INDEX idx_importing_archived_paragraphs_document_id ON importing_archived_paragraphs (document_id);
    `);
  },
};
