/**
 * Sentence pairs of signed-off paragraphs (issue 17 item 3). A paragraph whose source and target
 * have the same number of sentences (more than one) also stores each sentence pair as a TM unit,
 * so sentence-level lookups find them. SQLite cannot segment sentences (Intl.Segmenter), so the
 * units are added by the TM indexer when it indexes the paragraph's unit
 * (main/memory/sentencePairs.ts); they point at that unit (`parent_unit_id`), and deleting it —
 * a withdrawn sign-off, a re-sign-off (the triggers of migrations 0070/0150) — deletes them with it
 * (ON DELETE CASCADE, whose deletes queue the index removals like any other).
 */
import type { Migration } from './types.js';

export const migration0280TmSentenceUnits: Migration = {
  version: 280,
  name: 'tm-sentence-units',
  up(db) {
    db.exec(`
      ALTER TABLE tm_units ADD COLUMN parent_unit_id INTEGER REFERENCES tm_units (id) ON DELETE CASCADE;
      CREATE INDEX idx_tm_units_parent ON tm_units (parent_unit_id) WHERE parent_unit_id IS NOT NULL;
    `);
  },
};
