/** Editorial workflow: how undo/redo/restore revisions relate, sign-offs that overrode QA errors, editing effort, comments, review signals. */
import type { Migration } from './types.js';

export const migration0030Workflow: Migration = {
  version: 30,
  name: 'workflow',
  up(db) {
    db.exec(`
      CREATE TABLE workflow_revision_links (
        revision_id         INTEGER PRIMARY KEY REFERENCES revisions (id) ON DELETE CASCADE,
        kind                TEXT NOT NULL CHECK (kind IN ('undo', 'redo', 'restore')),
        target_revision_id  INTEGER NOT NULL REFERENCES revisions (id) ON DELETE CASCADE
      );
      CREATE INDEX idx_workflow_revision_links_target_revision_id ON workflow_revision_links (target_revision_id);

      CREATE TABLE workflow_signoff_overrides (
        revision_id   INTEGER PRIMARY KEY REFERENCES revisions (id) ON DELETE CASCADE,
        paragraph_id  TEXT NOT NULL REFERENCES paragraphs (id) ON DELETE CASCADE,
        reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        issues        TEXT NOT NULL CHECK (json_valid(issues)),
        created_at    TEXT NOT NULL
      );
      CREATE INDEX idx_workflow_signoff_overrides_paragraph_id ON workflow_signoff_overrides (paragraph_id);

      -- Post-editing effort measured in the editor: active typing time and keystrokes, per person.
      CREATE TABLE workflow_edit_effort (
        paragraph_id  TEXT NOT NULL REFERENCES paragraphs (id) ON DELETE CASCADE,
        profile_id    TEXT NOT NULL REFERENCES profiles (id),
        active_ms     INTEGER NOT NULL CHECK (active_ms >= 0),
        keystrokes    INTEGER NOT NULL CHECK (keystrokes >= 0),
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (paragraph_id, profile_id)
      );

      -- How a sign-off was reviewed: time spent on the paragraph, whether its diff was viewed, and
      -- whether it was faster than a plausible reading speed (2 words per second).
      CREATE TABLE workflow_signoff_reviews (
        revision_id   INTEGER PRIMARY KEY REFERENCES revisions (id) ON DELETE CASCADE,
        paragraph_id  TEXT NOT NULL REFERENCES paragraphs (id) ON DELETE CASCADE,
        dwell_ms      INTEGER NOT NULL CHECK (dwell_ms >= 0),
        words         INTEGER NOT NULL CHECK (words >= 0),
        diff_viewed   INTEGER NOT NULL CHECK (diff_viewed IN (0, 1)),
        fast          INTEGER NOT NULL CHECK (fast IN (0, 1))
      );
      CREATE INDEX idx_workflow_signoff_reviews_paragraph_id ON workflow_signoff_reviews (paragraph_id);

      -- A comment thread per paragraph between translator and editor.
      CREATE TABLE workflow_comments (
        id                TEXT PRIMARY KEY,
        paragraph_id      TEXT NOT NULL REFERENCES paragraphs (id) ON DELETE CASCADE,
        document_id       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        profile_id        TEXT REFERENCES profiles (id),
        author_name       TEXT NOT NULL,
        role              TEXT NOT NULL CHECK (role IN ('translator', 'editor')),
        body              TEXT NOT NULL CHECK (length(trim(body)) > 0),
        created_at        TEXT NOT NULL,
        resolved_at       TEXT,
        resolved_by_name  TEXT,
        CHECK ((resolved_at IS NULL) = (resolved_by_name IS NULL))
      );
      CREATE INDEX idx_workflow_comments_document_id_created_at ON workflow_comments (document_id, created_at);
    `);
  },
};
