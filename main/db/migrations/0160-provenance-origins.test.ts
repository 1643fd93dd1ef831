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

describe('migration 0160-provenance-origins', () => {
  it('adds the origin table to a database holding data; a declaration needs its reason, rows go with their paragraph', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 160),
    );
    db.exec(`INSERT INTO documents VALUES ('d1', 'Kept', 'en', 'es', 'md', 'a', 'a');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, status, updated_at)
      VALUES ('p1', 'd1', 0, 'paragraph', 'One.', 'Uno.', 'translated', 'b');`);
    const result = migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 160),
    );
    expect(result.applied).toEqual(['0160-provenance-origins']);
    expect(schemaVersion(db)).toBe(160);
    expect(db.prepare('SELECT id, target FROM paragraphs').all()).toEqual([{ id: 'p1', target: 'Uno.' }]);
    db.exec("INSERT INTO provenance_origins (paragraph_id, origin, tool, recorded_at) VALUES ('p1', 'unknown', 'OmegaT', 'c')");
    expect(() => db.exec("UPDATE provenance_origins SET declared_human_by = 'Ana'")).toThrow(/CHECK/);
    expect(() =>
      db.exec("UPDATE provenance_origins SET declared_human_by = 'Ana', declared_human_reason = 'x', declared_human_role = 'translator'"),
    ).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO provenance_origins (paragraph_id, origin, recorded_at) VALUES ('nope', 'unknown', 'c')")).toThrow(
      /FOREIGN KEY/,
    );
    db.exec("DELETE FROM paragraphs WHERE id = 'p1'");
    expect(db.prepare('SELECT count(*) FROM provenance_origins').pluck().get()).toBe(0);
    db.close();
  });
});
