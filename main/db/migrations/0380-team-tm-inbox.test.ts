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

describe('migration 0380-team-tm-inbox', () => {
  it('adds the queue of pulled TM batches: one row per change, in seq order', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 380),
    );
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 380),
      ).applied,
    ).toEqual(['0380-team-tm-inbox']);
    db.prepare("INSERT INTO team_tm_inbox (seq, change_id, payload) VALUES (7, 'c1', '{}')").run();
    expect(() => db.prepare("INSERT INTO team_tm_inbox (seq, change_id, payload) VALUES (8, 'c1', '{}')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO team_tm_inbox (seq, change_id, payload) VALUES (7, 'c2', '{}')").run()).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });
});
