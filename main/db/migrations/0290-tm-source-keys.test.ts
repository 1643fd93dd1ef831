import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate.js';
import { createTmStore } from '../../memory/tmStore.js';
import { MIGRATIONS } from './index.js';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
});
afterEach(() => db.close());

describe('migration 0290-tm-source-keys', () => {
  it('adds the exact keys (units already there are keyed by the first exact lookup) and the bulk build tables', () => {
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 290),
    );
    db.exec(`INSERT INTO tm_units (pair, source_lang, target_lang, source, target, origin, created_by, created_at, tokens, token_count)
      VALUES ('en>es', 'en', 'es', 'Rain  fell.', 'Llovió.', 'tmx', 'x', 'a', 'Rain' || char(31) || 'fell' || char(31) || '.', 3),
             ('en>es', 'en', 'es', 'Wind rose.', 'Sopló.', 'tmx', 'x', 'a', NULL, NULL)`);
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 290),
      ).applied,
    ).toEqual(['0290-tm-source-keys']);
    expect(schemaVersion(db)).toBe(290);
    expect(db.prepare('SELECT count(*) FROM tm_units WHERE source_key IS NULL').pluck().get()).toBe(2);
    expect(db.prepare('SELECT count(*) FROM tm_index_build_state').pluck().get()).toBe(0);

    migrate(db, MIGRATIONS);
    const store = createTmStore(db);
    expect(store.exactMatch('en', 'es', 'Rain fell.')?.target).toBe('Llovió.');
    expect(store.exactMatch('en', 'es', 'Wind rose.')?.target).toBe('Sopló.');
    expect(db.prepare('SELECT count(*) FROM tm_units WHERE source_key IS NULL').pluck().get()).toBe(0);
  });
});
