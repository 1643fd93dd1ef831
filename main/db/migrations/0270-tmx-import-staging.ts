/**
 * Issue 17: a TMX import is streamed; its units wait in `tm_import_staging` (short transactions,
 * one per batch) until the whole file is read, then are published into `tm_units` in short
 * transactions under an intent row in `tm_import_publishing` (main/memory/tmxStaging.ts, tmxPublish.ts). A cancelled or failed import deletes its rows; rows a
 * crash left are deleted when the library is opened. `key` (16 bytes of a SHA-256 of the unit's
 * pair, variants, texts and codes) drops the file's own duplicates as they arrive.
 */
import type { Migration } from './types.js';

export const migration0270TmxImportStaging: Migration = {
  version: 270,
  name: 'tmx-import-staging',
  up(db) {
    db.exec(`
      CREATE TABLE tm_import_staging (
        id           INTEGER PRIMARY KEY,
        import_id    INTEGER NOT NULL,
        key          BLOB NOT NULL,
        -- already in tm_units' form: publishing copies them as they are
        pair         TEXT NOT NULL,
        source_lang  TEXT NOT NULL,
        target_lang  TEXT NOT NULL,
        source       TEXT NOT NULL,
        target       TEXT NOT NULL,
        codes        TEXT NOT NULL,
        created_by   TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        mt_origin    TEXT,
        -- set at publishing for a unit the memory already has
        present      INTEGER NOT NULL DEFAULT 0
      );
      CREATE UNIQUE INDEX idx_tm_import_staging_key ON tm_import_staging (import_id, key);
      CREATE INDEX idx_tm_import_staging_import ON tm_import_staging (import_id);
      -- an import being published (main/memory/tmxPublish.ts): its units are the pair's TMX units from
      -- first_unit_id on; after a crash, 'adding' is undone and 'removing-earlier' completed
      CREATE TABLE tm_import_publishing (
        import_id      INTEGER PRIMARY KEY,
        pair           TEXT NOT NULL,
        first_unit_id  INTEGER NOT NULL,
        state          TEXT NOT NULL CHECK (state IN ('adding', 'removing-earlier'))
      );
    `);
  },
};
