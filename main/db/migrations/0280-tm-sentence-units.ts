/**
 * Sentence pairs of signed-off paragraphs (issue 17 item 3). A paragraph whose source and target
 * have the same number of sentences (more than one) also stores each sentence pair as a TM unit,
 * so sentence-level lookups find them. SQLite cannot segment sentences (Intl.Segmenter), so the
 * units are added by the TM indexer when it indexes the paragraph's unit
 * (main/memory/sentencePairs.ts); they point at that unit (`parent_unit_id`), and deleting it —
 * a withdrawn sign-off, a re-sign-off (the triggers of migrations 0070/0150) — deletes them with it
 * (ON DELETE CASCADE, whose deletes queue the index removals like any other).
 *
 * Sign-off units already indexed get their pairs here (queued for indexing by the insert trigger).
 */
import type { InlineCode } from '../../../shared/inline/inlineCodes.js';
import { alignedSentences } from '../../../shared/memory/sentenceCodes.js';
import type { Migration } from './types.js';

export const migration0280TmSentenceUnits: Migration = {
  version: 280,
  name: 'tm-sentence-units',
  up(db) {
    db.exec(`
      ALTER TABLE tm_units ADD COLUMN parent_unit_id INTEGER REFERENCES tm_units (id) ON DELETE CASCADE;
      CREATE INDEX idx_tm_units_parent ON tm_units (parent_unit_id) WHERE parent_unit_id IS NOT NULL;
    `);
    const indexed = db.prepare<[], { id: number; source_lang: string; target_lang: string; source: string; target: string; codes: string }>(
      `SELECT id, source_lang, target_lang, source, target, codes FROM tm_units
       WHERE origin = 'signoff' AND paragraph_id IS NOT NULL AND tokens IS NOT NULL`,
    );
    const insert = db.prepare<[string, string, string, number]>(
      `INSERT INTO tm_units (pair, source_lang, target_lang, source, target, codes, origin, document_id, document_title,
                             created_by, created_at, mt_origin, parent_unit_id)
       SELECT pair, source_lang, target_lang, ?, ?, ?, origin, document_id, document_title, created_by, created_at, mt_origin, id
       FROM tm_units WHERE id = ?`,
    );
    for (const u of indexed.all()) {
      const codes = JSON.parse(u.codes) as InlineCode[];
      for (const p of alignedSentences(u.source, u.target, codes, u.source_lang, u.target_lang))
        insert.run(p.source, p.target, JSON.stringify(p.codes), u.id);
    }
  },
};
