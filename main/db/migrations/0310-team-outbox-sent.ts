/**
 * Issue 16, the outbox: `sent` marks a change once a push has read it. Autosave may still rewrite
 * the payload of an unsent change (one change per coalesced revision); a sent one may be on the
 * server already, even if the push was cut short, so a further edit becomes a new change on it.
 */
import type { Migration } from './types.js';

export const migration0310TeamOutboxSent: Migration = {
  version: 310,
  name: 'team-outbox-sent',
  up(db) {
    db.exec('ALTER TABLE team_outbox ADD COLUMN sent INTEGER NOT NULL DEFAULT 0 CHECK (sent IN (0, 1))');
  },
};
