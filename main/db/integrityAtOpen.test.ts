/**
 * Issue 13, item 2: a damaged or zero-length library is refused at open and never written to;
 * storage failures (disk full, read-only, locked) are clear errors, from real SQLite failures.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../backend.js';
import { createDispatcher } from '../api/dispatch.js';
import type { VersoApi } from '../../shared/api.js';
import { corruptParagraphsPage, dbFile, makeLibrary } from '../testing/damagedLibrary.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { storageError } from './storageErrors.js';
import { runCli } from '../cli/runCli.js';

let dir = '';
afterEach(() => removeTempDir(dir));

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const open = (dataDir: string, extra: object = {}) =>
  createBackend({ dataDir, mode: 'browser', version: 'test', verifyAtStart: false, integrityCheckIdleMs: null, ...extra });
const caught = (fn: () => unknown): { code?: string; message: string; details?: Record<string, unknown> } => {
  try {
    fn();
  } catch (err) {
    return err as { code?: string; message: string };
  }
  throw new Error('expected a failure');
};

/** A dispatcher whose one method runs `body` against a real database, with the backend's storage mapping. */
function dispatchFailing(body: () => void) {
  const api = { listDocuments: () => Promise.resolve().then(body) } as unknown as VersoApi;
  return createDispatcher(api, (err) => storageError(err, '/data/verso.sqlite'));
}

describe('integrity at open', () => {
  it('refuses a library with one damaged page of paragraphs, in one sentence, and leaves the file untouched', async () => {
    dir = makeTempDir();
    const dbPath = await makeLibrary(dir);
    corruptParagraphsPage(dbPath);
    const before = sha(dbPath);
    const err = caught(() => open(dir));
    expect(err.code).toBe('LIBRARY_DAMAGED');
    expect(err.message).toMatch(
      /^The library .*verso\.sqlite is damaged \(.+\), so Verso will not open or change it; no good backup was found/,
    );
    expect(err.message).not.toContain('\n');
    expect(sha(dbPath)).toBe(before);
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
  });

  it('treats a zero-length verso.sqlite as damaged, never as a new library', () => {
    dir = makeTempDir();
    fs.writeFileSync(dbFile(dir), '');
    const err = caught(() => open(dir));
    expect(err.code).toBe('LIBRARY_DAMAGED');
    expect(err.message).toContain('the file is empty (0 bytes)');
    expect(fs.statSync(dbFile(dir)).size).toBe(0);
  });

  it('refuses a file that is not SQLite at all', () => {
    dir = makeTempDir();
    fs.writeFileSync(dbFile(dir), 'x'.repeat(8192));
    expect(caught(() => open(dir)).code).toBe('LIBRARY_DAMAGED');
    expect(fs.readFileSync(dbFile(dir), 'utf8')).toBe('x'.repeat(8192));
  });

  it('a missing file is a new library', async () => {
    dir = makeTempDir();
    const backend = open(dir);
    expect(await backend.dispatch('listDocuments', {})).toEqual({ ok: true, value: [] });
    backend.close();
  });

  it('offers the newest good backup the backups work finds', () => {
    dir = makeTempDir();
    fs.writeFileSync(dbFile(dir), '');
    const err = caught(() =>
      open(dir, { findBackup: (d: string) => ({ file: path.join(d, 'backups', 'b1.sqlite'), createdAt: '2026-12-01T10:00:00.000Z' }) }),
    );
    expect(err.message).toContain(
      `restore the newest good backup, ${path.join(dir, 'backups', 'b1.sqlite')} (made 2026-12-01T10:00:00.000Z)`,
    );
    expect(err.details).toMatchObject({ backup: path.join(dir, 'backups', 'b1.sqlite') });
  });

  it('the CLI prints the damaged library as one line and exits 1', async () => {
    dir = makeTempDir();
    fs.writeFileSync(dbFile(dir), '');
    const err: string[] = [];
    const code = await runCli(['list'], {
      out: () => {},
      err: (t) => err.push(t),
      env: { VERSO_DATA_DIR: dir },
      cwd: dir,
      version: 't',
      resolveDataDir: (env) => env.VERSO_DATA_DIR!,
    });
    expect(code).toBe(1);
    expect(err.join('')).toMatch(
      /^verso: The library .* is damaged \(the file is empty \(0 bytes\)\), so Verso will not open or change it; .*\n$/,
    );
    expect(err.join('').split('\n')).toHaveLength(2);
  });

  it('a page damaged while running is found by the idle integrity_check; from then on every call is refused', async () => {
    dir = makeTempDir();
    const dbPath = await makeLibrary(dir, 50);
    // An index whose entries no longer match its table: quick_check passes, integrity_check does not.
    const raw = new Database(dbPath);
    raw.exec(
      `CREATE TABLE probe (x TEXT, y TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO probe SELECT 'x' || i, 'y' || i FROM n; CREATE INDEX idx_probe_x ON probe (x);`,
    );
    raw.unsafeMode(true);
    raw.pragma('writable_schema = ON');
    raw.prepare(`UPDATE sqlite_schema SET sql = 'CREATE INDEX idx_probe_x ON probe (y)' WHERE name = 'idx_probe_x'`).run();
    raw.close();
    const backend = open(dir, { integrityCheckIdleMs: 30 });
    expect((await backend.dispatch('listDocuments', {})).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    const after = await backend.dispatch('listDocuments', {});
    expect(after).toMatchObject({ ok: false, error: { code: 'LIBRARY_DAMAGED' } });
    backend.close();
  });
});

describe('storage errors are clear', () => {
  it('disk full (SQLITE_FULL, via max_page_count): STORAGE_FULL, "nothing was lost", the saved rows intact', async () => {
    dir = makeTempDir();
    const db = new Database(path.join(dir, 'full.sqlite'));
    db.exec('CREATE TABLE t (v TEXT); INSERT INTO t VALUES (1), (2)');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const result = await dispatchFailing(() => db.prepare('INSERT INTO t VALUES (?)').run('z'.repeat(100_000)))('listDocuments', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } });
    expect(!result.ok && result.error.message).toContain('nothing was lost');
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(2);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('a read-only database (SQLITE_READONLY): STORAGE_READ_ONLY', async () => {
    dir = makeTempDir();
    new Database(path.join(dir, 'r.sqlite')).exec('CREATE TABLE t (v)');
    const db = new Database(path.join(dir, 'r.sqlite'), { readonly: true });
    const result = await dispatchFailing(() => db.prepare('INSERT INTO t VALUES (1)').run())('listDocuments', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE_READ_ONLY' } });
    db.close();
  });

  it('a locked database (SQLITE_BUSY): STORAGE_BUSY', async () => {
    dir = makeTempDir();
    const file = path.join(dir, 'b.sqlite');
    const holder = new Database(file);
    holder.exec('CREATE TABLE t (v)');
    holder.exec('BEGIN IMMEDIATE');
    const db = new Database(file, { timeout: 0 });
    const result = await dispatchFailing(() => db.prepare('INSERT INTO t VALUES (1)').run())('listDocuments', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE_BUSY' } });
    holder.exec('ROLLBACK');
    holder.close();
    db.close();
  });

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  it.skipIf(isRoot || process.platform === 'win32')(
    'a read-only data directory (chmod 0500): STORAGE_READ_ONLY at open [skipped as root: root ignores permissions]',
    () => {
      dir = makeTempDir();
      const dataDir = path.join(dir, 'lib');
      fs.mkdirSync(dataDir, { mode: 0o700 });
      fs.chmodSync(dataDir, 0o500);
      try {
        const err = caught(() => open(dataDir));
        expect(err.code).toBe('STORAGE_READ_ONLY');
        expect(err.message).toContain('read-only');
      } finally {
        fs.chmodSync(dataDir, 0o700);
      }
    },
  );
});
