/**
 * The backup files of a library: `<data dir>/backups/verso-<UTC timestamp>-<reason>.sqlite`,
 * written with SQLite's online backup (better-sqlite3 `db.backup()`), switched to a rollback
 * journal so the file stands alone, verified by opening it read-only (`PRAGMA quick_check` and
 * Verso's tables) and only then given its final name; a bad one is deleted and reported.
 * Older backups beyond the number to keep are deleted after each new one.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_FILE_PATTERN, BACKUP_REASONS, type BackupInfo, type BackupReason } from '../../shared/features/backupsApi.js';
import { isServiceError, ServiceError } from '../core/serviceError.js';
import { checkLibraryFile } from './libraryFile.js';

export const BACKUPS_FOLDER = 'backups';

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_FOLDER);
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(s: string): string {
  // 20261203T020219123Z → 2026-12-03T02:02:19.123Z
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

/** The file name for a backup taken at `at`; a later millisecond when that name is taken. */
export function backupFileName(dir: string, at: Date, reason: BackupReason): string {
  let t = at.getTime();
  for (;;) {
    const name = `verso-${stamp(new Date(t))}-${reason}.sqlite`;
    if (!fs.existsSync(path.join(dir, name)) && !fs.existsSync(path.join(dir, `${name}.partial`))) return name;
    t += 1;
  }
}

export function backupInfo(dir: string, fileName: string): BackupInfo | null {
  const m = BACKUP_FILE_PATTERN.exec(fileName);
  if (!m || !(BACKUP_REASONS as readonly string[]).includes(m[2]!)) return null;
  let size: number;
  try {
    const st = fs.statSync(path.join(dir, fileName));
    if (!st.isFile()) return null;
    size = st.size;
  } catch {
    return null;
  }
  return { fileName, createdAt: parseStamp(m[1]!), reason: m[2] as BackupReason, sizeBytes: size };
}

/** The backups in `<data dir>/backups/`, newest first. */
export function listBackupFiles(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((n) => backupInfo(dir, n))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.createdAt === b.createdAt ? b.fileName.localeCompare(a.fileName) : b.createdAt.localeCompare(a.createdAt)));
}

/** Deletes all but the newest `keep` backups; returns the deleted names. */
export function rotateBackups(dataDir: string, keep: number): string[] {
  const old = listBackupFiles(dataDir).slice(Math.max(1, keep));
  for (const b of old) fs.rmSync(path.join(backupsDir(dataDir), b.fileName), { force: true });
  return old.map((b) => b.fileName);
}

/** The newest backup that is a readable, undamaged Verso library, or null (for the damaged-library offer). */
export function newestGoodBackup(dataDir: string): BackupInfo | null {
  for (const b of listBackupFiles(dataDir)) {
    if (checkLibraryFile(path.join(backupsDir(dataDir), b.fileName)).ok) return b;
  }
  return null;
}

export interface WriteBackupOptions {
  now: Date;
  keep: number;
  /** Tests: runs on the written file before it is verified (to damage it). */
  afterWrite?: (file: string) => void;
}

/** A copy made by the backup API keeps the WAL flag of its source: a rollback journal lets the file stand alone. */
export function makeStandalone(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

function prepareDir(dataDir: string): string {
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Makes the `.partial` file stand alone and verifies it, then gives it its final name; deletes it and throws BACKUP_FAILED when bad. */
function verifyAndPlace(partial: string, target: string, afterWrite?: (file: string) => void): void {
  try {
    makeStandalone(partial);
    afterWrite?.(partial);
    const check = checkLibraryFile(partial);
    if (!check.ok) throw new Error(check.message);
  } catch (err) {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) fs.rmSync(f, { force: true });
    throw new ServiceError(
      'BACKUP_FAILED',
      `The backup could not be verified and was deleted: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  // A backup holds everything the library does: readable by its owner only (POSIX; issue 13, item 4).
  if (process.platform !== 'win32') fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, target);
}

function finish(dataDir: string, dir: string, name: string, options: WriteBackupOptions): BackupInfo {
  verifyAndPlace(path.join(dir, `${name}.partial`), path.join(dir, name), options.afterWrite);
  rotateBackups(dataDir, options.keep);
  const info = backupInfo(dir, name);
  if (!info) throw new ServiceError('BACKUP_FAILED', 'The backup disappeared after writing.');
  return info;
}

function writeFailed(dir: string, name: string, err: unknown): ServiceError {
  fs.rmSync(path.join(dir, `${name}.partial`), { force: true });
  if (isServiceError(err)) return err;
  return new ServiceError('BACKUP_FAILED', `The backup could not be written: ${err instanceof Error ? err.message : String(err)}`);
}

/** An online backup of the open library (writers are not blocked), verified. */
export async function writeBackup(
  db: Database.Database,
  dataDir: string,
  reason: BackupReason,
  options: WriteBackupOptions,
): Promise<BackupInfo> {
  if (!db.open) throw new ServiceError('BACKUP_FAILED', 'The library is closed; no backup was made.');
  const dir = prepareDir(dataDir);
  const name = backupFileName(dir, options.now, reason);
  try {
    await db.backup(path.join(dir, `${name}.partial`));
    return finish(dataDir, dir, name, options);
  } catch (err) {
    throw writeFailed(dir, name, err);
  }
}

/**
 * The same, synchronously (`VACUUM INTO`, a consistent copy): for the migration runner, which runs
 * while the database opens, before anything else can use it.
 */
export function writeBackupSync(db: Database.Database, dataDir: string, reason: BackupReason, options: WriteBackupOptions): BackupInfo {
  const dir = prepareDir(dataDir);
  const name = backupFileName(dir, options.now, reason);
  try {
    db.prepare('VACUUM INTO ?').run(path.join(dir, `${name}.partial`));
    return finish(dataDir, dir, name, options);
  } catch (err) {
    throw writeFailed(dir, name, err);
  }
}

/** A verified backup into any file (`verso backup --out FILE`); not rotated. */
export async function writeBackupFile(db: Database.Database, target: string): Promise<void> {
  const partial = `${target}.partial`;
  try {
    await db.backup(partial);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw new ServiceError('BACKUP_FAILED', `The backup could not be written: ${err instanceof Error ? err.message : String(err)}`);
  }
  verifyAndPlace(partial, target);
}
