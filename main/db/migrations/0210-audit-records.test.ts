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

/** A library at version 200: two profiles, a recorded policy change, a template saved before records existed, a declaration, chained revisions. */
function libraryAt200(): Database.Database {
  const db = new Database(path.join(dir, 'verso.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version < 180),
  );
  db.exec(`INSERT INTO profiles VALUES ('u1', 'Eva', 'editor', 'a'), ('u2', 'Tom', 'translator', 'b');
    INSERT INTO documents (id, title, source_lang, target_lang, source_format, created_at, updated_at) VALUES ('d1', 'Bank', 'en', 'es', 'md', 'a', 'a');
    INSERT INTO paragraphs (id, document_id, position, kind, source, target, status, updated_at)
    VALUES ('p1', 'd1', 0, 'paragraph', 'The bank opened.', 'El banco abrió.', 'translated', 'b');
    INSERT INTO provenance_origins (paragraph_id, origin, tool, recorded_at, declared_human_by, declared_human_role, declared_human_at, declared_human_reason)
    VALUES ('p1', 'unknown', 'OmegaT 3.6', 'a', 'Eva', 'editor', 'c', 'Translated by Ana');
    INSERT INTO settings_changes (id, changed_at, setting, lang, before_value, after_value, reason, profile_id, author_name, role)
    VALUES ('c1', 'c', 'footerPolicy', NULL, '"always"', '"when-mt"', NULL, 'u1', 'Eva', 'editor');
    INSERT INTO settings (key, value) VALUES ('settings.footerPolicy', '"when-mt"'), ('exporting.footerTemplates', '{"es":["Hecho con IA."]}');
    INSERT INTO revisions (paragraph_id, document_id, profile_id, author_name, role, origin, action, before_text, after_text, status_before, status_after, created_at, updated_at)
    VALUES ('p1', 'd1', 'u2', 'Tom', 'translator', 'human', 'edit', '', 'El banco abrió.', 'new', 'edited', 'a', 'a');`);
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 200),
  );
  return db;
}

describe('migration 0210-audit-records', () => {
  it('keeps every link and its hash, accepts the new kinds, stays append-only, and chains the existing records as legacy', () => {
    const db = libraryAt200();
    const before = db.prepare('SELECT seq, kind, hash FROM audit_log ORDER BY seq').all();
    expect(before).toHaveLength(1);

    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 210),
      ).applied,
    ).toEqual(['0210-audit-records']);
    expect(schemaVersion(db)).toBe(210);
    const links = db
      .prepare<[], { seq: number; kind: string; hash: string; payload: string }>(
        'SELECT seq, kind, hash, payload FROM audit_log ORDER BY seq',
      )
      .all();
    expect(links.slice(0, before.length).map(({ seq, kind, hash }) => ({ seq, kind, hash }))).toEqual(before);
    const added = links.slice(before.length);
    expect(added.map((l) => l.kind)).toEqual([
      'profile-created',
      'profile-created',
      'settings-change',
      'origin-declared',
      'settings-change',
    ]);
    expect(added.slice(0, 4).every((l) => /migration 0210/.test((JSON.parse(l.payload) as { legacy: string }).legacy))).toBe(true);
    // The template saved before settings were recorded gets a baseline (the policy is explained by c1).
    expect(JSON.parse(added[4]!.payload)).toMatchObject({ type: 'verso.settings-baseline.v1', setting: 'footerTemplate', lang: 'es' });

    expect(verifyLibrary(db, createRepositories(db)).problems).toEqual([]);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(() => db.exec("UPDATE audit_log SET payload = '{}'")).toThrow(/append-only/);
    expect(() => db.exec("INSERT INTO audit_log (seq, kind, payload, prev_hash, hash) VALUES (999, 'nonsense', '{}', 'x', 'y')")).toThrow(
      /CHECK/,
    );
    db.close();
  });

  it('a record changed after the migration is reported', () => {
    const db = libraryAt200();
    migrate(db, MIGRATIONS);
    db.exec("UPDATE provenance_origins SET declared_human_reason = 'something else'; UPDATE profiles SET name = 'Eve' WHERE id = 'u1'");
    expect(verifyLibrary(db, createRepositories(db)).problems).toEqual([
      { kind: 'declaration', documentId: 'd1', title: 'Bank', paragraph: 1 },
      { kind: 'profile', profileId: 'u1', name: 'Eve' },
    ]);
    db.close();
  });
});
