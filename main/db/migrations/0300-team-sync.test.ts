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

describe('migration 0300-team-sync', () => {
  it('adds the empty team tables to a library holding data; conflicts go with their paragraph; a refused change cannot also be acknowledged', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 300),
    );
    db.exec(`INSERT INTO documents VALUES ('d1', 'Storm', 'en', 'es', 'txt', 'a', 'a');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, inline_codes, status, updated_at)
      VALUES ('p1', 'd1', 0, 'paragraph', 'Rain fell.', 'Llovió.', '[]', 'edited', 'a');`);
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 300),
      ).applied,
    ).toEqual(['0300-team-sync']);
    expect(schemaVersion(db)).toBe(300);
    expect(db.prepare('SELECT count(*) AS n FROM paragraphs').get()).toEqual({ n: 1 });
    db.exec(`INSERT INTO team_conflicts VALUES ('p1', 'd1', 'h', 'Llovió.', 'ana', 'a', 'o', 'Llueve.', 'ben', 'b')`);
    db.exec("DELETE FROM documents WHERE id = 'd1'");
    expect(db.prepare('SELECT count(*) AS n FROM team_conflicts').get()).toEqual({ n: 0 });
    expect(() =>
      db.exec(`INSERT INTO team_outbox VALUES ('c1', 'paragraph', 'd1', 'p1', NULL, '{}', 'a', 5, 'TEAM_SIGN_OFF_STALE', 'changed')`),
    ).toThrow(/CHECK/);
    expect(() =>
      db.exec(`INSERT INTO team_outbox VALUES ('c1', 'paragraph', 'd1', 'p1', NULL, 'not json', 'a', NULL, NULL, NULL)`),
    ).toThrow(/CHECK/);
    db.close();
  });
});
