/**
 * Translation-memory units keep the inline codes of their paragraph (`tm_units.codes`, JSON, as
 * `paragraphs.inline_codes`), so a match inserted into another paragraph can map the unit's
 * tokens onto that paragraph's codes (shared/memory/formatting.ts). The sign-off triggers of
 * migration 0070 are recreated to copy them (and to follow a change of codes while signed off);
 * existing units get their paragraph's codes, TMX units none.
 *
 * Match tokens now leave placeholders out (shared/memory/matchScore.ts), so units whose source
 * holds placeholders and are already indexed are queued to be indexed again: their old terms
 * removed, their new ones added.
 */
import type { Migration } from './types.js';

const primary = (col: string) => `lower(CASE WHEN instr(${col}, '-') > 0 THEN substr(${col}, 1, instr(${col}, '-') - 1) ELSE ${col} END)`;

const insertFromParagraph = (p: string) => `
  INSERT INTO tm_units (pair, source_lang, target_lang, source, target, codes, origin, paragraph_id, document_id, document_title, created_by, created_at)
  SELECT ${primary('d.source_lang')} || '>' || ${primary('d.target_lang')}, d.source_lang, d.target_lang, ${p}.source, ${p}.target, ${p}.inline_codes,
         'signoff', ${p}.id, d.id, d.title, coalesce(${p}.signed_off_name, ''), ${p}.signed_off_at
  FROM documents d
  WHERE d.id = ${p}.document_id AND trim(${p}.source) <> '' AND trim(${p}.target) <> ''`;

const PLACEHOLDER = /[\uE000-\uE2FF]/u;

export const migration0150TmUnitCodes: Migration = {
  version: 150,
  name: 'tm-unit-codes',
  up(db) {
    db.exec(`
      ALTER TABLE tm_units ADD COLUMN codes TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(codes) AND json_type(codes) = 'array');
      UPDATE tm_units SET codes = (SELECT p.inline_codes FROM paragraphs p WHERE p.id = tm_units.paragraph_id)
      WHERE paragraph_id IS NOT NULL AND EXISTS (SELECT 1 FROM paragraphs p WHERE p.id = tm_units.paragraph_id);

      DROP TRIGGER tm_paragraph_inserted_signed;
      DROP TRIGGER tm_paragraph_signed;
      CREATE TRIGGER tm_paragraph_inserted_signed AFTER INSERT ON paragraphs WHEN NEW.status = 'signed-off' BEGIN
        ${insertFromParagraph('NEW')};
      END;
      -- Signed off, or re-signed (new sign-off, or text or codes changed while signed off): the unit is replaced.
      CREATE TRIGGER tm_paragraph_signed AFTER UPDATE ON paragraphs
      WHEN NEW.status = 'signed-off' AND (OLD.status IS NOT 'signed-off' OR OLD.signed_off_at IS NOT NEW.signed_off_at
        OR OLD.target IS NOT NEW.target OR OLD.source IS NOT NEW.source OR OLD.inline_codes IS NOT NEW.inline_codes)
      BEGIN
        DELETE FROM tm_units WHERE paragraph_id = NEW.id;
        ${insertFromParagraph('NEW')};
      END;
    `);
    const indexed = db.prepare<[], { id: number; pair: string; source: string; tokens: string }>(
      'SELECT id, pair, source, tokens FROM tm_units WHERE tokens IS NOT NULL',
    );
    const queue = db.prepare('INSERT INTO tm_index_queue (unit_id, op, pair, tokens) VALUES (?, ?, ?, ?)');
    const reset = db.prepare('UPDATE tm_units SET tokens = NULL, token_count = NULL WHERE id = ?');
    for (const unit of indexed.all()) {
      if (!PLACEHOLDER.test(unit.source)) continue;
      queue.run(unit.id, 'remove', unit.pair, unit.tokens);
      reset.run(unit.id);
      queue.run(unit.id, 'add', unit.pair, null);
    }
  },
};
