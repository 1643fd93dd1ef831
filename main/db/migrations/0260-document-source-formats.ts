/**
 * `documents.source_format` may hold every format Verso reads (issue 15): migration 0010's
 * `CHECK (source_format IN ('txt', 'md'))` predates HTML, DOCX and XLIFF imports. SQLite cannot
 * change a CHECK, so the table is rebuilt from its own stored definition (whatever columns other
 * migrations gave it) with its indexes and triggers, by SQLite's documented procedure (as 0110 did
 * for `revisions`): foreign-key enforcement off for the transaction (`foreignKeysOff`) so the DROP
 * does not cascade, the rows copied with their ids; `foreign_key_check` runs before the commit.
 */
import type Database from 'better-sqlite3';
import type { Migration } from './types.js';

/** The formats `importing_sources.format` allows (migration 0050; `IMPORT_FORMATS` in shared/import). */
const FORMATS = "'txt', 'md', 'html', 'docx', 'xliff'";

/** The stored `documents` definition with its source_format CHECK widened to every import format. */
function widenedDefinition(sql: string): string {
  const check = /CHECK\s*\(\s*source_format\s+IN\s*\(([^)]*)\)\s*\)/i.exec(sql);
  if (!check) throw new Error('documents has no CHECK on source_format to widen');
  return sql.slice(0, check.index) + `CHECK (source_format IN (${FORMATS}))` + sql.slice(check.index + check[0].length);
}

function rebuildDocuments(db: Database.Database): void {
  const sql = db.prepare<[], string>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'documents'").pluck().get();
  if (!sql) throw new Error('documents table missing');
  const widened = widenedDefinition(sql);
  if (widened === sql) return;
  const extras = db
    .prepare<[], string>("SELECT sql FROM sqlite_schema WHERE tbl_name = 'documents' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .pluck()
    .all();
  const create = widened.replace(/^CREATE TABLE\s+("?)documents\1/i, 'CREATE TABLE documents_rebuilt');
  if (create === widened) throw new Error('unexpected documents definition');
  db.exec(create);
  db.exec('INSERT INTO documents_rebuilt SELECT * FROM documents; DROP TABLE documents;');
  // Legacy mode: the rename only renames; other tables' triggers and foreign keys name `documents`
  // and are right again once it is back.
  const legacy = db.pragma('legacy_alter_table', { simple: true }) as number;
  db.pragma('legacy_alter_table = ON');
  try {
    db.exec('ALTER TABLE documents_rebuilt RENAME TO documents');
  } finally {
    db.pragma(`legacy_alter_table = ${legacy ? 'ON' : 'OFF'}`);
  }
  for (const statement of extras) db.exec(statement);
}

export const migration0260DocumentSourceFormats: Migration = {
  version: 260,
  name: 'document-source-formats',
  foreignKeysOff: true,
  up(db) {
    rebuildDocuments(db);
  },
};
