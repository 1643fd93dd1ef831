import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { ServiceError } from '../core/serviceError.js';
import { migrate, schemaVersion } from './migrate.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { openDatabase } from './openDatabase.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

const file = (): string => path.join(dir, 'verso.sqlite');

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('migration 0010-initial', () => {
  it('migrates a version-0 database that already holds data, leaving that data intact', () => {
    const raw = new Database(file());
    raw.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me'), ('and me');");
    expect(schemaVersion(raw)).toBe(0);
    const result = migrate(
      raw,
      MIGRATIONS.filter((m) => m.version <= 10),
    );
    expect(result).toEqual({ from: 0, to: 10, applied: ['0010-initial'] });
    expect(schemaVersion(raw)).toBe(10);
    expect(tables(raw)).toEqual(expect.arrayContaining(['documents', 'paragraphs', 'profiles', 'revisions', 'settings']));
    expect(raw.prepare('SELECT body FROM notes ORDER BY id').all()).toEqual([{ body: 'keep me' }, { body: 'and me' }]);
    raw.close();
  });

  it('creates a schema that holds a document with paragraphs, revisions and a sign-off', () => {
    const db = openDatabase(file());
    db.exec(`
      INSERT INTO profiles VALUES ('p1', 'Ana', 'editor', '2025-01-01T00:00:00.000Z');
      INSERT INTO documents VALUES ('d1', 'T', 'en', 'es', 'txt', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, status, signed_off_by, signed_off_name,
        signed_off_role, signed_off_at, signed_off_hash, updated_at)
        VALUES ('x1', 'd1', 0, 'paragraph', 'Hi', 'Hola', 'signed-off', 'p1', 'Ana', 'editor', '2025-01-01', 'h', '2025-01-01');
      INSERT INTO revisions (paragraph_id, document_id, profile_id, author_name, role, origin, action, after_text,
        status_after, created_at, updated_at) VALUES ('x1', 'd1', 'p1', 'Ana', 'editor', 'import', 'import', 'Hi', 'new', 'a', 'a');
    `);
    // The schema guards its invariants.
    expect(() =>
      db.exec(`INSERT INTO paragraphs (id, document_id, position, kind, source, status, updated_at)
               VALUES ('x2', 'd1', 0, 'paragraph', 'dup position', 'new', 'a')`),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db.exec(`INSERT INTO paragraphs (id, document_id, position, kind, source, status, updated_at)
               VALUES ('x3', 'nope', 1, 'paragraph', 'no document', 'new', 'a')`),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.exec(`INSERT INTO paragraphs (id, document_id, position, kind, source, status, updated_at)
               VALUES ('x4', 'd1', 2, 'paragraph', 'signed without sign-off', 'signed-off', 'a')`),
    ).toThrow(/CHECK/);
    db.exec("DELETE FROM documents WHERE id = 'd1'");
    expect(db.prepare('SELECT count(*) AS n FROM paragraphs').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM revisions').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('migrate', () => {
  // A version above every real migration, so the test stays valid as migrations are added.
  const next = MIGRATIONS[MIGRATIONS.length - 1]!.version + 1000;
  const addColumn: Migration = {
    version: next,
    name: 'test-add-column',
    up(db) {
      db.exec("ALTER TABLE documents ADD COLUMN note TEXT NOT NULL DEFAULT 'none'");
    },
  };

  it('applies a later migration to a database holding data at the previous version', () => {
    const db = openDatabase(file());
    db.exec("INSERT INTO documents VALUES ('d1', 'Kept', 'en', 'es', 'md', 'a', 'a')");
    const result = migrate(db, [...MIGRATIONS, addColumn]);
    expect(result.applied).toEqual([`${String(next).padStart(4, '0')}-test-add-column`]);
    expect(schemaVersion(db)).toBe(next);
    expect(db.prepare('SELECT title, note FROM documents').all()).toEqual([{ title: 'Kept', note: 'none' }]);
    db.close();
  });

  it('applies all pending migrations in one transaction: a failing one rolls every one back', () => {
    const db = new Database(file());
    const broken: Migration = {
      version: MIGRATIONS[MIGRATIONS.length - 1]!.version + 1000,
      name: 'broken',
      up() {
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('refuses a database from a newer Verso and changes nothing', () => {
    const raw = new Database(file());
    raw.exec('CREATE TABLE future (x TEXT)');
    raw.pragma('user_version = 9999');
    raw.close();
    const before = fs.readFileSync(file());

    let error: unknown;
    try {
      openDatabase(file());
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('DB_TOO_NEW');
    expect((error as ServiceError).message).toMatch(/newer version of Verso/);

    const after = fs.readFileSync(file());
    expect(after.equals(before)).toBe(true);
    const check = new Database(file(), { readonly: true });
    expect(schemaVersion(check)).toBe(9999);
    expect(tables(check)).toEqual(['future']);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('rejects migrations out of order', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [addColumn, ...MIGRATIONS])).toThrow(/increasing/);
    db.close();
  });
});

describe('openDatabase', () => {
  it('sets WAL, foreign keys and synchronous=FULL and is at the latest version', () => {
    const db = openDatabase(file());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
    // Reopening applies nothing new.
    const again = openDatabase(file());
    expect(migrate(again).applied).toEqual([]);
    again.close();
  });
});
