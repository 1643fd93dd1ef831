/**
 * The library: a record of every deleted document that outlives it (who, role, when, title,
 * languages, paragraph and sign-off counts; append-only), and an index that lets the library count
 * each document's paragraphs by status and find its last change from the index alone.
 */
import type { Migration } from './types.js';

export const migration0120Library: Migration = {
  version: 120,
  name: 'library',
  up(db) {
    db.exec(`
      CREATE TABLE library_deletions (
        id                INTEGER PRIMARY KEY,
        document_id       TEXT NOT NULL,
        title             TEXT NOT NULL,
        source_lang       TEXT NOT NULL,
        target_lang       TEXT NOT NULL,
        imported_at       TEXT NOT NULL,
        paragraph_count   INTEGER NOT NULL CHECK (paragraph_count >= 0),
        signed_off_count  INTEGER NOT NULL CHECK (signed_off_count >= 0),
        sign_off_count    INTEGER NOT NULL CHECK (sign_off_count >= 0),
        profile_id        TEXT,
        author_name       TEXT NOT NULL,
        role              TEXT NOT NULL CHECK (role IN ('translator', 'editor')),
        deleted_at        TEXT NOT NULL
      );
      CREATE INDEX idx_library_deletions_deleted_at ON library_deletions (deleted_at);
      CREATE TRIGGER library_deletions_no_update BEFORE UPDATE ON library_deletions
        BEGIN SELECT RAISE(ABORT, 'library_deletions is append-only'); END;
      CREATE TRIGGER library_deletions_no_delete BEFORE DELETE ON library_deletions
        BEGIN SELECT RAISE(ABORT, 'library_deletions is append-only'); END;

      CREATE INDEX idx_paragraphs_document_id_status_excluded_at_updated_at ON paragraphs (document_id, status, excluded_at, updated_at);
    `);
  },
};
