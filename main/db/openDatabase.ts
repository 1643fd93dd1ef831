/** Opens (creating if needed) the library database with Verso's pragmas and runs pending migrations. */
import Database from 'better-sqlite3';
import { assertNotTooNew, migrate, type MigrateHooks } from './migrate.js';

export interface OpenDatabaseOptions {
  /** Path of a better-sqlite3 native build to load (Electron keeps its own build). */
  nativeBinding?: string;
  /** Runs before pending migrations change an existing library (the pre-migration backup). */
  beforeMigrations?: (db: Database.Database, info: { from: number; to: number }) => void;
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('busy_timeout = 5000');
    // Before anything that writes (even the journal mode): a newer library is left untouched.
    assertNotTooNew(db);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // better-sqlite3's WAL default (NORMAL) may lose the last commits on power loss; sign-offs must not.
    db.pragma('synchronous = FULL');
    const hooks: MigrateHooks = {};
    const before = options.beforeMigrations;
    if (before) hooks.beforeMigrations = (info) => before(db, info);
    migrate(db, undefined, hooks);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
