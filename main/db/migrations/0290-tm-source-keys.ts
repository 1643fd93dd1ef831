/**
 * Exact matches without the fuzzy index (issue 17): `tm_units.source_key`, a hash of the pair and
 * the source's match tokens (main/memory/termHash.ts `sourceKey`), indexed, so pre-filling 100 %
 * matches finds them right after a big TMX import, before the fuzzy index has been built. TMX units
 * get their key when staged (`tm_import_staging.source_key`, computed in the import worker) and
 * keep it when published; the indexer sets it with the tokens; units without one (those here
 * before this version, sign-offs and sentence pairs the triggers insert) are listed by
 * `idx_tm_units_unkeyed` and keyed by the TM store before an exact lookup (main/memory/exactMatch.ts;
 * SQLite cannot tokenise, so this migration only adds the columns and indexes).
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
    `);
  },
};
