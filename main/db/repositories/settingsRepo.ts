/** Key/value settings; values are stored as JSON text. */
import type Database from 'better-sqlite3';

export function createSettingsRepo(db: Database.Database) {
  const getStmt = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const setStmt = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const deleteStmt = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');

  return {
    /** The parsed value, or undefined when the key is not set. */
    get(key: string): unknown {
      const row = getStmt.get(key);
      return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
    },
    set(key: string, value: unknown): void {
      if (value === undefined) throw new Error(`Setting ${key}: undefined is not storable`);
      setStmt.run(key, JSON.stringify(value));
    },
    delete(key: string): void {
      deleteStmt.run(key);
    },
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
