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

describe('migration 0170-settings-changes', () => {
  it('adds the append-only audit table of editorial settings to a DB holding settings, which stay as they were', () => {
    const db = new Database(path.join(dir, 'verso.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 170),
    );
    db.exec(
      `INSERT INTO settings (key, value) VALUES ('settings.footerPolicy', '"never"'), ('exporting.footerTemplates', '{"es":["Gracias por leer."]}')`,
    );

    const result = migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 170),
    );
    expect(result.applied).toEqual(['0170-settings-changes']);
    expect(schemaVersion(db)).toBe(170);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'settings.footerPolicy'").pluck().get()).toBe('"never"');
    // Changes made before the audit existed are not invented: the table starts empty.
    expect(db.prepare('SELECT count(*) FROM settings_changes').pluck().get()).toBe(0);

    const insert =
      db.prepare(`INSERT INTO settings_changes (id, changed_at, setting, lang, before_value, after_value, reason, profile_id, author_name, role)
      VALUES (?, 'a', ?, ?, ?, ?, NULL, NULL, 'Elena', 'editor')`);
    insert.run('c1', 'footerPolicy', null, '"never"', '"always"');
    expect(() => insert.run('c2', 'footerTemplate', null, 'null', '["x"]')).toThrow(/CHECK/);
    expect(() => insert.run('c3', 'footerPolicy', null, 'not json', '"always"')).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE settings_changes SET reason = 'later'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM settings_changes')).toThrow(/append-only/);
    db.close();
  });
});
