/** Issue 13, item 4: the data directory 0700, the database (-wal, -shm) and key files 0600 (POSIX). */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../backend.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';

let dir = '';
afterEach(() => removeTempDir(dir));

const mode = (file: string): number => fs.statSync(file).mode & 0o777;
const open = (dataDir: string) =>
  createBackend({ dataDir, mode: 'browser', version: 'test', verifyAtStart: false, integrityCheckIdleMs: null });

describe.skipIf(process.platform === 'win32')('permissions of the data directory', () => {
  it('a new data directory is 0700 and the database with its -wal/-shm 0600', async () => {
    dir = makeTempDir();
    const dataDir = path.join(dir, 'new-library');
    const backend = open(dataDir);
    await backend.api.setProfile({ name: 'T', role: 'translator' });
    expect(mode(dataDir)).toBe(0o700);
    for (const f of ['verso.sqlite', 'verso.sqlite-wal', 'verso.sqlite-shm']) expect([f, mode(path.join(dataDir, f))]).toEqual([f, 0o600]);
    backend.close();
  });

  it('looser permissions found at open are tightened (directory 0755, database 0644, key file 0666)', () => {
    dir = makeTempDir();
    const dataDir = path.join(dir, 'old-library');
    open(dataDir).close();
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(dataDir, 'verso.sqlite'), 0o644);
    fs.writeFileSync(path.join(dataDir, 'engine-keys.json'), '{}');
    fs.chmodSync(path.join(dataDir, 'engine-keys.json'), 0o666);
    const backend = open(dataDir);
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'verso.sqlite'))).toBe(0o600);
    expect(mode(path.join(dataDir, 'engine-keys.json'))).toBe(0o600);
    backend.close();
  });

  it('never loosens: a 0400 file stays 0400', () => {
    dir = makeTempDir();
    open(dir).close();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'x');
    fs.chmodSync(path.join(dir, 'notes.txt'), 0o400);
    open(dir).close();
    expect(mode(path.join(dir, 'notes.txt'))).toBe(0o400);
  });
});
