/**
 * Issue 16, TM sync (docs/team.md#tm-units): batches of translation-memory units pulled from other
 * members, waiting to be added to the local TM. Applying a pulled change only queues its batch
 * here (one row, in the pull's transaction); the units are added a batch per short transaction in
 * the background (main/team/local/tmInbox.ts), so a million pulled units never block the sync loop
 * or a translator's edits. Rows survive a crash and are added when the library next opens.
 */
import type { Migration } from './types.js';

export const migration0380TeamTmInbox: Migration = {
  version: 380,
  name: 'team-tm-inbox',
  up(db) {
    db.exec(`
      CREATE TABLE team_tm_inbox (
        seq       INTEGER PRIMARY KEY,  -- the change's server seq: batches are added in the server's order
        change_id TEXT NOT NULL UNIQUE,
        payload   TEXT NOT NULL         -- the validated tm-unit payload (JSON)
      );
    `);
  },
};
