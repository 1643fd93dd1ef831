/**
 * Opens (creating if needed) the library database with Verso's pragmas and runs pending migrations.
 * A damaged file (zero-length, not SQLite, or failing `PRAGMA quick_check`) is refused before
 * anything writes to it; storage failures become clear errors (storageErrors.ts).
 */
import Database from 'better-sqlite3';
import { assertNotTooNew, migrate, type MigrateHooks } from './migrate.js';
import { checkProblems, fileProblem } from './libraryIntegrity.js';
import { libraryDamagedError, storageError } from './storageErrors.js';
import { isServiceError } from '../core/serviceError.js';
import type { GoodBackup } from './newestGoodBackup.js';

export interface OpenDatabaseOptions {
  /** Path of a better-sqlite3 native build to load (Electron keeps its own build). */
  nativeBinding?: string;
  /** The newest good backup, offered when the library is damaged (main/backups provides it). */
  findBackup?: () => GoodBackup | null;
  /** Runs before pending migrations change an existing library (the pre-migration backup). */
  beforeMigrations?: (db: Database.Database, info: { from: number; to: number }) => void;
}

function damaged(file: string, problem: string, options: OpenDatabaseOptions): Error {
  return libraryDamagedError(file, problem, options.findBackup?.() ?? null);
}

function asStorageError(err: unknown, file: string, options: OpenDatabaseOptions): unknown {
  if (isServiceError(err)) return err;
  return storageError(err, file, options.findBackup) ?? err;
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const problem = fileProblem(file);
  if (problem !== null && problem !== 'missing') throw damaged(file, problem, options);
  let db: Database.Database;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw asStorageError(err, file, options);
  }
  try {
    db.pragma('busy_timeout = 5000');
    // Before anything that writes (even the journal mode): a damaged or newer library is left untouched.
    const problems = checkProblems(db, 'quick_check');
    if (problems.length > 0) throw damaged(file, problems[0]!, options);
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
    throw asStorageError(err, file, options);
  }
}
