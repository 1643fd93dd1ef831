import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { migrate, schemaVersion } from '../migrate.js';
import { createLibraryRepo } from '../repositories/library/libraryRepo.js';
import { MIGRATIONS } from './index.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

describe('migration 0200-deletion-hashes', () => {
  it('keeps earlier tombstones (without hashes) and stays append-only', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 200),
    );
    db.exec(`INSERT INTO library_deletions (document_id, title, source_lang, target_lang, imported_at, paragraph_count,
      signed_off_count, sign_off_count, profile_id, author_name, role, deleted_at)
      VALUES ('d1', 'Old story', 'en', 'es', 'a', 3, 1, 1, NULL, 'Eva', 'editor', 'b')`);

    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 200),
      ).applied,
    ).toEqual(['0200-deletion-hashes']);
    expect(schemaVersion(db)).toBe(200);
    expect(createLibraryRepo(db).deletions()).toMatchObject([{ title: 'Old story', contentSha256: null }]);
    expect(() => db.exec("UPDATE library_deletions SET content_sha256 = 'x'")).toThrow(/append-only/);
    db.close();
  });
});
