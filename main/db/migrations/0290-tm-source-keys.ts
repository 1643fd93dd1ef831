/**
 * Exact matches without the fuzzy index (issue 17): `tm_units.source_key`, a hash of the pair and
 * the source's text without codes and whitespace (main/memory/termHash.ts `sourceKey`), indexed, so pre-filling 100 %
 * matches finds them right after a big TMX import, before the fuzzy index has been built. TMX units
 * get their key when staged (`tm_import_staging.source_key`, computed in the import worker) and
 * keep it when published; the indexer sets it with the tokens; units without one (those here
 * before this version, sign-offs and sentence pairs the triggers insert) are listed by
 * `idx_tm_units_unkeyed` and keyed by the TM store before an exact lookup (main/memory/exactMatch.ts;
 * SQLite cannot tokenise, so this migration only adds the columns and indexes).
 *
 * The bulk build of the fuzzy index after a big import (main/memory/bulkIndex.ts): its state (one
 * row while a build runs: the last queued change it covers, its partitions, how far it has read)
 * and its runs (per term partition and chunk of units, the (term, unit id) pairs packed), so a
 * build that stops half-way resumes where it was.
 */
import type { Migration } from './types.js';

export const migration0290TmSourceKeys: Migration = {
  version: 290,
  name: 'tm-source-keys',
  up(db) {
    db.exec(`
      ALTER TABLE tm_units ADD COLUMN source_key INTEGER;
      ALTER TABLE tm_import_staging ADD COLUMN source_key INTEGER;
      CREATE INDEX idx_tm_units_source_key ON tm_units (source_key) WHERE source_key IS NOT NULL;
      CREATE INDEX idx_tm_units_unkeyed ON tm_units (id) WHERE source_key IS NULL;
      CREATE TABLE tm_index_build_state (
        id        INTEGER PRIMARY KEY CHECK (id = 1),
        -- queued changes up to this one are the build's
        last_seq  INTEGER NOT NULL,
        -- term partitions (by hash range), and how many have been written into the index
        parts     INTEGER NOT NULL CHECK (parts > 0),
        -- queued changes up to this one have been read into runs
        read_seq  INTEGER NOT NULL
      );
      CREATE TABLE tm_index_build_runs (
        part   INTEGER NOT NULL,
        chunk  INTEGER NOT NULL,
        -- (term as a float64, unit id as a uint32) pairs, in unit order
        terms  BLOB NOT NULL,
        ids    BLOB NOT NULL,
        PRIMARY KEY (part, chunk)
      ) WITHOUT ROWID;
    `);
  },
};
