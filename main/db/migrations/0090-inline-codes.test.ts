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

describe('migration 0090-inline-codes', () => {
  it('gives every paragraph of a database holding data an empty list of inline codes, keeping the rest', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 90),
    );
    db.exec(`INSERT INTO documents VALUES ('d1', 'Kept', 'en', 'es', 'md', 'a', 'a');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, status, updated_at)
      VALUES ('p1', 'd1', 0, 'paragraph', 'A **bold** word.', 'Una palabra.', 'edited', 'a');`);
    const result = migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 90),
    );
    expect(result.applied).toEqual(['0090-inline-codes']);
    expect(schemaVersion(db)).toBe(90);
    expect(db.prepare('SELECT source, target, status, inline_codes FROM paragraphs').all()).toEqual([
      { source: 'A **bold** word.', target: 'Una palabra.', status: 'edited', inline_codes: '[]' },
    ]);
    db.exec(`UPDATE paragraphs SET inline_codes = '[{"type":"bold"}]'`);
    expect(() => db.exec(`UPDATE paragraphs SET inline_codes = 'not json'`)).toThrow(/CHECK/);
    expect(() => db.exec(`UPDATE paragraphs SET inline_codes = '{"type":"bold"}'`)).toThrow(/CHECK/);
    expect(() => db.exec(`UPDATE paragraphs SET inline_codes = NULL`)).toThrow(/NOT NULL/);
    db.exec(`INSERT INTO paragraphs (id, document_id, position, kind, source, target, status, updated_at)
      VALUES ('p2', 'd1', 1, 'paragraph', 'New.', '', 'new', 'b')`);
    expect(db.prepare("SELECT inline_codes FROM paragraphs WHERE id = 'p2'").pluck().get()).toBe('[]');
    db.close();
  });
});
