/**
 * Replaces a library file with a backup, so that nothing is lost and nothing half-restored remains:
 * the backup is checked, copied next to the library (`verso.sqlite.restoring`) with SQLite's backup
 * API and checked again; the current library is backed up ("pre-restore"; one that cannot be read
 * is kept aside as it is); only then is the current database closed and the copy renamed over it
 * (one atomic rename). A failure before the rename leaves the library as it was.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../shared/features/backupsApi.js';
import { ServiceError } from '../core/serviceError.js';
import { backupFileName, backupsDir, makeStandalone, writeBackup } from './backupFiles.js';
import { checkLibraryFile } from './libraryFile.js';

export interface RestoreOptions {
  dataDir: string;
  /** The library file to replace (`<data dir>/verso.sqlite`). */
  dbPath: string;
  /** The backup (or another Verso library file) to restore. */
  source: string;
  now: Date;
  keep: number;
  /** The open connection to the current library (the app); without it the file is opened here (the CLI). */
  current?: Database.Database;
  /** Closes `current` (and whatever uses it) just before the file is replaced. */
  closeCurrent?: () => void;
}

export interface RestoreResult {
  /** The backup of the library as it was before the restore; null when there was none (no file, or empty). */
  safetyBackup: BackupInfo | null;
  /** Where an unreadable current library was kept, as it was, instead of a backup. */
  keptAside: string | null;
}

function removeWithSidecars(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

async function stageCopy(source: string, staged: string): Promise<void> {
  removeWithSidecars(staged);
  try {
    const src = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await src.backup(staged);
    } finally {
      src.close();
    }
    makeStandalone(staged);
    const check = checkLibraryFile(staged);
    if (!check.ok) throw new Error(check.message);
  } catch (err) {
    removeWithSidecars(staged);
    throw new ServiceError(
      'RESTORE_FAILED',
      `The backup could not be copied; the library was not changed: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

async function backUpCurrent(o: RestoreOptions): Promise<RestoreResult> {
  const options = { now: o.now, keep: o.keep };
  if (o.current) return { safetyBackup: await writeBackup(o.current, o.dataDir, 'pre-restore', options), keptAside: null };
  if (!fs.existsSync(o.dbPath) || fs.statSync(o.dbPath).size === 0) return { safetyBackup: null, keptAside: null };
  try {
    const db = new Database(o.dbPath, { fileMustExist: true, timeout: 5000 });
    try {
      return { safetyBackup: await writeBackup(db, o.dataDir, 'pre-restore', options), keptAside: null };
    } finally {
      db.close();
    }
  } catch {
    // Unreadable or damaged: kept byte for byte, never deleted.
    const dir = backupsDir(o.dataDir);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const aside = path.join(dir, backupFileName(dir, o.now, 'pre-restore').replace(/\.sqlite$/, '.unreadable'));
    fs.copyFileSync(o.dbPath, aside);
    if (fs.existsSync(`${o.dbPath}-wal`)) fs.copyFileSync(`${o.dbPath}-wal`, `${aside}-wal`);
    return { safetyBackup: null, keptAside: aside };
  }
}

export async function restoreLibraryFile(o: RestoreOptions): Promise<RestoreResult> {
  const check = checkLibraryFile(o.source);
  if (!check.ok) throw new ServiceError(check.code, check.message);
  const staged = `${o.dbPath}.restoring`;
  await stageCopy(o.source, staged);
  let result: RestoreResult;
  try {
    result = await backUpCurrent(o);
  } catch (err) {
    removeWithSidecars(staged);
    throw err;
  }
  o.closeCurrent?.();
  // The closed library's WAL was checkpointed into it (and is in the safety backup); no stale sidecar may meet the new file.
  for (const f of [`${o.dbPath}-wal`, `${o.dbPath}-shm`, `${o.dbPath}-journal`]) fs.rmSync(f, { force: true });
  fs.renameSync(staged, o.dbPath);
  return result;
}

/**
 * Whether another process has the library open (cheap: an exclusive lock is refused while any other
 * connection, idle or not, holds the WAL database). False when the file does not exist.
 */
export function libraryInUse(dbPath: string): boolean {
  if (!fs.existsSync(dbPath) || fs.statSync(dbPath).size === 0) return false;
  let db: Database.Database | null = null;
  try {
    db = new Database(dbPath, { fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    return false;
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
  } finally {
    db?.close();
  }
}
