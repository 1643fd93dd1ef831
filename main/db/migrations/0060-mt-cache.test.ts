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

const HASH = 'a'.repeat(64);

describe('migration 0060-mt-cache', () => {
  it('adds the MT cache and provenance to a database holding paragraphs with MT, keeping them', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 60),
    );
    db.exec(`INSERT INTO documents VALUES ('d1', 'Kept', 'en', 'es', 'txt', 'a', 'a');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, status, mt_text, mt_engine, mt_engine_version, updated_at)
      VALUES ('p1', 'd1', 0, 'paragraph', 'One.', 'Uno.', 'machine', 'Uno.', 'apertium', 'apertium 3.8', 'a');
      INSERT INTO revisions (id, paragraph_id, document_id, author_name, origin, action, mt_engine, before_text, after_text, status_after, created_at, updated_at)
      VALUES (1, 'p1', 'd1', 'Ana', 'mt', 'mt', 'apertium', '', 'Uno.', 'machine', 'a', 'a');`);
    const result = migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 60),
    );
    expect(result.applied).toEqual(['0060-mt-cache']);
    expect(schemaVersion(db)).toBe(60);
    expect(db.prepare('SELECT mt_text FROM paragraphs').pluck().all()).toEqual(['Uno.']);

    db.exec(`INSERT INTO mt_cache VALUES ('apertium', 'apertium 3.8', 'en', 'es', '${HASH}', 'Uno.', '[]', 'a', 'a');
      INSERT INTO mt_provenance VALUES (1, 'p1', 'apertium', 'apertium 3.8', 'en', 'es', 'a', 'a', 1, 0, '["Uno"]');`);
    // One row per engine, version, pair and source text.
    expect(() =>
      db.exec(`INSERT INTO mt_cache VALUES ('apertium', 'apertium 3.8', 'en', 'es', '${HASH}', 'Otro.', '[]', 'b', 'b')`),
    ).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.exec(`INSERT INTO mt_cache VALUES ('apertium', 'apertium 3.9', 'en', 'es', '${HASH}', '  ', '[]', 'b', 'b')`)).toThrow(
      /CHECK/,
    );
    expect(() => db.exec(`INSERT INTO mt_cache VALUES ('apertium', 'apertium 3.9', 'en', 'es', 'short', 'Uno.', '[]', 'b', 'b')`)).toThrow(
      /CHECK/,
    );
    expect(() => db.exec(`INSERT INTO mt_provenance VALUES (2, 'p1', 'x', 'v', 'en', 'es', 'a', 'a', 0, 0, '[]')`)).toThrow(/FOREIGN KEY/);
    expect(() => db.exec(`INSERT INTO mt_provenance VALUES (1, 'p1', 'x', 'v', 'en', 'es', 'a', 'a', 2, 0, '[]')`)).toThrow(/CHECK|UNIQUE/);
    // Deleting the document removes the provenance with the revisions; the cache is not per document.
    db.exec("DELETE FROM documents WHERE id = 'd1'");
    expect(db.prepare('SELECT count(*) FROM mt_provenance').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM mt_cache').pluck().get()).toBe(1);
    db.close();
  });
});
