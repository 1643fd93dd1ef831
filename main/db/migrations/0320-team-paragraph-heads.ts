/**
 * Team library (issue 16): each paragraph's server head as last pulled — its text, status,
 * exclusion, who made it and when. Applying needs it where the paragraph row does not show the
 * head: a conflict row names the head's side, and an own change that lost goes back to it while
 * the local copy still showed the change optimistically. `sign_off`: the head sign-off change's
 * payload (claim, signature, key id) when the head is a sign-off, so going back restores it.
 * `team_entity_heads`: the same for glossary terms and assignments (the head change's payload), so
 * an own change that lost there goes back to the head's value too.
 * `team_conflicts.resolving`: a local resolution was made and is on its way; the conflict is hidden
 * until the server's order settles it (gone if the resolution lands, shown again if it lost).
 */
import type { Migration } from './types.js';

export const migration0320TeamParagraphHeads: Migration = {
  version: 320,
  name: 'team-paragraph-heads',
  up(db) {
    db.exec(`
      CREATE TABLE team_paragraph_heads (
        paragraph_id  TEXT PRIMARY KEY REFERENCES paragraphs (id) ON DELETE CASCADE,
        change_id     TEXT NOT NULL,
        target        TEXT NOT NULL,
        status        TEXT NOT NULL,
        excluded      INTEGER NOT NULL CHECK (excluded IN (0, 1)),
        author        TEXT NOT NULL,
        author_role   TEXT,
        at            TEXT NOT NULL,
        sign_off      TEXT CHECK (sign_off IS NULL OR json_valid(sign_off))
      );
      CREATE TABLE team_entity_heads (
        entity_id  TEXT PRIMARY KEY,
        kind       TEXT NOT NULL,
        change_id  TEXT NOT NULL,
        payload    TEXT NOT NULL CHECK (json_valid(payload))
      );
      ALTER TABLE team_conflicts ADD COLUMN resolving INTEGER NOT NULL DEFAULT 0 CHECK (resolving IN (0, 1));
    `);
  },
};
