import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_FILE_PATTERN } from '../../shared/features/backupsApi.js';
import { openDatabase } from '../db/openDatabase.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { migrate } from '../db/migrate.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { backupsDir, listBackupFiles, newestGoodBackup, rotateBackups, writeBackup, writeBackupSync } from './backupFiles.js';
import { createBackupRunner, DAILY_CHECK_MS, type Scheduler } from './backupRunner.js';
import { checkLibraryFile } from './libraryFile.js';

let dir = '';
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

const T0 = Date.UTC(2026, 11, 3, 2, 0, 0);
const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);

function library(): Database.Database {
  const db = openDatabase(path.join(dir, 'verso.sqlite'));
  db.prepare("INSERT INTO settings (key, value) VALUES ('publisher', '\"Diario\"')").run();
  return db;
}

/** Overwrites the middle of every page after the first: quick_check sees broken b-trees. */
function damage(file: string): void {
  const bytes = fs.readFileSync(file);
  for (let page = 1; page * 4096 < bytes.length; page++) bytes.fill(0xa5, page * 4096 + 8, page * 4096 + 400);
  fs.writeFileSync(file, bytes);
}

describe('backup files', () => {
  it('writes a verified stand-alone copy named by its UTC time and reason', async () => {
    const db = library();
    const info = await writeBackup(db, dir, 'manual', { now: at(0), keep: 10 });
    expect(info).toMatchObject({ fileName: 'verso-20261203T020000000Z-manual.sqlite', createdAt: at(0).toISOString(), reason: 'manual' });
    expect(info.sizeBytes).toBeGreaterThan(0);
    expect(BACKUP_FILE_PATTERN.test(info.fileName)).toBe(true);
    // No partial or WAL file is left beside it: the copy stands alone.
    expect(fs.readdirSync(backupsDir(dir))).toEqual([info.fileName]);
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(backupsDir(dir), info.fileName)).mode & 0o777).toBe(0o600);
      expect(fs.statSync(backupsDir(dir)).mode & 0o777).toBe(0o700);
    }
    const copy = new Database(path.join(backupsDir(dir), info.fileName), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'publisher'").get()).toEqual({ value: '"Diario"' });
    copy.close();
    db.close();
  });

  it('keeps the newest N and lists them newest first', async () => {
    const db = library();
    for (let i = 0; i < 5; i++) await writeBackup(db, dir, i % 2 ? 'daily' : 'start', { now: at(i), keep: 3 });
    const left = listBackupFiles(dir);
    expect(left.map((b) => b.createdAt)).toEqual([at(4), at(3), at(2)].map((d) => d.toISOString()));
    expect(left.map((b) => b.reason)).toEqual(['start', 'daily', 'start']);
    expect(rotateBackups(dir, 1)).toHaveLength(2);
    expect(listBackupFiles(dir)).toHaveLength(1);
    db.close();
  });

  it('deletes and reports a backup that fails verification', async () => {
    const db = library();
    await expect(writeBackup(db, dir, 'manual', { now: at(0), keep: 10, afterWrite: damage })).rejects.toMatchObject({
      code: 'BACKUP_FAILED',
    });
    expect(fs.readdirSync(backupsDir(dir))).toEqual([]);
    db.close();
  });

  it('the synchronous (pre-migration) backup is verified too', () => {
    const db = library();
    const info = writeBackupSync(db, dir, 'pre-migration', { now: at(0), keep: 10 });
    expect(info.reason).toBe('pre-migration');
    expect(checkLibraryFile(path.join(backupsDir(dir), info.fileName))).toEqual({ ok: true, schemaVersion: MIGRATIONS.at(-1)!.version });
    db.close();
  });

  it('newestGoodBackup skips a damaged newer backup and is null without any', async () => {
    expect(newestGoodBackup(dir)).toBeNull();
    const db = library();
    const good = await writeBackup(db, dir, 'start', { now: at(0), keep: 10 });
    const bad = await writeBackup(db, dir, 'daily', { now: at(1), keep: 10 });
    damage(path.join(backupsDir(dir), bad.fileName));
    expect(newestGoodBackup(dir)).toEqual(good);
    db.close();
  });
});

describe('checkLibraryFile refuses what is not a good Verso library', () => {
  it('garbage, empty, another SQLite database, damaged, newer, missing', () => {
    const garbage = path.join(dir, 'garbage.sqlite');
    fs.writeFileSync(garbage, 'hello, this is not a database'.repeat(200));
    expect(checkLibraryFile(garbage)).toMatchObject({ ok: false, code: 'BACKUP_NOT_A_LIBRARY' });

    const empty = path.join(dir, 'empty.sqlite');
    fs.writeFileSync(empty, '');
    expect(checkLibraryFile(empty)).toMatchObject({ ok: false, code: 'BACKUP_NOT_A_LIBRARY' });

    const other = path.join(dir, 'other.sqlite');
    const o = new Database(other);
    o.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    o.close();
    expect(checkLibraryFile(other)).toMatchObject({ ok: false, code: 'BACKUP_NOT_A_LIBRARY' });

    const db = library();
    for (let i = 0; i < 200; i++)
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(`k${i}`, JSON.stringify('x'.repeat(300)));
    db.exec("VACUUM INTO '" + path.join(dir, 'damaged.sqlite') + "'");
    db.close();
    damage(path.join(dir, 'damaged.sqlite'));
    expect(checkLibraryFile(path.join(dir, 'damaged.sqlite'))).toMatchObject({ ok: false, code: 'BACKUP_DAMAGED' });

    const newer = path.join(dir, 'newer.sqlite');
    fs.copyFileSync(path.join(dir, 'verso.sqlite'), newer);
    const n = new Database(newer);
    n.pragma(`user_version = ${MIGRATIONS.at(-1)!.version + 10}`);
    n.close();
    expect(checkLibraryFile(newer)).toMatchObject({ ok: false, code: 'DB_TOO_NEW' });

    expect(checkLibraryFile(path.join(dir, 'nope.sqlite'))).toMatchObject({ ok: false, code: 'BACKUP_NOT_FOUND' });
  });
});

describe('pre-migration backup', () => {
  const hook = (db: Database.Database) => void writeBackupSync(db, dir, 'pre-migration', { now: at(0), keep: 10 });

  it('is taken when migrations will change a library that holds data, at its old schema', () => {
    const file = path.join(dir, 'verso.sqlite');
    const old = new Database(file);
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version <= 100),
    );
    old.prepare("INSERT INTO settings (key, value) VALUES ('publisher', '\"Old\"')").run();
    old.close();

    openDatabase(file, { beforeMigrations: hook }).close();
    const [backup] = listBackupFiles(dir);
    expect(backup?.reason).toBe('pre-migration');
    const copy = new Database(path.join(backupsDir(dir), backup!.fileName), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(100);
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'publisher'").get()).toEqual({ value: '"Old"' });
    copy.close();
  });

  it('is not taken for a new library nor when nothing is pending', () => {
    const file = path.join(dir, 'verso.sqlite');
    openDatabase(file, { beforeMigrations: hook }).close();
    openDatabase(file, { beforeMigrations: hook }).close();
    expect(listBackupFiles(dir)).toEqual([]);
  });

  it('a failing pre-migration backup stops the migration: the library keeps its schema', () => {
    const file = path.join(dir, 'verso.sqlite');
    const old = new Database(file);
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version <= 100),
    );
    old.close();
    expect(() =>
      openDatabase(file, {
        beforeMigrations: (db) => void writeBackupSync(db, dir, 'pre-migration', { now: at(0), keep: 10, afterWrite: damage }),
      }),
    ).toThrow(/could not be verified/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(100);
    after.close();
  });
});

describe('backup runner', () => {
  it('backs up daily by the injected clock and scheduler, never by the wall clock', async () => {
    const db = library();
    let clock = at(0);
    let tick: (() => void) | null = null;
    let every = 0;
    const scheduler: Scheduler = {
      every(ms, fn) {
        every = ms;
        tick = fn;
        return () => (tick = null);
      },
    };
    const runner = createBackupRunner({ dataDir: dir, db: () => db, now: () => clock, keep: () => 10 });
    await runner.backup('start');
    const stop = runner.startDaily(scheduler);
    expect(every).toBe(DAILY_CHECK_MS);

    clock = at(60 * 23);
    expect(await runner.dailyTick()).toBeNull();
    clock = at(60 * 24 + 1);
    tick!();
    await runner.idle();
    await new Promise((r) => setImmediate(r));
    await runner.idle();
    expect(listBackupFiles(dir).map((b) => b.reason)).toEqual(['daily', 'start']);
    stop();
    expect(tick).toBeNull();
    db.close();
  });

  it('reports the last failure until a backup succeeds', async () => {
    const db = library();
    const runner = createBackupRunner({ dataDir: dir, db: () => db, now: () => at(0), keep: () => 10 });
    db.close();
    await expect(runner.backup('manual')).rejects.toMatchObject({ code: 'BACKUP_FAILED' });
    expect(runner.lastProblem()).toMatchObject({ reason: 'manual', at: at(0).toISOString() });
    expect(listBackupFiles(dir)).toEqual([]);
  });
});
