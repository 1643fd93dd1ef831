/** Issue 13, item 3: one Verso per data directory (the lock file; two processes in e2e/openLock.spec.ts). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type BackendOptions } from '../backend.js';
import { startedAfter } from './dataDirLock.js';
import { openLibrary, runCli } from '../cli/runCli.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';

let dir = '';
afterEach(() => removeTempDir(dir));

const open = (dataDir: string, extra: Partial<BackendOptions> = {}) =>
  createBackend({ dataDir, mode: 'browser', version: 'test', verifyAtStart: false, integrityCheckIdleMs: null, ...extra });
const lockFile = (dataDir: string) => path.join(dataDir, 'verso.lock');

/** A pid that surely is not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('one Verso per data directory', () => {
  it('a library whose lock another live process holds is refused, naming that process; the lock file names the holder', () => {
    dir = makeTempDir();
    // Another live process on this host, started before its lock was written: this test's parent.
    const other = { pid: process.ppid, command: 'verso browser mode', host: os.hostname(), startedAt: new Date().toISOString() };
    fs.writeFileSync(lockFile(dir), JSON.stringify(other));
    let err: { code?: string; message?: string } = {};
    try {
      open(dir).close();
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.code).toBe('LIBRARY_IN_USE');
    expect(err.message).toBe(
      `The library in ${dir} is already open in another Verso (process ${other.pid}, "verso browser mode", on ${other.host}, since ${other.startedAt}); close that one first or use another VERSO_DATA_DIR.`,
    );
    expect(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'))).toEqual(other); // untouched
    fs.rmSync(lockFile(dir));
    const mine = open(dir, { lockCommand: 'verso browser mode' });
    expect(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'))).toMatchObject({
      pid: process.pid,
      command: 'verso browser mode',
      host: os.hostname(),
    });
    mine.close();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it('the lock is per process: a library reopened in the same process shares it until the last one closes', () => {
    dir = makeTempDir();
    const first = open(dir);
    const second = open(dir);
    first.close();
    expect(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: process.pid });
    second.close();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it('a stale lock (its process is gone) is taken over', () => {
    dir = makeTempDir();
    const pid = deadPid();
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({ pid, command: 'crashed', host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z' }),
    );
    const backend = open(dir);
    expect(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: process.pid });
    backend.close();
  });

  it('an unreadable lock file is taken over', () => {
    dir = makeTempDir();
    fs.writeFileSync(lockFile(dir), 'garbage');
    open(dir).close();
  });

  it('the CLI reads and exports beside a running Verso; its exclusive open (restore) is refused in one line', async () => {
    dir = makeTempDir();
    open(dir).close();
    const app = { pid: process.ppid, command: 'verso browser mode', host: os.hostname(), startedAt: new Date().toISOString() };
    fs.writeFileSync(lockFile(dir), JSON.stringify(app));
    const io = (err: string[], out: string[]) => ({
      out: (t: string) => out.push(t),
      err: (t: string) => err.push(t),
      env: { VERSO_DATA_DIR: dir },
      cwd: dir,
      version: 't',
      resolveDataDir: (env: NodeJS.ProcessEnv) => env.VERSO_DATA_DIR!,
    });
    const out: string[] = [];
    expect(await runCli(['list'], io([], out))).toBe(0);
    expect(out.join('')).toBe('The library is empty.\n');
    let err: { code?: string; message?: string } = {};
    try {
      openLibrary(io([], []), true).close();
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.code).toBe('LIBRARY_IN_USE');
    expect(err.message).toMatch(new RegExp(`^The library in .* is already open in another Verso \\(process ${process.ppid}, [^\n]*$`));
    fs.rmSync(lockFile(dir));
    openLibrary(io([], []), true).close();
  });
});

describe('stale locks from reused pids', () => {
  it('a lock naming this very pid, left by an earlier process (containers reuse pids), is taken over', () => {
    dir = makeTempDir();
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({ pid: process.pid, command: 'earlier', host: os.hostname(), startedAt: '2020-01-01T00:00:00.000Z' }),
    );
    const backend = open(dir);
    expect(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'))).toMatchObject({
      pid: process.pid,
      command: expect.not.stringMatching('earlier'),
    });
    backend.close();
  });

  it.skipIf(process.platform !== 'linux')('a live pid that started after the lock was written is another process: taken over', () => {
    dir = makeTempDir();
    expect(startedAfter(process.pid, '2020-01-01T00:00:00.000Z')).toBe(true);
    expect(startedAfter(process.pid, new Date(Date.now() + 60_000).toISOString())).toBe(false);
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({ pid: process.ppid, command: 'earlier', host: os.hostname(), startedAt: '2020-01-01T00:00:00.000Z' }),
    );
    open(dir).close();
  });
});
