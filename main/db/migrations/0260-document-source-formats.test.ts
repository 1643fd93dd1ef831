import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_FORMATS } from '../../../shared/import/importedDocument.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { migrate, schemaVersion } from '../migrate.js';
import { MIGRATIONS } from './index.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

const count = (db: Database.Database, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
const schemaOf = (db: Database.Database, table: string) =>
  db
    .prepare("SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') ORDER BY type, name")
    .all(table);

describe('migration 0260-document-source-formats', () => {
  it('lets documents.source_format hold every format Verso reads, keeping rows, indexes, triggers and what points at them', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 260),
    );
    // The old CHECK: an HTML document could not say so.
    expect(() =>
      db.exec(
        "INSERT INTO documents (id, title, source_lang, target_lang, source_format, created_at, updated_at) VALUES ('x', 'X', 'en', 'es', 'html', 'a', 'a')",
      ),
    ).toThrow(/CHECK/);
    db.exec(`INSERT INTO profiles (id, name, role, created_at) VALUES ('ana', 'Ana', 'editor', 'a');
      INSERT INTO documents (id, title, source_lang, target_lang, source_format, created_at, updated_at) VALUES ('d1', 'Kept', 'en', 'es', 'txt', 'a', 'b'), ('d2', 'Also', 'de', 'fr', 'md', 'c', 'd');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, status, updated_at)
      VALUES ('p1', 'd1', 0, 'paragraph', 'One.', 'Uno.', 'edited', 'a'), ('p2', 'd2', 0, 'heading', 'Zwei.', 'Deux.', 'edited', 'a');
      INSERT INTO revisions (id, paragraph_id, document_id, profile_id, author_name, role, origin, action, before_text, after_text, status_before, status_after, created_at, updated_at)
      VALUES (7, 'p1', 'd1', 'ana', 'Ana', 'editor', 'human', 'edit', '', 'Uno.', 'new', 'edited', 'a', 'a');
      INSERT INTO importing_sources (document_id, format, file_name, encoding, imported_at) VALUES ('d1', 'html', 'page.html', 'utf-8', 'a');
      INSERT INTO exclusion_documents (document_id, excluded_export) VALUES ('d1', 'source');`);
    const documents = db.prepare('SELECT * FROM documents ORDER BY id').all();
    const paragraphs = db.prepare('SELECT * FROM paragraphs ORDER BY id').all();
    const extras = schemaOf(db, 'documents');
    const tables = count(db, 'sqlite_schema');

    const result = migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 260),
    );
    expect(result.applied).toEqual(['0260-document-source-formats']);
    expect(schemaVersion(db)).toBe(260);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // Rows, columns (whatever later migrations added), indexes and triggers as they were.
    expect(db.prepare('SELECT * FROM documents ORDER BY id').all()).toEqual(documents);
    expect(db.prepare('SELECT * FROM paragraphs ORDER BY id').all()).toEqual(paragraphs);
    expect(schemaOf(db, 'documents')).toEqual(extras);
    expect(extras.some((e) => (e as { name: string }).name === 'idx_documents_updated_at')).toBe(true);
    expect(count(db, 'sqlite_schema')).toBe(tables);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE '%rebuilt%'").all()).toEqual([]);

    // Every import format is allowed now; anything else is still refused.
    const insert = db.prepare(
      "INSERT INTO documents (id, title, source_lang, target_lang, source_format, created_at, updated_at) VALUES (?, 'T', 'en', 'es', ?, 'a', 'a')",
    );
    for (const format of IMPORT_FORMATS) insert.run(`new-${format}`, format);
    expect(() => insert.run('bad', 'pdf')).toThrow(/CHECK/);

    // The foreign keys into documents still hold and still cascade.
    expect(() =>
      db.exec(
        "INSERT INTO paragraphs (id, document_id, position, kind, source, status, updated_at) VALUES ('p9', 'nope', 0, 'paragraph', 'x', 'new', 'a')",
      ),
    ).toThrow(/FOREIGN KEY/);
    db.exec("DELETE FROM documents WHERE id = 'd1'");
    expect(count(db, 'paragraphs')).toBe(1);
    expect(count(db, 'importing_sources')).toBe(0);
    expect(count(db, 'exclusion_documents')).toBe(0);
    db.close();
  });

  it('changes nothing on a library already migrated (a second run applies nothing)', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    migrate(db, MIGRATIONS);
    expect(migrate(db, MIGRATIONS).applied).toEqual([]);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'documents'").pluck().get()).toContain("'xliff'");
    db.close();
  });
});
