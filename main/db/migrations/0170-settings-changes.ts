/**
 * The audit record of editorial settings (footer policy and footer templates): one row per change,
 * with its id, time, who (profile id, name, role), the setting, before → after (JSON) and the
 * reason. Append-only: rows cannot be updated or deleted (a trigger refuses it), so a later
 * hash chain can cover them as they are.
 */
import type { Migration } from './types.js';

export const migration0170SettingsChanges: Migration = {
  version: 170,
  name: 'settings-changes',
  up(db) {
    db.exec(`
      CREATE TABLE settings_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        changed_at TEXT NOT NULL,
        setting TEXT NOT NULL CHECK (setting IN ('footerPolicy', 'footerTemplate')),
        lang TEXT,
        before_value TEXT NOT NULL CHECK (json_valid(before_value)),
        after_value TEXT NOT NULL CHECK (json_valid(after_value)),
        reason TEXT,
        profile_id TEXT,
        author_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('translator', 'editor')),
        CHECK ((setting = 'footerTemplate') = (lang IS NOT NULL))
      );
      CREATE INDEX idx_settings_changes_setting_lang ON settings_changes (setting, lang, seq);
      CREATE TRIGGER settings_changes_no_update BEFORE UPDATE ON settings_changes BEGIN
        SELECT RAISE(ABORT, 'settings_changes is append-only');
      END;
      CREATE TRIGGER settings_changes_no_delete BEFORE DELETE ON settings_changes BEGIN
        SELECT RAISE(ABORT, 'settings_changes is append-only');
      END;
    `);
  },
};
