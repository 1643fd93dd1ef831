/** The glossary: terms per language pair (source term unique within its pair). */
import type { Migration } from './types.js';

export const migration0080Glossary: Migration = {
  version: 80,
  name: 'glossary',
  up(db) {
    db.exec(`
      CREATE TABLE glossary_terms (
        id              TEXT PRIMARY KEY,
        source_lang     TEXT NOT NULL CHECK (length(source_lang) BETWEEN 2 AND 35),
        target_lang     TEXT NOT NULL CHECK (length(target_lang) BETWEEN 2 AND 35),
        source          TEXT NOT NULL CHECK (length(trim(source)) > 0),
        target          TEXT NOT NULL CHECK (length(trim(target)) > 0),
        note            TEXT NOT NULL DEFAULT '',
        -- JSON array of strings: translations that must not be used.
        forbidden       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(forbidden) AND json_type(forbidden) = 'array'),
        case_sensitive  INTEGER NOT NULL DEFAULT 0 CHECK (case_sensitive IN (0, 1)),
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        UNIQUE (source_lang, target_lang, source)
      );
    `);
  },
};
