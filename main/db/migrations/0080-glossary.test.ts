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

describe('migration 0080-glossary', () => {
  it('adds the glossary to a database holding documents, keeping them, with its constraints', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 80),
    );
    db.exec(`INSERT INTO documents VALUES ('d1', 'Kept', 'en', 'es', 'txt', 'a', 'a');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, status, updated_at)
      VALUES ('p1', 'd1', 0, 'paragraph', 'The European Union.', 'La Unión Europea.', 'edited', 'a');`);
    const result = migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 80),
    );
    expect(result.applied).toEqual(['0080-glossary']);
    expect(schemaVersion(db)).toBe(80);
    expect(db.prepare('SELECT target FROM paragraphs').pluck().all()).toEqual(['La Unión Europea.']);

    db.exec(`INSERT INTO glossary_terms VALUES ('t1', 'en', 'es', 'European Union', 'Unión Europea', '', '["UE"]', 0, 'a', 'a')`);
    // One term per pair and source term; the same source term in another pair is fine.
    expect(() => db.exec(`INSERT INTO glossary_terms VALUES ('t2', 'en', 'es', 'European Union', 'Otra', '', '[]', 0, 'a', 'a')`)).toThrow(
      /UNIQUE/,
    );
    db.exec(`INSERT INTO glossary_terms VALUES ('t3', 'en', 'de', 'European Union', 'Europäische Union', '', '[]', 1, 'a', 'a')`);
    expect(() => db.exec(`INSERT INTO glossary_terms VALUES ('t4', 'en', 'es', '  ', 'x', '', '[]', 0, 'a', 'a')`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO glossary_terms VALUES ('t5', 'en', 'es', 'x', 'y', '', '{"a":1}', 0, 'a', 'a')`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO glossary_terms VALUES ('t6', 'en', 'es', 'x', 'y', '', '[]', 2, 'a', 'a')`)).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) FROM glossary_terms').pluck().get()).toBe(2);
    db.close();
  });
});
