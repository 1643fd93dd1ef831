/**
 * `verso backup [--out FILE] [--force]` and `verso restore FILE` (issue 13): a verified backup of the
 * library (default into `<data dir>/backups/`), and replacing the library with a backup or another
 * Verso library file after backing up the current one. Restore refuses while another process has
 * the library open (SQLite refuses an exclusive lock then) and a file that is not a good library.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupsDir, writeBackup, writeBackupFile } from '../backups/backupFiles.js';
import { checkLibraryFile } from '../backups/libraryFile.js';
import { libraryInUse, restoreLibraryFile } from '../backups/restoreLibrary.js';
import { backupKeep, DB_FILE_NAME } from '../backend.js';
import { CliError } from './writeExportFile.js';
import type { CliIo } from './cliIo.js';

type Usage = (message: string) => Error;

function libraryPath(io: CliIo): { dataDir: string; dbPath: string } {
  const dataDir = io.resolveDataDir(io.env);
  return { dataDir, dbPath: path.join(dataDir, DB_FILE_NAME) };
}

export async function backupCommand(io: CliIo, args: string[], usage: Usage): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw usage(`"verso backup" takes no arguments (got ${positionals.join(' ')}); use --out FILE.`);
  const { dataDir, dbPath } = libraryPath(io);
  if (!fs.existsSync(dbPath)) throw new CliError(`There is no Verso library in ${dataDir}. Set VERSO_DATA_DIR to the folder the app uses.`);
  const target = values.out === undefined ? null : path.resolve(io.cwd, values.out);
  if (target && fs.existsSync(target) && values.force !== true) throw new CliError(`${target} exists; add --force to overwrite it.`);
  const db = new Database(dbPath, { fileMustExist: true, readonly: true, timeout: 5000 });
  try {
    if (target) {
      await writeBackupFile(db, target);
      io.out(`${target}\n`);
    } else {
      const info = await writeBackup(db, dataDir, 'manual', { now: new Date(), keep: backupKeep(db) });
      io.out(`${path.join(backupsDir(dataDir), info.fileName)}\n`);
    }
  } finally {
    db.close();
  }
  return 0;
}

function keepOf(dbPath: string): number {
  try {
    const db = new Database(dbPath, { fileMustExist: true, readonly: true });
    try {
      return backupKeep(db);
    } finally {
      db.close();
    }
  } catch {
    return backupKeep(null);
  }
}

export async function restoreCommand(io: CliIo, args: string[], usage: Usage): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw usage('Give exactly one file: verso restore FILE');
  const source = path.resolve(io.cwd, positionals[0]!);
  const check = checkLibraryFile(source);
  if (!check.ok) throw new CliError(`${check.message} Nothing was changed.`);
  const { dataDir, dbPath } = libraryPath(io);
  if (path.resolve(source) === path.resolve(dbPath)) throw usage('That file is the library itself.');
  if (libraryInUse(dbPath))
    throw new CliError(`Another process (a running Verso?) has the library ${dbPath} open: close it, then restore. Nothing was changed.`);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const result = await restoreLibraryFile({ dataDir, dbPath, source, now: new Date(), keep: keepOf(dbPath) });
  io.out(`Restored ${source} into ${dbPath}.\n`);
  if (result.safetyBackup) io.out(`The library as it was before: ${path.join(backupsDir(dataDir), result.safetyBackup.fileName)}\n`);
  if (result.keptAside) io.out(`The library before could not be read; it was kept as it was: ${result.keptAside}\n`);
  return 0;
}
