/**
 * Where an imported translation came from when the file did not say (issue 12): one row per
 * paragraph whose origin is unknown, or that the file said a person translated, with the tool the
 * file came from. An editor may declare an unknown origin human, with a reason: who, role, when and
 * why are kept on the row (the origin itself stays "unknown", so the record shows it was declared).
 * Machine translation keeps using `paragraphs.mt_*`; TM and human work their revisions.
 */
import type { Migration } from './types.js';

export const migration0160ProvenanceOrigins: Migration = {
  version: 160,
  name: 'provenance-origins',
  up(db) {
    db.exec(`
      CREATE TABLE provenance_origins (
        paragraph_id TEXT PRIMARY KEY REFERENCES paragraphs(id) ON DELETE CASCADE,
        origin TEXT NOT NULL CHECK (origin IN ('unknown', 'human', 'tm')),
        tool TEXT,
        recorded_at TEXT NOT NULL,
        declared_human_by TEXT,
        declared_human_role TEXT CHECK (declared_human_role IS NULL OR declared_human_role = 'editor'),
        declared_human_at TEXT,
        declared_human_reason TEXT,
        CHECK ((declared_human_by IS NULL) = (declared_human_reason IS NULL))
      );
    `);
  },
};
