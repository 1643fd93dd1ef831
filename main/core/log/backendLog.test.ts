/** Issue 15, item 8: the apps and the CLI write <data dir>/logs/verso.log; an INTERNAL error names it and the stack is in it. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../backend.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { appLog } from './logger.js';

let dir = '';
afterEach(() => removeTempDir(dir));

const open = (dataDir: string) =>
  createBackend({
    dataDir,
    mode: 'browser',
    version: 'test',
    verifyAtStart: false,
    integrityCheckIdleMs: null,
    backups: false,
    logLevel: 'info',
  });

describe('the log of a running library', () => {
  it('an unexpected failure of a call says where the log is, and the log has its stack', async () => {
    dir = makeTempDir();
    const backend = open(dir);
    const logFile = path.join(dir, 'logs', 'verso.log');
    expect(appLog().file).toBe(logFile);
    if (process.platform !== 'win32') expect(fs.statSync(logFile).mode & 0o777).toBe(0o600);
    // A fault Verso does not expect: a trigger makes every profile write fail.
    const other = new Database(path.join(dir, 'verso.sqlite'));
    other.exec(`CREATE TRIGGER boom BEFORE INSERT ON profiles BEGIN SELECT RAISE(ABORT, 'unexpected fault'); END`);
    other.close();
    const result = await backend.dispatch('setProfile', { name: 'Ana', role: 'translator' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: `The details were written to the log file ${logFile}.`, details: { logFile } },
    });
    const lines = fs
      .readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const failure = lines.find((l) => l['method'] === 'setProfile');
    expect(failure).toMatchObject({ level: 50, msg: 'setProfile failed unexpectedly' });
    expect(failure!['err']).toMatch(/unexpected fault[\s\S]*\n\s+at /);
    expect(JSON.stringify(lines)).not.toContain('Ana');
    backend.close();
    // Closed: the process logs to stderr again, the file is free.
    expect(appLog().file).toBeNull();
  });
});

describe('a log that cannot be written', () => {
  it('never stops Verso: the library opens and the log goes to stderr', async () => {
    dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'logs'), 'a file where the logs folder would be');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const backend = open(dir);
    expect(appLog().file).toBeNull();
    expect(await backend.dispatch('listDocuments', {})).toMatchObject({ ok: true });
    expect(String(stderr.mock.calls[0]?.[0])).toContain('the log file could not be opened');
    stderr.mockRestore();
    backend.close();
  });
});

describe('rotation belongs to the process holding the lock', () => {
  it('a CLI-style open without the lock appends to a full log instead of rotating it under the app', () => {
    dir = makeTempDir();
    createBackend({
      dataDir: dir,
      mode: 'browser',
      version: 'test',
      verifyAtStart: false,
      integrityCheckIdleMs: null,
      backups: false,
    }).close();
    fs.mkdirSync(path.join(dir, 'logs'));
    fs.writeFileSync(path.join(dir, 'logs', 'verso.log'), 'x'.repeat(6 * 1024 * 1024));
    const reader = createBackend({
      dataDir: dir,
      mode: 'browser',
      version: 'test',
      verifyAtStart: false,
      integrityCheckIdleMs: null,
      backups: false,
      lock: false,
      logLevel: 'warn',
    });
    reader.close();
    expect(fs.readdirSync(path.join(dir, 'logs'))).toEqual(['verso.log']);
    const owner = open(dir);
    owner.close();
    expect(fs.readdirSync(path.join(dir, 'logs')).sort()).toEqual(['verso.log', 'verso.log.1']);
  });
});
