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

describe('migration 0220-docx-structure', () => {
  it('adds paragraph places and import reports to a database holding a document, which keeps its paragraphs', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 220),
    );
    db.exec(`INSERT INTO documents VALUES ('d1', 'Kept', 'en', 'es', 'txt', 'a', 'a');`);
    const columns = (db.prepare('PRAGMA table_info(paragraphs)').all() as { name: string }[]).map((c) => c.name);
    const row: Record<string, unknown> = {
      id: 'p1',
      document_id: 'd1',
      position: 0,
      kind: 'paragraph',
      marker: null,
      source: 'Cell',
      target: '',
      status: 'new',
      updated_at: 'a',
    };
    const names = columns.filter((c) => c in row);
    db.prepare(`INSERT INTO paragraphs (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((n) => row[n]));
    const result = migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 220),
    );
    expect(result.applied).toEqual(['0220-docx-structure']);
    expect(schemaVersion(db)).toBe(220);
    expect(db.prepare('SELECT count(*) FROM paragraphs').pluck().get()).toBe(1);
    db.exec(`INSERT INTO importing_paragraph_places VALUES ('p1', 'd1', '{"kind":"cell","table":1,"row":0,"col":0,"colSpan":1,"rowSpan":1,"rows":1,"cols":1}');
      INSERT INTO importing_reports VALUES ('d1', '{"format":"docx","entries":[]}');`);
    expect(() => db.exec(`INSERT INTO importing_reports VALUES ('d1', 'not json')`)).toThrow();
    expect(() => db.exec(`UPDATE importing_paragraph_places SET place = '{"kind":"sidebar"}'`)).toThrow(/CHECK/);
    db.exec("DELETE FROM documents WHERE id = 'd1'");
    expect(db.prepare('SELECT count(*) FROM importing_paragraph_places').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM importing_reports').pluck().get()).toBe(0);
    db.close();
  });
});
