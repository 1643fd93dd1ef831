/** The append-only audit record of editorial settings changes (table `settings_changes`, migration 0170). */
import type Database from 'better-sqlite3';
import type { SettingsChange } from '../../../../shared/features/exportingApi.js';
import type { Role } from '../../../../shared/types.js';

export interface SettingsChangeRowStored {
  id: string;
  changed_at: string;
  setting: SettingsChange['setting'];
  lang: string | null;
  before_value: string;
  after_value: string;
  reason: string | null;
  profile_id: string | null;
  author_name: string;
  role: Role;
}

function toChange(r: SettingsChangeRowStored): SettingsChange {
  return {
    id: r.id,
    at: r.changed_at,
    setting: r.setting,
    lang: r.lang,
    before: JSON.parse(r.before_value) as SettingsChange['before'],
    after: JSON.parse(r.after_value) as SettingsChange['after'],
    reason: r.reason,
    by: { profileId: r.profile_id, name: r.author_name, role: r.role },
  };
}

export function createSettingsChangesRepo(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO settings_changes (id, changed_at, setting, lang, before_value, after_value, reason, profile_id, author_name, role)
     VALUES (@id, @changed_at, @setting, @lang, @before_value, @after_value, @reason, @profile_id, @author_name, @role)`,
  );
  const list = db.prepare<[number], SettingsChangeRowStored>('SELECT * FROM settings_changes ORDER BY seq DESC LIMIT ?');
  const latest = db.prepare<[string, string | null], SettingsChangeRowStored>(
    'SELECT * FROM settings_changes WHERE setting = ? AND lang IS ? ORDER BY seq DESC LIMIT 1',
  );
  return {
    /** Stores the change; returns the row as stored (the audit log hashes it). */
    add(change: SettingsChange): SettingsChangeRowStored {
      const row: SettingsChangeRowStored = {
        id: change.id,
        changed_at: change.at,
        setting: change.setting,
        lang: change.lang,
        before_value: JSON.stringify(change.before),
        after_value: JSON.stringify(change.after),
        reason: change.reason,
        profile_id: change.by.profileId,
        author_name: change.by.name,
        role: change.by.role,
      };
      insert.run(row);
      return row;
    },
    /** Newest first. */
    list(limit: number): SettingsChange[] {
      return list.all(limit).map(toChange);
    },
    /** The last change of a setting (a template's per language), or null. */
    latest(setting: SettingsChange['setting'], lang: string | null): SettingsChange | null {
      const row = latest.get(setting, lang);
      return row ? toChange(row) : null;
    },
  };
}
