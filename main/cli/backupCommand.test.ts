/** `verso backup` and `verso restore` as a child process (bundled as scripts/build.mjs does), on a real library. */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleEntry } from '../testing/bundleEntry.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../backend.js';
import { listBackupFiles } from '../backups/backupFiles.js';
import { checkLibraryFile } from '../backups/libraryFile.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';

const root = path.resolve(__dirname, '..', '..');
const bundleDir = path.join(root, 'test-results', `cli-backup-bundle-${process.pid}`);
const cli = path.join(bundleDir, 'cli.cjs');
let work = '';
let dataDir = '';

beforeAll(async () => {
  await bundleEntry('main/cli.ts', cli);
}, 60_000);
afterAll(() => fs.rmSync(bundleDir, { recursive: true, force: true }));

beforeEach(async () => {
  if (work) removeTempDir(work);
  work = makeTempDir();
  dataDir = path.join(work, 'library');
  const backend = createBackend({ dataDir, mode: 'browser', version: 't', engines: [], verifyAtStart: false, backups: false });
  await backend.api.setProfile({ name: 'Ed', role: 'editor' });
  await backend.api.importDocument({
    source: { kind: 'text', text: 'One.\n\nTwo.', format: 'txt' },
    sourceLang: 'en',
    targetLang: 'es',
    title: 'Storm story',
  });
  backend.close();
});
afterAll(() => removeTempDir(work));

function verso(args: string[], dir = dataDir) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, VERSO_DATA_DIR: dir },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function titles(dir = dataDir): string[] {
  const db = new Database(path.join(dir, 'verso.sqlite'), { readonly: true });
  try {
    return db
      .prepare<[], { title: string }>('SELECT title FROM documents ORDER BY title')
      .all()
      .map((r) => r.title);
  } finally {
    db.close();
  }
}

async function deleteAll(): Promise<void> {
  const backend = createBackend({ dataDir, mode: 'browser', version: 't', engines: [], verifyAtStart: false, backups: false });
  const db = new Database(backend.dbPath);
  const ids = db.prepare<[], { id: string }>('SELECT id FROM documents').all();
  db.close();
  try {
    for (const d of ids) await backend.api.deleteDocument({ documentId: d.id });
  } finally {
    backend.close();
  }
}

describe('verso backup', () => {
  it('writes a verified backup into the backups folder, or --out FILE; exit codes 0, 1, 2', () => {
    const r = verso(['backup']);
    expect(r.code, r.stderr).toBe(0);
    const [backup] = listBackupFiles(dataDir);
    expect(backup?.reason).toBe('manual');
    expect(r.stdout.trim()).toBe(path.join(dataDir, 'backups', backup!.fileName));

    const out = path.join(work, 'whole-library.sqlite');
    expect(verso(['backup', '--out', out]).code).toBe(0);
    expect(checkLibraryFile(out)).toMatchObject({ ok: true });
    const again = verso(['backup', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`verso: ${out} exists; add --force to overwrite it.\n`);
    expect(verso(['backup', '--out', out, '--force']).code).toBe(0);
    expect(verso(['backup', 'extra']).code).toBe(2);
    expect(verso(['backup'], path.join(work, 'nowhere')).code).toBe(1);
  });

  it('the other commands make no backup of their own', () => {
    expect(verso(['list']).code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
  });
});

describe('verso restore', () => {
  it('refuses garbage, an empty file, a damaged library and a missing argument, changing nothing', () => {
    const garbage = path.join(work, 'garbage.sqlite');
    fs.writeFileSync(garbage, 'this is not a library '.repeat(100));
    const r = verso(['restore', garbage]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`verso: ${garbage} is not a Verso library (not an SQLite database). Nothing was changed.\n`);
    const empty = path.join(work, 'empty.sqlite');
    fs.writeFileSync(empty, '');
    expect(verso(['restore', empty]).code).toBe(1);

    const damaged = path.join(work, 'damaged.sqlite');
    expect(verso(['backup', '--out', damaged]).code).toBe(0);
    const bytes = fs.readFileSync(damaged);
    for (let page = 1; page * 4096 < bytes.length; page++) bytes.fill(0xa5, page * 4096 + 8, page * 4096 + 400);
    fs.writeFileSync(damaged, bytes);
    const d = verso(['restore', damaged]);
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/damaged/);
    expect(d.stderr.trim().split('\n')).toHaveLength(1);

    expect(verso(['restore']).code).toBe(2);
    expect(titles()).toEqual(['Storm story']);
    expect(listBackupFiles(dataDir).filter((b) => b.reason === 'pre-restore')).toEqual([]);
  });

  it('brings a deleted document back and keeps the library before it as a backup', async () => {
    const saved = path.join(work, 'saved.sqlite');
    expect(verso(['backup', '--out', saved]).code).toBe(0);
    await deleteAll();
    expect(titles()).toEqual([]);
    const r = verso(['restore', saved]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Restored ${saved}`);
    expect(titles()).toEqual(['Storm story']);
    const [safety] = listBackupFiles(dataDir);
    expect(safety?.reason).toBe('pre-restore');
    expect(verso(['list']).stdout).toContain('Storm story');
  });

  it('refuses while another process has the library open', () => {
    const saved = path.join(work, 'saved.sqlite');
    expect(verso(['backup', '--out', saved]).code).toBe(0);
    const holder = new Database(path.join(dataDir, 'verso.sqlite'));
    holder.pragma('journal_mode = WAL');
    try {
      const r = verso(['restore', saved]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^verso: Another process \(a running Verso\?\) has the library .* open: close it, then restore\. Nothing was changed\.\n$/,
      );
    } finally {
      holder.close();
    }
  });

  it('replaces a damaged library, keeping the damaged file aside byte for byte', () => {
    const saved = path.join(work, 'saved.sqlite');
    expect(verso(['backup', '--out', saved]).code).toBe(0);
    const db = path.join(dataDir, 'verso.sqlite');
    fs.writeFileSync(db, 'SQLite format 3\0' + 'garbage'.repeat(1000));
    const damaged = fs.readFileSync(db);
    const r = verso(['restore', saved]);
    expect(r.code, r.stderr).toBe(0);
    const aside = /kept as it was: (.+)\n/.exec(r.stdout)?.[1];
    expect(aside && fs.readFileSync(aside).equals(damaged)).toBe(true);
    expect(titles()).toEqual(['Storm story']);
  });

  it('imports a whole library into an empty data directory', () => {
    const saved = path.join(work, 'saved.sqlite');
    expect(verso(['backup', '--out', saved]).code).toBe(0);
    const fresh = path.join(work, 'fresh');
    const r = verso(['restore', saved], fresh);
    expect(r.code, r.stderr).toBe(0);
    expect(titles(fresh)).toEqual(['Storm story']);
    expect(verso(['list'], fresh).stdout).toContain('Storm story');
  });
});
