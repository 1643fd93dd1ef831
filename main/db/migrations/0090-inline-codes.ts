/**
 * Inline markup as protected tokens: each paragraph keeps the JSON list of its inline codes (bold,
 * italic, links, inline code, line breaks, XLIFF inline codes; see shared/inline/inlineCodes.ts).
 * Its source and target hold one placeholder character per token. Existing paragraphs have none.
 */
import type { Migration } from './types.js';

export const migration0090InlineCodes: Migration = {
  version: 90,
  name: 'inline-codes',
  up(db) {
    db.exec(`
      ALTER TABLE paragraphs ADD COLUMN inline_codes TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(inline_codes) AND json_type(inline_codes) = 'array');
    `);
  },
};
