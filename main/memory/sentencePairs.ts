/**
 * Sentence pairs of signed-off paragraphs as TM units (issue 17 item 3; table: migration 0280).
 * When the indexer (tmStore.ts) indexes a sign-off unit, its source and target are split into
 * sentences (shared/text/sentences.ts); only when both have the same number of sentences, more
 * than one, is the alignment taken as certain and each pair stored as a unit of its own, pointing
 * at the paragraph's unit, so that withdrawing or replacing the sign-off deletes them too
 * (ON DELETE CASCADE). Each keeps the codes its two sentences hold (shared/memory/sentenceCodes.ts).
 */
import type Database from 'better-sqlite3';
import type { InlineCode } from '../../shared/inline/inlineCodes.js';
import { alignedSentences } from '../../shared/memory/sentenceCodes.js';

interface ParentRow {
  id: number;
  source_lang: string;
  target_lang: string;
  source: string;
  target: string;
  codes: string;
}

export function createSentencePairs(db: Database.Database) {
  // A paragraph's unit (a sign-off, not itself a sentence) that has no sentence units yet.
  const parentStmt = db.prepare<[number], ParentRow>(
    `SELECT id, source_lang, target_lang, source, target, codes FROM tm_units u
     WHERE id = ? AND origin = 'signoff' AND paragraph_id IS NOT NULL AND parent_unit_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM tm_units c WHERE c.parent_unit_id = u.id)`,
  );
  const insertStmt = db.prepare<[string, string, string, number]>(
    `INSERT INTO tm_units (pair, source_lang, target_lang, source, target, codes, origin, document_id, document_title,
                           created_by, created_at, mt_origin, parent_unit_id)
     SELECT pair, source_lang, target_lang, ?, ?, ?, origin, document_id, document_title, created_by, created_at, mt_origin, id
     FROM tm_units WHERE id = ?`,
  );

  return {
    /** Stores the sentence pairs of a sign-off unit when its alignment is certain; returns their unit ids. */
    addFor(unitId: number): number[] {
      const parent = parentStmt.get(unitId);
      if (!parent) return [];
      const codes = JSON.parse(parent.codes) as InlineCode[];
      const pairs = alignedSentences(parent.source, parent.target, codes, parent.source_lang, parent.target_lang);
      return pairs.map((p) => Number(insertStmt.run(p.source, p.target, JSON.stringify(p.codes), unitId).lastInsertRowid));
    },
  };
}
