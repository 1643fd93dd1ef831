/**
 * SQLite's and the file system's storage failures as clear ServiceErrors (issue 13): a full disk,
 * a read-only data directory, a database locked by another program, a damaged file. Anything else
 * is left to the caller (null).
 */
import { ServiceError } from '../core/serviceError.js';
import { backupOffer, type GoodBackup } from './newestGoodBackup.js';

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** One sentence: which file, what is wrong, that Verso leaves it alone, and the newest good backup (if any). */
export function libraryDamagedError(file: string, problem: string, backup: GoodBackup | null): ServiceError {
  return new ServiceError(
    'LIBRARY_DAMAGED',
    `The library ${file} is damaged (${problem}), so Verso will not open or change it; ${backupOffer(backup)}`,
    backup ? { file, problem, backup: backup.file, backupCreatedAt: backup.createdAt } : { file, problem },
  );
}

export function storageFullError(): ServiceError {
  return new ServiceError(
    'STORAGE_FULL',
    'The disk holding the library is full: the last change was not saved and nothing was lost. Free some space and try again.',
  );
}

export function readOnlyError(where: string): ServiceError {
  return new ServiceError(
    'STORAGE_READ_ONLY',
    `Verso cannot write to ${where}: the data directory is read-only. Give your user write access to it (or set VERSO_DATA_DIR to a folder you can write to); nothing was changed.`,
    { file: where },
  );
}

export function busyError(): ServiceError {
  return new ServiceError(
    'STORAGE_BUSY',
    'The library is locked by another program that is writing to it; nothing was changed. Try again in a moment.',
  );
}

/**
 * The ServiceError for a storage failure (`better-sqlite3`'s SqliteError or an fs errno), or null.
 * `file` names the library in the message; damaged files are reported by openDatabase itself.
 */
export function storageError(err: unknown, file: string, findBackup: () => GoodBackup | null = () => null): ServiceError | null {
  const code = codeOf(err);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return storageFullError();
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return readOnlyError(file);
  if (code.startsWith('SQLITE_CANTOPEN')) return readOnlyError(file);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return busyError();
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return libraryDamagedError(file, err instanceof Error ? err.message : code, findBackup());
  }
  return null;
}
