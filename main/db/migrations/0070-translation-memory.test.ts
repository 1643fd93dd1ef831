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

const units = (db: Database.Database) =>
  db.prepare('SELECT pair, source, target, origin, paragraph_id, document_title, created_by FROM tm_units ORDER BY id').all();

describe('migration 0070-translation-memory', () => {
  it('puts paragraphs already signed off into the TM, keeps the data, and follows sign-offs and withdrawals', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 70),
    );
    db.exec(`INSERT INTO profiles VALUES ('u1', 'Eva', 'editor', 'a');
      INSERT INTO documents VALUES ('d1', 'Budget', 'en-GB', 'es-ES', 'txt', 'a', 'a');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, status, signed_off_by, signed_off_name, signed_off_role, signed_off_at, signed_off_hash, updated_at)
      VALUES ('p1', 'd1', 0, 'paragraph', 'The budget passed.', 'El presupuesto se aprobó.', 'signed-off', 'u1', 'Eva', 'editor', '2026-01-01T00:00:00.000Z', 'h', 'a'),
             ('p2', 'd1', 1, 'paragraph', 'Not yet.', 'Todavía no.', 'edited', NULL, NULL, NULL, NULL, NULL, 'a');`);
    const result = migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 70),
    );
    expect(result.applied).toEqual(['0070-translation-memory']);
    expect(schemaVersion(db)).toBe(70);
    expect(db.prepare('SELECT count(*) FROM paragraphs').pluck().get()).toBe(2);
    expect(units(db)).toEqual([
      {
        pair: 'en>es',
        source: 'The budget passed.',
        target: 'El presupuesto se aprobó.',
        origin: 'signoff',
        paragraph_id: 'p1',
        document_title: 'Budget',
        created_by: 'Eva',
      },
    ]);
    // Signing off p2 adds it; withdrawing p1 removes its unit; re-signing p1 with new text replaces it.
    db.exec(`UPDATE paragraphs SET status = 'signed-off', signed_off_name = 'Eva', signed_off_at = 'b' WHERE id = 'p2'`);
    db.exec(`UPDATE paragraphs SET status = 'edited', signed_off_at = NULL, target = 'El presupuesto fue aprobado.' WHERE id = 'p1'`);
    expect((units(db) as { paragraph_id: string }[]).map((u) => u.paragraph_id)).toEqual(['p2']);
    db.exec(`UPDATE paragraphs SET status = 'signed-off', signed_off_name = 'Eva', signed_off_at = 'c' WHERE id = 'p1'`);
    db.exec(`UPDATE paragraphs SET updated_at = 'd' WHERE id = 'p1'`);
    expect((units(db) as { target: string }[]).map((u) => u.target)).toEqual(['Todavía no.', 'El presupuesto fue aprobado.']);
    // Every unit insert and every delete of an indexed unit is queued for the indexer.
    expect(db.prepare("SELECT count(*) FROM tm_index_queue WHERE op = 'add'").pluck().get()).toBe(3);
    // Bad units are refused; deleting the document keeps its units (without the paragraph link).
    expect(() =>
      db.exec(
        `INSERT INTO tm_units (pair, source_lang, target_lang, source, target, origin, created_by, created_at) VALUES ('en>es', 'en', 'es', ' ', 'x', 'tmx', '', 'a')`,
      ),
    ).toThrow(/CHECK/);
    expect(() =>
      db.exec(
        `INSERT INTO tm_units (pair, source_lang, target_lang, source, target, origin, created_by, created_at) VALUES ('en>es', 'en', 'es', 'x', 'x', 'mt', '', 'a')`,
      ),
    ).toThrow(/CHECK/);
    db.exec("DELETE FROM documents WHERE id = 'd1'");
    expect(db.prepare('SELECT count(*) FROM tm_units WHERE paragraph_id IS NULL').pluck().get()).toBe(2);
    db.close();
  });
});
