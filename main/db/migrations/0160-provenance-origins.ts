/**
 * Where an imported translation came from when the file did not say (issue 12): one row per
 * paragraph whose origin is unknown, or that the file said a person translated, with the tool the
 * file came from. An editor may declare an unknown origin human, with a reason: who, role, when and
 * why are kept on the row (the origin itself stays "unknown", so the record shows it was declared).
 * Machine translation keeps using `paragraphs.mt_*`; TM and human work their revisions.
 */
import type { Migration } from './types.js';

const ORIGIN_OF_PARAGRAPH = (id: string) => `
  SELECT CASE
    WHEN p.mt_engine IS NOT NULL THEN json_object('kind', 'mt', 'engineId', p.mt_engine, 'engineName', NULL, 'engineVersion', p.mt_engine_version, 'createdAt', p.mt_created_at)
    WHEN o.origin = 'unknown' AND o.declared_human_by IS NULL THEN json_object('kind', 'unknown')
  END
  FROM paragraphs p LEFT JOIN provenance_origins o ON o.paragraph_id = p.id WHERE p.id = ${id}`;

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

      -- A TM unit remembers whether its translation started as MT (or of unknown origin), so a
      -- paragraph filled from it still counts for the footer (TmMtOrigin, JSON; NULL: neither).
      ALTER TABLE tm_units ADD COLUMN mt_origin TEXT CHECK (mt_origin IS NULL OR json_valid(mt_origin));
      CREATE TRIGGER tm_unit_mt_origin AFTER INSERT ON tm_units WHEN NEW.paragraph_id IS NOT NULL AND NEW.mt_origin IS NULL BEGIN
        UPDATE tm_units SET mt_origin = (${ORIGIN_OF_PARAGRAPH('NEW.paragraph_id')}) WHERE id = NEW.id;
      END;
      UPDATE tm_units SET mt_origin = (${ORIGIN_OF_PARAGRAPH('tm_units.paragraph_id')}) WHERE paragraph_id IS NOT NULL;
    `);
  },
};
