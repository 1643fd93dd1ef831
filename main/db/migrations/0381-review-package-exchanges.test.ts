import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

describe('migration 0381-review-package-exchanges', () => {
  it('adds the last send per document and the time a package wrote a term; they go with their document and term', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 381),
    );
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 381),
      ).applied,
    ).toEqual(['0381-review-package-exchanges']);
    db.exec(`INSERT INTO documents VALUES ('d1', 'Storm', 'en', 'es', 'txt', 'a', 'a');
      INSERT INTO glossary_terms (id, source_lang, target_lang, source, target, note, definition, forbidden, case_sensitive, created_at, updated_at)
      VALUES ('t1', 'en', 'es', 'rain', 'lluvia', '', '', '[]', 0, 'a', 'a');
      INSERT INTO review_package_exchanges VALUES ('d1', '2026-12-04T10:00:00.000Z');
      INSERT INTO review_package_terms VALUES ('t1', '2026-12-04T10:00:00.000Z');`);
    db.exec("DELETE FROM documents WHERE id = 'd1'; DELETE FROM glossary_terms WHERE id = 't1';");
    expect(
      db.prepare('SELECT (SELECT count(*) FROM review_package_exchanges) + (SELECT count(*) FROM review_package_terms)').pluck().get(),
    ).toBe(0);
    db.close();
  });
});
