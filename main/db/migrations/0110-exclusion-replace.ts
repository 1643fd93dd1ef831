/**
 * Exclude from translation, and Replace all (issue 11).
 * - `paragraphs.excluded_*`: an orthogonal flag (not a status on the ladder): who excluded the
 *   paragraph, in which role, when, and whether a person or the imported file (XLIFF
 *   `translate="no"`) did; all NULL while it is included.
 * - `exclusion_documents`: per document, what publish-ready exports do with its excluded
 *   paragraphs (`omit` them, or keep the `source` text); no row means `omit`. A table of its own
 *   (1:1, deleted with the document) rather than a column, so `documents` keeps its shape.
 * - `replace_batches`: the revisions one "Replace all" wrote, under one batch id, so the whole
 *   replacement can be undone in one go.
 * - `revisions.action` also allows `exclude` and `include`. SQLite cannot change a CHECK, so the
 *   table is rebuilt from its own stored definition (whatever columns other migrations gave it),
 *   with its indexes and triggers, by SQLite's documented procedure: foreign-key enforcement off
 *   for the transaction (`foreignKeysOff`), the rows copied with their ids, so every table that
 *   references a revision still does; `foreign_key_check` runs before the commit.
 */
import type Database from 'better-sqlite3';
import type { Migration } from './types.js';

export const EXCLUSION_ACTIONS = ['exclude', 'include'] as const;

/** Adds values to the `CHECK (action IN (…))` list of the stored `revisions` definition. */
export function widenActionCheck(sql: string, add: readonly string[]): string {
  const check = /CHECK\s*\(\s*action\s+IN\s*\(([^)]*)\)\s*\)/i.exec(sql);
  if (!check) throw new Error('revisions has no CHECK on action to widen');
  const listed = check[1]!.split(',').map((v) => v.trim());
  const missing = add.filter((a) => !listed.includes(`'${a}'`));
  if (missing.length === 0) return sql;
  const list = [...listed, ...missing.map((a) => `'${a}'`)].join(', ');
  return sql.slice(0, check.index) + `CHECK (action IN (${list}))` + sql.slice(check.index + check[0].length);
}

function rebuildRevisions(db: Database.Database): void {
  const sql = db.prepare<[], string>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'revisions'").pluck().get();
  if (!sql) throw new Error('revisions table missing');
  const widened = widenActionCheck(sql, EXCLUSION_ACTIONS);
  if (widened === sql) return;
  const extras = db
    .prepare<[], string>("SELECT sql FROM sqlite_schema WHERE tbl_name = 'revisions' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .pluck()
    .all();
  const create = widened.replace(/^CREATE TABLE\s+("?)revisions\1/i, 'CREATE TABLE revisions_rebuilt');
  if (create === widened) throw new Error('unexpected revisions definition');
  db.exec(create);
  db.exec('INSERT INTO revisions_rebuilt SELECT * FROM revisions; DROP TABLE revisions;');
  // Legacy mode: the rename only renames; it does not re-check other tables' triggers and views
  // (which name `revisions` and are right again once it is back).
  const legacy = db.pragma('legacy_alter_table', { simple: true }) as number;
  db.pragma('legacy_alter_table = ON');
  try {
    db.exec('ALTER TABLE revisions_rebuilt RENAME TO revisions');
  } finally {
    db.pragma(`legacy_alter_table = ${legacy ? 'ON' : 'OFF'}`);
  }
  for (const statement of extras) db.exec(statement);
}

export const migration0110ExclusionReplace: Migration = {
  version: 110,
  name: 'exclusion-replace',
  foreignKeysOff: true,
  up(db) {
    db.exec(`
      ALTER TABLE paragraphs ADD COLUMN excluded_at TEXT;
      ALTER TABLE paragraphs ADD COLUMN excluded_by TEXT;
      ALTER TABLE paragraphs ADD COLUMN excluded_role TEXT
        CHECK (excluded_role IS NULL OR excluded_role IN ('translator', 'editor'));
      ALTER TABLE paragraphs ADD COLUMN excluded_origin TEXT
        CHECK (excluded_origin IS NULL OR excluded_origin IN ('human', 'import'));

      CREATE TABLE exclusion_documents (
        document_id      TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        excluded_export  TEXT NOT NULL CHECK (excluded_export IN ('omit', 'source'))
      );

      CREATE TABLE replace_batches (
        revision_id  INTEGER PRIMARY KEY REFERENCES revisions (id) ON DELETE CASCADE,
        batch_id     TEXT NOT NULL,
        document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        created_at   TEXT NOT NULL
      );
      CREATE INDEX idx_replace_batches_batch_id ON replace_batches (batch_id);
    `);
    rebuildRevisions(db);
  },
};
