import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { migrate, schemaVersion } from '../migrate.js';
import { createRepositories } from '../repositories/index.js';
import { verifyLibrary } from '../../signing/verifyLibrary.js';
import { MIGRATIONS } from './index.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

describe('migration 0180-signatures', () => {
  it('chains every existing revision (marked legacy) and keeps existing sign-offs valid by hash until their text changes', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 180),
    );
    db.exec(`INSERT INTO profiles VALUES ('u1', 'Eva', 'editor', 'a');
      INSERT INTO documents (id, title, source_lang, target_lang, source_format, created_at, updated_at) VALUES ('d1', 'Bank', 'en', 'es', 'md', 'a', 'a');
      INSERT INTO paragraphs (id, document_id, position, kind, source, target, status, signed_off_by, signed_off_name, signed_off_role, signed_off_at, signed_off_hash, updated_at)
      VALUES ('p1', 'd1', 0, 'paragraph', 'The bank opened.', 'El banco abrió.', 'signed-off', 'u1', 'Eva', 'editor', 'b', 'h', 'b'),
             ('p2', 'd1', 1, 'paragraph', 'It rained.', 'Llovió', 'edited', NULL, NULL, NULL, NULL, NULL, 'b');
      INSERT INTO revisions (paragraph_id, document_id, profile_id, author_name, role, origin, action, before_text, after_text, status_before, status_after, created_at, updated_at) VALUES
        ('p1', 'd1', 'u1', 'Eva', 'editor', 'import', 'import', NULL, 'The bank opened.', NULL, 'new', 'a', 'a'),
        ('p2', 'd1', 'u1', 'Eva', 'editor', 'import', 'import', NULL, 'It rained.', NULL, 'new', 'a', 'a'),
        ('p1', 'd1', 'u1', 'Eva', 'editor', 'human', 'edit', '', 'El banco abrió.', 'new', 'edited', 'a', 'a'),
        ('p1', 'd1', 'u1', 'Eva', 'editor', 'human', 'sign-off', 'El banco abrió.', 'El banco abrió.', 'edited', 'signed-off', 'b', 'b');`);

    const result = migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 180),
    );
    expect(result.applied).toEqual(['0180-signatures']);
    expect(schemaVersion(db)).toBe(180);
    const links = db
      .prepare<[], { seq: number; kind: string; revision_id: number; payload: string; signature: string | null }>(
        'SELECT seq, kind, revision_id, payload, signature FROM audit_log ORDER BY seq',
      )
      .all();
    expect(links.map((l) => [l.seq, l.kind, l.revision_id])).toEqual([
      [1, 'revision', 1],
      [2, 'revision', 2],
      [3, 'revision', 3],
      [4, 'revision', 4],
      [5, 'sign-off', 4],
    ]);
    expect(links.every((l) => l.signature === null)).toBe(true);
    expect((JSON.parse(links[0]!.payload) as { legacy: string }).legacy).toMatch(/before signatures/);
    expect((JSON.parse(links[4]!.payload) as { legacy: string }).legacy).toMatch(/signed off before signatures existed/);

    // Today's check also expects the records migration 0210 chains (the profile).
    migrate(db, MIGRATIONS);
    const repos = createRepositories(db);
    expect(verifyLibrary(db, repos).problems).toEqual([]);
    expect(repos.paragraphs.get('p1')!.signatureBroken).toBeUndefined();
    db.prepare('UPDATE paragraphs SET target = ? WHERE id = ?').run('El banco cerró.', 'p1');
    expect(repos.paragraphs.get('p1')!.signatureBroken).toBe(true);
    expect(verifyLibrary(db, repos).problems).toEqual([
      { kind: 'signature', documentId: 'd1', title: 'Bank', paragraph: 1, problem: 'text-changed' },
    ]);
    db.close();
  });
});
