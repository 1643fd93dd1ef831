/**
 * Machine translation engines: the MT cache (one row per engine, engine version or model, pair and
 * source text) and the provenance of every MT written into a paragraph (kept with its revision).
 */
import type { Migration } from './types.js';

export const migration0060MtCache: Migration = {
  version: 60,
  name: 'mt-cache',
  up(db) {
    db.exec(`
      CREATE TABLE mt_cache (
        engine_id       TEXT NOT NULL,
        engine_version  TEXT NOT NULL,
        source_lang     TEXT NOT NULL,
        target_lang     TEXT NOT NULL,
        -- SHA-256 (hex) of the source text, and of its neighbours for engines that use them.
        source_hash     TEXT NOT NULL CHECK (length(source_hash) = 64),
        target_text     TEXT NOT NULL CHECK (length(trim(target_text)) > 0),
        unknown_words   TEXT NOT NULL CHECK (json_valid(unknown_words)),
        created_at      TEXT NOT NULL,
        used_at         TEXT NOT NULL,
        PRIMARY KEY (engine_id, engine_version, source_lang, target_lang, source_hash)
      ) WITHOUT ROWID;
      CREATE INDEX idx_mt_cache_used_at ON mt_cache (used_at);

      CREATE TABLE mt_provenance (
        revision_id     INTEGER PRIMARY KEY REFERENCES revisions (id) ON DELETE CASCADE,
        paragraph_id    TEXT NOT NULL REFERENCES paragraphs (id) ON DELETE CASCADE,
        engine_id       TEXT NOT NULL,
        engine_version  TEXT NOT NULL,
        source_lang     TEXT NOT NULL,
        target_lang     TEXT NOT NULL,
        produced_at     TEXT NOT NULL,
        written_at      TEXT NOT NULL,
        from_cache      INTEGER NOT NULL CHECK (from_cache IN (0, 1)),
        retranslated    INTEGER NOT NULL CHECK (retranslated IN (0, 1)),
        unknown_words   TEXT NOT NULL CHECK (json_valid(unknown_words))
      );
      CREATE INDEX idx_mt_provenance_paragraph_id ON mt_provenance (paragraph_id);
    `);
  },
};
