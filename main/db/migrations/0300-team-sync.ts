/**
 * The local half of the team library (issue 16, docs/team.md): the outbox of changes not yet
 * acknowledged by the team server, each entity's heads, open conflicts, cached members and
 * assignments, and the sync state (cursor). All empty until a team is connected; a library that
 * never joins a team only carries the empty tables.
 */
import type { Migration } from './types.js';

export const migration0300TeamSync: Migration = {
  version: 300,
  name: 'team-sync',
  up(db) {
    db.exec(`
      -- Changes made here, oldest first (rowid). acked_seq: the server's seq once pushed; the row
      -- leaves when the pull brings it back. A refused change keeps its code and message.
      CREATE TABLE team_outbox (
        change_id        TEXT PRIMARY KEY,
        kind             TEXT NOT NULL,
        document_id      TEXT NOT NULL,
        entity_id        TEXT NOT NULL,
        base_id          TEXT,
        payload          TEXT NOT NULL CHECK (json_valid(payload)),
        client_at        TEXT NOT NULL,
        acked_seq        INTEGER,
        refused_code     TEXT,
        refused_message  TEXT,
        CHECK ((refused_code IS NULL) = (refused_message IS NULL)),
        CHECK (acked_seq IS NULL OR refused_code IS NULL)
      );
      CREATE INDEX idx_team_outbox_entity_id ON team_outbox (entity_id);

      -- Per entity: the server's head as last pulled, and the local head (the base of the next change).
      CREATE TABLE team_heads (
        entity_id    TEXT PRIMARY KEY,
        server_head  TEXT,
        local_head   TEXT NOT NULL
      );

      -- Which change carries a local revision (autosave extends a revision; a pushed one gets a new change).
      CREATE TABLE team_revision_changes (
        revision_id  INTEGER PRIMARY KEY REFERENCES revisions (id) ON DELETE CASCADE,
        change_id    TEXT NOT NULL
      );
      CREATE INDEX idx_team_revision_changes_change_id ON team_revision_changes (change_id);

      -- Open conflicts: the head and each change kept beside it, until a change resolves them.
      CREATE TABLE team_conflicts (
        paragraph_id  TEXT NOT NULL REFERENCES paragraphs (id) ON DELETE CASCADE,
        document_id   TEXT NOT NULL,
        head_change   TEXT NOT NULL,
        head_text     TEXT NOT NULL,
        head_author   TEXT NOT NULL,
        head_at       TEXT NOT NULL,
        other_change  TEXT NOT NULL,
        other_text    TEXT NOT NULL,
        other_author  TEXT NOT NULL,
        other_at      TEXT NOT NULL,
        PRIMARY KEY (paragraph_id, other_change)
      );
      CREATE INDEX idx_team_conflicts_document_id ON team_conflicts (document_id);

      -- The server's members as last seen (offline display; verifying remote sign-offs).
      CREATE TABLE team_members (
        role_name     TEXT PRIMARY KEY,
        display_name  TEXT NOT NULL,
        team_role     TEXT NOT NULL CHECK (team_role IN ('translator', 'editor', 'admin')),
        public_key    TEXT,
        key_id        TEXT
      );

      CREATE TABLE team_assignments (
        document_id  TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        translator   TEXT,
        editor       TEXT,
        change_id    TEXT NOT NULL
      );

      -- cursor (last pulled seq), me (this library's member), last sync; JSON values.
      CREATE TABLE team_state (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL CHECK (json_valid(value))
      );
    `);
  },
};
