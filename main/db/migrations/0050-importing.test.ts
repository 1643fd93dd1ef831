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

describe('migration 0050-importing', () => {
  it('adds the importing tables to a database holding documents, keeping them', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 50),
    );
    db.exec(`INSERT INTO documents VALUES ('d1', 'Kept', 'en', 'es', 'txt', 'a', 'a');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, status, updated_at)
      VALUES ('p1', 'd1', 0, 'paragraph', 'One.', 'Uno.', 'edited', 'a');`);
    const result = migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 50),
    );
    expect(result.applied).toEqual(['0050-importing']);
    expect(schemaVersion(db)).toBe(50);
    expect(db.prepare('SELECT target FROM paragraphs').pluck().all()).toEqual(['Uno.']);

    db.exec(`INSERT INTO importing_sources VALUES ('d1', 'xliff', 'story.xlf', 'utf-8', 'b');
      INSERT INTO importing_reimports (id, document_id, author_name, format, file_name, summary, created_at)
      VALUES (1, 'd1', 'Ana', 'html', 'v2.html', '{"changed":1}', 'c');
      INSERT INTO importing_reopenings VALUES ('p1', 1, 'Old one.', 'Uno.', 'signed-off', 'Ed');
      INSERT INTO importing_archived_paragraphs VALUES ('p0', 'd1', 1, 3, 'Gone.', 'Ido.', 'translated', '{}', '[]', 'c');`);
    expect(() => db.exec("INSERT INTO importing_sources VALUES ('d2', 'pdf', NULL, NULL, 'b')")).toThrow(/CHECK|FOREIGN/);
    expect(() =>
      db.exec(
        "INSERT INTO importing_reimports (document_id, author_name, format, summary, created_at) VALUES ('d1', 'A', 'txt', 'not json', 'c')",
      ),
    ).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO importing_reopenings VALUES ('p1', 1, 'x', 'y', 'done', NULL)")).toThrow(/CHECK|UNIQUE/);
    expect(() => db.exec("INSERT INTO importing_reopenings VALUES ('ghost', 1, 'x', 'y', 'new', NULL)")).toThrow(/FOREIGN KEY/);
    // Deleting the document removes everything the importing feature kept about it.
    db.exec("DELETE FROM documents WHERE id = 'd1'");
    for (const table of ['importing_sources', 'importing_reimports', 'importing_reopenings', 'importing_archived_paragraphs']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    db.close();
  });
});
