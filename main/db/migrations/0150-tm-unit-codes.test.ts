import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { migrate, schemaVersion } from '../migrate.js';
import { createTmStore } from '../../memory/tmStore.js';
import { MIGRATIONS } from './index.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

const B = '[{"type":"bold"}]';

describe('migration 0150-tm-unit-codes', () => {
  it('gives units their paragraph’s codes, re-queues units indexed with placeholders, and copies codes on later sign-offs', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 150),
    );
    db.exec(`INSERT INTO documents VALUES ('d1', 'Bank', 'en', 'es', 'md', 'a', 'a');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, inline_codes, status, signed_off_name, signed_off_at, updated_at)
      VALUES ('p1', 'd1', 0, 'paragraph', 'The \uE000bank\uE100 opened.', 'El \uE000banco\uE100 abrió.', '${B}', 'signed-off', 'Eva', 'a', 'a'),
             ('p2', 'd1', 1, 'paragraph', 'Plain words here.', 'Palabras.', '[]', 'signed-off', 'Eva', 'a', 'a'),
             ('p3', 'd1', 2, 'paragraph', 'The \uE000river\uE100 rose.', 'El río subió.', '${B}', 'edited', NULL, NULL, 'a');
      INSERT INTO tm_units (pair, source_lang, target_lang, source, target, origin, created_by, created_at) VALUES ('en>es', 'en', 'es', 'From a TMX.', 'De un TMX.', 'tmx', '', 'a');`);
    // Indexed before: the tokens of p1's unit hold the placeholders (as the old tokenizer made them).
    db.exec(`UPDATE tm_units SET tokens = 'The' || char(31) || char(57344) || char(31) || 'bank', token_count = 3 WHERE paragraph_id = 'p1';
      UPDATE tm_units SET tokens = 'Plain' || char(31) || 'words', token_count = 2 WHERE paragraph_id = 'p2';
      DELETE FROM tm_index_queue;`);

    const result = migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 150),
    );
    expect(result.applied).toEqual(['0150-tm-unit-codes']);
    expect(schemaVersion(db)).toBe(150);
    expect(db.prepare('SELECT paragraph_id, codes, tokens IS NULL AS reset FROM tm_units ORDER BY id').all()).toEqual([
      { paragraph_id: 'p1', codes: B, reset: 1 },
      { paragraph_id: 'p2', codes: '[]', reset: 0 },
      { paragraph_id: null, codes: '[]', reset: 1 },
    ]);
    // p1's old terms are removed, then it is indexed anew; p2 (no placeholders) is left alone.
    expect(db.prepare('SELECT op FROM tm_index_queue ORDER BY seq').pluck().all()).toEqual(['remove', 'add']);

    // A later sign-off copies the codes; changing the codes of a signed-off paragraph replaces its unit.
    db.exec(`UPDATE paragraphs SET status = 'signed-off', signed_off_name = 'Eva', signed_off_at = 'b' WHERE id = 'p3'`);
    expect(db.prepare("SELECT codes FROM tm_units WHERE paragraph_id = 'p3'").pluck().get()).toBe(B);
    db.exec(`UPDATE paragraphs SET inline_codes = '[{"type":"italic"}]' WHERE id = 'p3'`);
    expect(db.prepare("SELECT codes FROM tm_units WHERE paragraph_id = 'p3'").pluck().get()).toBe('[{"type":"italic"}]');
    expect(() => db.exec(`UPDATE tm_units SET codes = 'nope'`)).toThrow(/CHECK/);

    // The index is whole again: the bold paragraph's unit is a 100 % match for the same formatting
    // (the store is today's, so the later migrations run first).
    migrate(db, MIGRATIONS);
    const store = createTmStore(db);
    store.syncIndex();
    const [match] = store.lookup('en', 'es', 'The \uE000bank\uE100 opened.', { codes: [{ type: 'bold' }] });
    expect(match).toMatchObject({ score: 100, target: 'El \uE000banco\uE100 abrió.', codes: [{ type: 'bold' }] });
    expect(store.lookup('en', 'es', 'The bank opened.')[0]!.score).toBe(99);
    db.close();
  });
});
