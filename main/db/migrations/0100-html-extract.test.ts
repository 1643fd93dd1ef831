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

describe('migration 0100-html-extract', () => {
  it('adds how an HTML source was read to a database holding sources, keeping them', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 100),
    );
    db.exec(`INSERT INTO documents VALUES ('d1', 'Kept', 'en', 'es', 'txt', 'a', 'a');
      INSERT INTO importing_sources (document_id, format, file_name, encoding, imported_at) VALUES ('d1', 'html', 'story.html', 'utf-8', 'a');`);
    const result = migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 100),
    );
    expect(result.applied).toEqual(['0100-html-extract']);
    expect(schemaVersion(db)).toBe(100);
    expect(db.prepare('SELECT format, file_name, html_extract FROM importing_sources').all()).toEqual([
      { format: 'html', file_name: 'story.html', html_extract: null },
    ]);
    db.exec(`UPDATE importing_sources SET html_extract = 'page'`);
    expect(() => db.exec(`UPDATE importing_sources SET html_extract = 'everything'`)).toThrow(/CHECK/);
    db.close();
  });
});
