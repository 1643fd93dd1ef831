/** The first schema: profiles, settings, documents, paragraphs and their revisions. */
import type { Migration } from './types.js';

export const migration0010Initial: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE profiles (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        role        TEXT NOT NULL CHECK (role IN ('translator', 'editor')),
        created_at  TEXT NOT NULL
      );

      CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL CHECK (json_valid(value))
      );

      CREATE TABLE documents (
        id             TEXT PRIMARY KEY,
        title          TEXT NOT NULL,
        source_lang    TEXT NOT NULL,
        target_lang    TEXT NOT NULL,
        source_format  TEXT NOT NULL CHECK (source_format IN ('txt', 'md')),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      );
      CREATE INDEX idx_documents_updated_at ON documents (updated_at);

      CREATE TABLE paragraphs (
        id                 TEXT PRIMARY KEY,
        document_id        TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        position           INTEGER NOT NULL CHECK (position >= 0),
        kind               TEXT NOT NULL CHECK (kind IN ('heading', 'paragraph', 'list-item', 'quote')),
        marker             TEXT,
        source             TEXT NOT NULL,
        target             TEXT NOT NULL DEFAULT '',
        status             TEXT NOT NULL CHECK (status IN ('new', 'machine', 'edited', 'translated', 'signed-off')),
        mt_text            TEXT,
        mt_engine          TEXT,
        mt_engine_version  TEXT,
        mt_source_lang     TEXT,
        mt_target_lang     TEXT,
        mt_created_at      TEXT,
        mt_unknown_words   TEXT CHECK (mt_unknown_words IS NULL OR json_valid(mt_unknown_words)),
        signed_off_by      TEXT REFERENCES profiles (id),
        signed_off_name    TEXT,
        signed_off_role    TEXT CHECK (signed_off_role IS NULL OR signed_off_role IN ('translator', 'editor')),
        signed_off_at      TEXT,
        signed_off_hash    TEXT,
        updated_at         TEXT NOT NULL,
        UNIQUE (document_id, position),
        CHECK ((status = 'signed-off') = (signed_off_at IS NOT NULL))
      );

      CREATE TABLE revisions (
        id             INTEGER PRIMARY KEY,
        paragraph_id   TEXT NOT NULL REFERENCES paragraphs (id) ON DELETE CASCADE,
        document_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        profile_id     TEXT REFERENCES profiles (id),
        author_name    TEXT NOT NULL,
        role           TEXT CHECK (role IS NULL OR role IN ('translator', 'editor')),
        origin         TEXT NOT NULL CHECK (origin IN ('import', 'mt', 'human', 'tm')),
        action         TEXT NOT NULL CHECK (action IN ('import', 'mt', 'edit', 'confirm', 'sign-off', 'sign-off-withdrawn')),
        mt_engine      TEXT,
        before_text    TEXT,
        after_text     TEXT NOT NULL,
        status_before  TEXT,
        status_after   TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      );
      CREATE INDEX idx_revisions_paragraph_id_id ON revisions (paragraph_id, id);
      CREATE INDEX idx_revisions_document_id ON revisions (document_id);
    `);
  },
};
