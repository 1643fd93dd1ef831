/**
 * How an HTML source was read: its article only ('article') or the whole page ('page'), so a
 * re-import of a living story reads the revised page the same way. NULL for other formats (and
 * for HTML imported before this: the article, which was then the only reading).
 */
import type { Migration } from './types.js';

export const migration0100HtmlExtract: Migration = {
  version: 100,
  name: 'html-extract',
  up(db) {
    db.exec(`
      ALTER TABLE importing_sources ADD COLUMN html_extract TEXT
        CHECK (html_extract IS NULL OR html_extract IN ('article', 'page'));
    `);
  },
};
