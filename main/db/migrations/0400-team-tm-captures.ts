/**
 * Issue 16, TM sync (docs/team.md#tm-units), made crash-safe: a TMX import published in a team
 * leaves a row here in the very transaction that ends its publishing. The units it added (the
 * pair's TMX units from `first_unit_id` to `last_unit_id`) then go to the outbox as `tm-unit`
 * batches, each batch's transaction moving `after_id` on; a "replace" sends its removal first. A
 * crash half-way resumes where it stopped when the library next opens (main/team/local/captureTm.ts).
 */
import type { Migration } from './types.js';

export const migration0400TeamTmCaptures: Migration = {
  version: 400,
  name: 'team-tm-captures',
  up(db) {
    db.exec(`
      CREATE TABLE team_tm_captures (
        import_id       INTEGER PRIMARY KEY,
        pair            TEXT NOT NULL,
        source_lang     TEXT NOT NULL,
        target_lang     TEXT NOT NULL,
        last_unit_id    INTEGER NOT NULL,
        after_id        INTEGER NOT NULL,                                    -- units up to this id are in the outbox
        replace_pending INTEGER NOT NULL CHECK (replace_pending IN (0, 1)), -- 1: the replace's removal is still to be sent
        at              TEXT NOT NULL
      );
    `);
  },
};
