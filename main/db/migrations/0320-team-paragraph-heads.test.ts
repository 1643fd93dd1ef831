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

describe('migration 0320-team-paragraph-heads', () => {
  it('adds the paragraph and entity heads and the conflicts’ resolving flag; a head goes with its paragraph', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 320),
    );
    db.exec(`INSERT INTO documents VALUES ('d1', 'Storm', 'en', 'es', 'txt', 'a', 'a');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, inline_codes, status, updated_at)
      VALUES ('p1', 'd1', 0, 'paragraph', 'Rain fell.', 'Llovió.', '[]', 'edited', 'a');
      INSERT INTO team_conflicts VALUES ('p1', 'd1', 'h', 'Llovió.', 'ana', 'a', 'o', 'Llueve.', 'ben', 'b');`);
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 320),
      ).applied,
    ).toEqual(['0320-team-paragraph-heads']);
    expect(schemaVersion(db)).toBe(320);
    db.exec(`INSERT INTO team_paragraph_heads VALUES ('p1', 'c1', 'Llovió.', 'edited', 0, 'Ana', 'translator', 'a', NULL)`);
    expect(() => db.exec(`UPDATE team_paragraph_heads SET excluded = 2`)).toThrow(/CHECK/);
    // Conflicts gain `resolving` (0 for rows that were there), limited to 0/1.
    expect(db.prepare('SELECT resolving FROM team_conflicts').get()).toEqual({ resolving: 0 });
    expect(() => db.exec('UPDATE team_conflicts SET resolving = 2')).toThrow(/CHECK/);
    db.exec(`INSERT INTO team_entity_heads VALUES ('term-1', 'glossary-term', 'c1', '{"removed":true}')`);
    expect(() => db.exec(`INSERT INTO team_entity_heads VALUES ('term-2', 'glossary-term', 'c2', 'not json')`)).toThrow(/CHECK/);
    db.exec("DELETE FROM documents WHERE id = 'd1'");
    expect(db.prepare('SELECT count(*) AS n FROM team_paragraph_heads').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM team_conflicts').get()).toEqual({ n: 0 });
    db.close();
  });
});
