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

describe('migration 0340-review-packages', () => {
  it('adds the texts seen in review packages; one row per paragraph and text; they go with their paragraph', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 340),
    );
    db.exec(`INSERT INTO documents VALUES ('d1', 'Storm', 'en', 'es', 'txt', 'a', 'a');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, inline_codes, status, updated_at)
      VALUES ('p1', 'd1', 0, 'paragraph', 'Rain fell.', 'Llovió.', '[]', 'edited', 'a');`);
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 340),
      ).applied,
    ).toEqual(['0340-review-packages']);
    expect(schemaVersion(db)).toBe(340);
    db.exec(`INSERT INTO review_package_seen VALUES ('p1', 'abc')`);
    expect(() => db.exec(`INSERT INTO review_package_seen VALUES ('p1', 'abc')`)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.exec(`INSERT INTO review_package_seen VALUES ('nope', 'abc')`)).toThrow(/FOREIGN KEY/);
    db.exec("DELETE FROM documents WHERE id = 'd1'");
    expect(db.prepare('SELECT count(*) AS n FROM review_package_seen').get()).toEqual({ n: 0 });
    db.close();
  });
});
