import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { migrate, schemaVersion } from '../migrate.js';
import { MIGRATIONS } from './index.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

describe('migration 0120-library', () => {
  it('adds the deletion record and the counting index to a database holding data, keeping the rest', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 120),
    );
    db.exec(`INSERT INTO documents VALUES ('d1', 'Kept', 'en', 'es', 'md', 'a', 'a');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, status, updated_at)
      VALUES ('p1', 'd1', 0, 'paragraph', 'One.', 'Uno.', 'edited', 'b'), ('p2', 'd1', 1, 'paragraph', 'Two.', '', 'new', 'c');`);
    const result = migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 120),
    );
    expect(result.applied).toEqual(['0120-library']);
    expect(schemaVersion(db)).toBe(120);
    expect(db.prepare('SELECT id, status FROM paragraphs ORDER BY position').all()).toEqual([
      { id: 'p1', status: 'edited' },
      { id: 'p2', status: 'new' },
    ]);
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'paragraphs' AND name LIKE 'idx_%'").pluck().all(),
    ).toContain('idx_paragraphs_document_id_status_excluded_at_updated_at');
    const insert = db.prepare(`INSERT INTO library_deletions (document_id, title, source_lang, target_lang, imported_at, paragraph_count,
      signed_off_count, sign_off_count, profile_id, author_name, role, deleted_at) VALUES ('d1', 'Kept', 'en', 'es', 'a', 2, 0, 0, NULL, 'Ann', ?, 'z')`);
    insert.run('translator');
    expect(() => insert.run('admin')).toThrow(/CHECK/);
    // The record does not depend on the document: deleting it keeps the row; the row itself cannot change.
    db.exec("DELETE FROM documents WHERE id = 'd1'");
    expect(db.prepare('SELECT title, author_name FROM library_deletions').all()).toEqual([{ title: 'Kept', author_name: 'Ann' }]);
    expect(() => db.exec("UPDATE library_deletions SET title = 'Other'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM library_deletions')).toThrow(/append-only/);
    db.close();
  });
});
