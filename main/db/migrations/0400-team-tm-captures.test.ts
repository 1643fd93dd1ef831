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

describe('migration 0400-team-tm-captures', () => {
  it('adds the TMX imports still to be shared: one row per import, a replace flag of 0 or 1', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 400),
    );
    expect(migrate(db, MIGRATIONS).applied).toEqual(['0400-team-tm-captures']);
    const insert = db.prepare(
      `INSERT INTO team_tm_captures (import_id, pair, source_lang, target_lang, last_unit_id, after_id, replace_pending, at)
       VALUES (?, 'en>es', 'en', 'es', 10, 0, ?, 'now')`,
    );
    insert.run(1, 1);
    expect(() => insert.run(1, 0)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run(2, 2)).toThrow(/CHECK/);
    db.close();
  });
});
