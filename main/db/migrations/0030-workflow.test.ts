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

describe('migration 0030-workflow', () => {
  it('adds revision links and sign-off overrides to a database holding revisions, keeping them', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 30),
    );
    db.exec(`INSERT INTO documents VALUES ('d1', 'Kept', 'en', 'es', 'txt', 'a', 'a');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, status, updated_at)
      VALUES ('p1', 'd1', 0, 'paragraph', 'One.', 'Uno.', 'edited', 'a');
      INSERT INTO revisions (id, paragraph_id, document_id, author_name, origin, action, before_text, after_text, status_after, created_at, updated_at)
      VALUES (1, 'p1', 'd1', 'Ana', 'human', 'edit', '', 'Uno.', 'edited', 'a', 'a'),
             (2, 'p1', 'd1', 'Ana', 'human', 'edit', 'Uno.', '', 'new', 'b', 'b');`);
    const result = migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 30),
    );
    expect(result.applied).toEqual(['0030-workflow']);
    expect(schemaVersion(db)).toBe(30);
    expect(db.prepare('SELECT after_text FROM revisions ORDER BY id').pluck().all()).toEqual(['Uno.', '']);

    db.exec(`INSERT INTO workflow_revision_links VALUES (2, 'undo', 1);
      INSERT INTO workflow_signoff_overrides VALUES (1, 'p1', 'Checked', '[]', 'c');
      INSERT INTO profiles VALUES ('ana', 'Ana', 'translator', 'a');
      INSERT INTO workflow_edit_effort VALUES ('p1', 'ana', 1200, 7, 'c');
      INSERT INTO workflow_signoff_reviews VALUES (1, 'p1', 900, 4, 0, 1);
      INSERT INTO workflow_comments VALUES ('c1', 'p1', 'd1', 'ana', 'Ana', 'translator', 'Is 300 right?', 'c', NULL, NULL);`);
    expect(() =>
      db.exec("INSERT INTO workflow_comments VALUES ('c2', 'p1', 'd1', 'ana', 'Ana', 'translator', 'x', 'c', 'd', NULL)"),
    ).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO workflow_edit_effort VALUES ('p1', 'ghost', 1, 1, 'c')")).toThrow(/FOREIGN KEY/);
    expect(() => db.exec("INSERT INTO workflow_revision_links VALUES (1, 'sideways', 2)")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO workflow_signoff_overrides VALUES (2, 'p1', '  ', '[]', 'c')")).toThrow(/CHECK/);
    // Deleting the document removes its workflow rows with its revisions.
    db.exec("DELETE FROM documents WHERE id = 'd1'");
    expect(db.prepare('SELECT count(*) FROM workflow_revision_links').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM workflow_signoff_overrides').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM workflow_edit_effort').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM workflow_comments').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM workflow_signoff_reviews').pluck().get()).toBe(0);
    db.close();
  });
});
