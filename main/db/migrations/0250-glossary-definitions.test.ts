import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGlossaryRepo } from '../../glossary/glossaryRepo.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { migrate, schemaVersion } from '../migrate.js';
import { MIGRATIONS } from './index.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

describe('migration 0250-glossary-definitions', () => {
  it('gives every existing term an empty definition, keeps the terms, and stores definitions after', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 250),
    );
    db.exec(`INSERT INTO glossary_terms (id, source_lang, target_lang, source, target, note, forbidden, case_sensitive, created_at, updated_at)
      VALUES ('t1', 'en', 'es', 'European Union', 'Unión Europea', 'Spell out.', '["UE"]', 1, 'a', 'b')`);
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 250),
      ).applied,
    ).toEqual(['0250-glossary-definitions']);
    expect(schemaVersion(db)).toBe(250);

    const repo = createGlossaryRepo(db);
    const kept = repo.get('t1');
    expect(kept).toMatchObject({
      source: 'European Union',
      target: 'Unión Europea',
      note: 'Spell out.',
      definition: '',
      forbidden: ['UE'],
      caseSensitive: true,
    });
    repo.update({ ...kept!, definition: 'Union of 27 European states.' });
    expect(repo.get('t1')?.definition).toBe('Union of 27 European states.');
    repo.insert({ ...kept!, id: 't2', source: 'NATO', definition: 'A military alliance.' });
    expect(repo.findBySource('en', 'es', 'NATO')?.definition).toBe('A military alliance.');
    expect(() => db.exec(`UPDATE glossary_terms SET definition = NULL`)).toThrow(/NOT NULL/);
    db.close();
  });
});
