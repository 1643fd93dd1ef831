import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { migrate, schemaVersion } from '../migrate.js';
import { widenActionCheck } from './0110-exclusion-replace.js';
import { MIGRATIONS } from './index.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

const count = (db: Database.Database, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('migration 0110-exclusion-replace', () => {
  it('keeps every revision (ids and the rows that point at them), allows exclude/include, and adds the exclusion columns', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 110),
    );
    db.exec(`INSERT INTO profiles VALUES ('ana', 'Ana', 'editor', 'a');
      INSERT INTO documents VALUES ('d1', 'Kept', 'en', 'es', 'txt', 'a', 'a');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, status, updated_at, signed_off_by, signed_off_name, signed_off_role, signed_off_at, signed_off_hash)
      VALUES ('p1', 'd1', 0, 'paragraph', 'One.', 'Uno.', 'signed-off', 'a', 'ana', 'Ana', 'editor', 'c', 'h');
      INSERT INTO revisions (id, paragraph_id, document_id, profile_id, author_name, role, origin, action, mt_engine, before_text, after_text, status_before, status_after, created_at, updated_at)
      VALUES (7, 'p1', 'd1', NULL, 'Verso', NULL, 'mt', 'mt', 'apertium', '', 'Un.', 'new', 'machine', 'a', 'a'),
             (8, 'p1', 'd1', 'ana', 'Ana', 'editor', 'human', 'edit', NULL, 'Un.', 'Uno.', 'machine', 'edited', 'b', 'b'),
             (9, 'p1', 'd1', 'ana', 'Ana', 'editor', 'human', 'edit', NULL, 'Uno.', 'Un.', 'edited', 'edited', 'c', 'c'),
             (10, 'p1', 'd1', 'ana', 'Ana', 'editor', 'human', 'sign-off', NULL, 'Uno.', 'Uno.', 'edited', 'signed-off', 'd', 'd');
      INSERT INTO workflow_revision_links VALUES (9, 'undo', 8);
      INSERT INTO workflow_signoff_overrides VALUES (10, 'p1', 'Checked', '[]', 'd');
      INSERT INTO workflow_signoff_reviews VALUES (10, 'p1', 900, 1, 0, 1);
      INSERT INTO mt_provenance VALUES (7, 'p1', 'apertium', '3.9', 'en', 'es', 'a', 'a', 0, 0, '[]');`);
    const before = db.prepare('SELECT * FROM revisions ORDER BY id').all();
    const tm = count(db, 'tm_units');

    const result = migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 110),
    );
    expect(result.applied).toEqual(['0110-exclusion-replace']);
    expect(schemaVersion(db)).toBe(110);
    // Enforcement is back on after the rebuild, and nothing dangles.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    expect(db.prepare('SELECT * FROM revisions ORDER BY id').all()).toEqual(before);
    expect(count(db, 'workflow_revision_links')).toBe(1);
    expect(count(db, 'workflow_signoff_overrides')).toBe(1);
    expect(count(db, 'workflow_signoff_reviews')).toBe(1);
    expect(count(db, 'mt_provenance')).toBe(1);
    expect(count(db, 'tm_units')).toBe(tm);
    const indexes = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'revisions' AND sql IS NOT NULL ORDER BY name")
      .pluck()
      .all();
    expect(indexes).toEqual(['idx_revisions_document_id', 'idx_revisions_paragraph_id_id']);

    // The new actions are allowed, others still refused.
    db.exec(`INSERT INTO revisions (paragraph_id, document_id, author_name, origin, action, before_text, after_text, status_after, created_at, updated_at)
      VALUES ('p1', 'd1', 'Ana', 'human', 'exclude', 'Uno.', 'Uno.', 'translated', 'e', 'e'),
             ('p1', 'd1', 'Ana', 'human', 'include', 'Uno.', 'Uno.', 'translated', 'f', 'f')`);
    expect(() =>
      db.exec(`INSERT INTO revisions (paragraph_id, document_id, author_name, origin, action, after_text, status_after, created_at, updated_at)
        VALUES ('p1', 'd1', 'Ana', 'human', 'shred', '', 'new', 'g', 'g')`),
    ).toThrow(/CHECK/);

    // The paragraph and document columns.
    expect(db.prepare('SELECT excluded_at, excluded_by, excluded_role, excluded_origin FROM paragraphs').get()).toEqual({
      excluded_at: null,
      excluded_by: null,
      excluded_role: null,
      excluded_origin: null,
    });
    db.exec("INSERT INTO exclusion_documents VALUES ('d1', 'source')");
    expect(() => db.exec("UPDATE exclusion_documents SET excluded_export = 'shout'")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO exclusion_documents VALUES ('ghost', 'omit')")).toThrow(/FOREIGN KEY/);
    expect(() => db.exec("UPDATE paragraphs SET excluded_origin = 'robot'")).toThrow(/CHECK/);

    // Replace batches point at revisions; deleting the document removes everything, cascading as before.
    db.exec("INSERT INTO replace_batches VALUES (9, 'b1', 'd1', 'c')");
    expect(() => db.exec("INSERT INTO replace_batches VALUES (999, 'b1', 'd1', 'c')")).toThrow(/FOREIGN KEY/);
    db.exec("DELETE FROM documents WHERE id = 'd1'");
    for (const table of [
      'revisions',
      'replace_batches',
      'exclusion_documents',
      'workflow_revision_links',
      'workflow_signoff_overrides',
      'mt_provenance',
    ]) {
      expect(count(db, table)).toBe(0);
    }
    db.close();
  });

  it('widens whatever action list the stored definition has, once', () => {
    const sql =
      "CREATE TABLE revisions (id INTEGER PRIMARY KEY, action TEXT NOT NULL CHECK (action IN ('import', 'edit', 'undo')), note TEXT)";
    const widened = widenActionCheck(sql, ['exclude', 'include']);
    expect(widened).toBe(
      "CREATE TABLE revisions (id INTEGER PRIMARY KEY, action TEXT NOT NULL CHECK (action IN ('import', 'edit', 'undo', 'exclude', 'include')), note TEXT)",
    );
    expect(widenActionCheck(widened, ['exclude', 'include'])).toBe(widened);
    expect(() => widenActionCheck('CREATE TABLE revisions (id INTEGER)', ['exclude'])).toThrow(/no CHECK/);
  });
});
