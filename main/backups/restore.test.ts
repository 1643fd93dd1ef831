import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../backend.js';
import { createFakeEngine } from '../testing/fakeEngine.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import type { BackupInfo, BackupList } from '../../shared/features/backupsApi.js';
import type { DocumentSummary } from '../../shared/types.js';
import { backupsDir, listBackupFiles } from './backupFiles.js';
import { libraryInUse } from './restoreLibrary.js';
import { migrate } from '../db/migrate.js';
import { MIGRATIONS } from '../db/migrations/index.js';

let dir = '';
let backend: Backend | null = null;
afterEach(() => {
  backend?.close();
  backend = null;
  removeTempDir(dir);
});

const noTimer = { scheduler: { every: () => () => undefined } };

async function value<T>(b: Backend, method: string, input: unknown): Promise<T> {
  const r = await b.dispatch(method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as T;
}

async function open(): Promise<Backend> {
  dir = makeTempDir();
  backend = createBackend({
    dataDir: dir,
    mode: 'browser',
    version: 't',
    engines: [createFakeEngine()],
    verifyAtStart: false,
    backups: noTimer,
  });
  await backend.backups.idle();
  await value(backend, 'setProfile', { name: 'Ed', role: 'editor' });
  return backend;
}

const importDoc = (b: Backend, title: string) =>
  value<{ id: string }>(b, 'importDocument', {
    source: { kind: 'text', text: 'One.\n\nTwo.', format: 'txt' },
    sourceLang: 'en',
    targetLang: 'es',
    title,
  });

describe('backups in the running backend', () => {
  it('takes a start backup once the library opened, and lists it', async () => {
    const b = await open();
    const list = await value<BackupList>(b, 'listBackups', {});
    expect(list.backups.map((x) => x.reason)).toEqual(['start']);
    expect(list.keep).toBe(10);
    expect(list.folder).toBe(backupsDir(dir));
  });

  it('"Back up now" adds one; the number to keep is validated and applied', async () => {
    const b = await open();
    await value<BackupInfo>(b, 'createBackup', {});
    await value<BackupInfo>(b, 'createBackup', {});
    expect((await value<BackupList>(b, 'listBackups', {})).backups).toHaveLength(3);
    expect(await b.dispatch('setBackupKeep', { keep: 0 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await b.dispatch('setBackupKeep', { keep: 2.5 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const list = await value<BackupList>(b, 'setBackupKeep', { keep: 2 });
    expect(list.keep).toBe(2);
    expect(list.backups).toHaveLength(2);
  });

  it('restore brings back a deleted document; the library before it is backed up; calls meanwhile wait', async () => {
    const b = await open();
    const doc = await importDoc(b, 'Keep me');
    const backup = await value<BackupInfo>(b, 'createBackup', {});
    await value(b, 'deleteDocument', { documentId: doc.id });
    await importDoc(b, 'Written after the backup');

    const restoring = b.dispatch('restoreBackup', { fileName: backup.fileName });
    // Sent while the restore runs: it waits and then sees the restored library.
    const during = value<DocumentSummary[]>(b, 'listDocuments', {});
    const result = await restoring;
    expect(result).toMatchObject({ ok: true, value: { restored: backup, safetyBackup: { reason: 'pre-restore' } } });
    expect((await during).map((d) => d.title)).toEqual(['Keep me']);

    // Nothing lost: the library as it was before the restore is in the pre-restore backup.
    const safety = (result as { value: { safetyBackup: BackupInfo } }).value.safetyBackup;
    const copy = new Database(path.join(backupsDir(dir), safety.fileName), { readonly: true });
    expect(copy.prepare('SELECT title FROM documents').all()).toEqual([{ title: 'Written after the backup' }]);
    copy.close();
    // Nothing half-restored: no staging file left; the restored library takes writes.
    expect(fs.readdirSync(dir).filter((f) => f.includes('restoring'))).toEqual([]);
    await importDoc(b, 'After the restore');
    expect((await value<DocumentSummary[]>(b, 'listDocuments', {})).map((d) => d.title).sort()).toEqual(['After the restore', 'Keep me']);
  });

  it('refuses a backup that is damaged or not a library, changing nothing', async () => {
    const b = await open();
    await importDoc(b, 'Still here');
    const fake = 'verso-20261203T020000000Z-manual.sqlite';
    fs.writeFileSync(path.join(backupsDir(dir), fake), 'not a database at all');
    expect(await b.dispatch('restoreBackup', { fileName: fake })).toMatchObject({ ok: false, error: { code: 'BACKUP_NOT_A_LIBRARY' } });
    expect(await b.dispatch('restoreBackup', { fileName: '../verso.sqlite' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await b.dispatch('restoreBackup', { fileName: 'verso-20261203T020000001Z-manual.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_NOT_FOUND' },
    });
    expect((await value<DocumentSummary[]>(b, 'listDocuments', {})).map((d) => d.title)).toEqual(['Still here']);
    expect(listBackupFiles(dir).map((x) => x.reason)).not.toContain('pre-restore');
  });

  it('a backup from an older Verso is restored and migrated, with a pre-migration backup first', async () => {
    const b = await open();
    const name = 'verso-20250101T000000000Z-manual.sqlite';
    const old = new Database(path.join(backupsDir(dir), name));
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version <= 100),
    );
    old.prepare("INSERT INTO settings (key, value) VALUES ('settings.publisher', '\"Old paper\"')").run();
    old.close();
    expect(await b.dispatch('restoreBackup', { fileName: name })).toMatchObject({ ok: true });
    expect(listBackupFiles(dir).map((x) => x.reason)).toEqual(expect.arrayContaining(['pre-migration', 'pre-restore']));
    expect(await value(b, 'getSettings', {})).toMatchObject({ publisher: 'Old paper' });
    const db = new Database(b.dbPath, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
  });

  it('sees that the library is open elsewhere (an idle connection is enough)', async () => {
    const b = await open();
    expect(libraryInUse(b.dbPath)).toBe(true);
    b.close();
    backend = null;
    expect(libraryInUse(path.join(dir, 'verso.sqlite'))).toBe(false);
  });
});
