/**
 * One Verso per data directory (issue 13): `verso.lock` holds the holder's pid, command, host and
 * start time. It is created atomically (written beside, then hard-linked into place); a lock whose
 * process is gone (same host, pid dead) is taken over. The Electron shell adds
 * `app.requestSingleInstanceLock()` on top (main/electron/singleInstance.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ServiceError } from '../core/serviceError.js';
import { processAlive } from '../core/processAlive.js';

export const LOCK_FILE_NAME = 'verso.lock';

export interface LockHolder {
  pid: number;
  command: string;
  host: string;
  startedAt: string;
}

export interface DataDirLock {
  file: string;
  holder: LockHolder;
  /** Removes the lock file if it is still ours. */
  release(): void;
}

export interface LockOptions {
  /** What this process is, in the message a second instance shows (default: its command line). */
  command?: string;
  pid?: number;
  now?: () => Date;
  /** Whether a process is alive (default: signal 0). */
  isAlive?: (pid: number) => boolean;
}

/**
 * Lock files this process holds, with how many backends share each: the lock is per process (a
 * test may reopen a library in-process), and a lock naming our own pid that is not in here is a
 * stale one from an earlier process with the same pid.
 */
const heldHere = new Map<string, { holder: LockHolder; users: number }>();

/**
 * Linux: did the process now at `pid` start after `since`? Then it is not the one that wrote the
 * lock (the pid was reused). Elsewhere, or when unknown: false.
 */
export function startedAfter(pid: number, since: string): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const bootLine = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'));
    const sinceMs = Date.parse(since);
    if (!bootLine || !Number.isFinite(ticks) || !Number.isFinite(sinceMs)) return false;
    // USER_HZ is 100 on every Linux Node runs on; 2 s of slack for btime's whole seconds.
    return Number(bootLine[1]) * 1000 + ticks * 10 > sinceMs + 2000;
  } catch {
    return false;
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return null;
    return {
      pid: value.pid,
      command: String(value.command ?? ''),
      host: String(value.host ?? ''),
      startedAt: String(value.startedAt ?? ''),
    };
  } catch {
    return null;
  }
}

export function lockInUseError(dataDir: string, holder: LockHolder): ServiceError {
  return new ServiceError(
    'LIBRARY_IN_USE',
    `The library in ${dataDir} is already open in another Verso (process ${holder.pid}, "${holder.command}", on ${holder.host}, since ${holder.startedAt}); close that one first or use another VERSO_DATA_DIR.`,
    { dataDir, pid: holder.pid, command: holder.command, host: holder.host, startedAt: holder.startedAt },
  );
}

function tryCreate(file: string, holder: LockHolder): boolean {
  const temp = `${file}.${holder.pid}.${process.hrtime.bigint()}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(holder) + '\n', { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Takes the data directory's lock or throws LIBRARY_IN_USE naming the process that holds it. */
export function acquireDataDirLock(dataDir: string, options: LockOptions = {}): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const isAlive = options.isAlive ?? processAlive;
  const holder: LockHolder = {
    pid: options.pid ?? process.pid,
    command: (options.command ?? process.argv.map((a) => path.basename(a)).join(' ')).slice(0, 200),
    host: os.hostname(),
    startedAt: (options.now?.() ?? new Date()).toISOString(),
  };
  const shared = heldHere.get(file);
  if (shared && options.pid === undefined) {
    shared.users++;
    return ownLock(file, shared.holder);
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, holder)) {
      heldHere.set(file, { holder, users: 1 });
      return ownLock(file, holder);
    }
    const current = readHolder(file);
    // Unreadable (a writer mid-way is impossible: the file appears whole) or a dead holder on this host: stale.
    const stale =
      current === null ||
      (current.host === holder.host &&
        (current.pid === holder.pid ? !heldHere.has(file) : !isAlive(current.pid) || startedAfter(current.pid, current.startedAt)));
    if (!stale) throw lockInUseError(dataDir, current);
    takeOver(file, current);
  }
  const current = readHolder(file);
  throw lockInUseError(dataDir, current ?? { pid: 0, command: 'unknown', host: holder.host, startedAt: 'unknown' });
}

/** Moves a stale lock aside; if another process replaced it meanwhile, puts that one back. */
function takeOver(file: string, stale: LockHolder | null): void {
  const aside = `${file}.stale-${process.pid}-${process.hrtime.bigint()}`;
  try {
    fs.renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const moved = readHolder(aside);
  if (stale !== null && moved !== null && (moved.pid !== stale.pid || moved.startedAt !== stale.startedAt)) {
    // Not the stale lock we judged: someone else's fresh one. Restore it (unless yet another appeared).
    try {
      fs.linkSync(aside, file);
    } catch {
      /* a third process holds it now; the next attempt reads that one */
    }
  }
  fs.rmSync(aside, { force: true });
}

function ownLock(file: string, holder: LockHolder): DataDirLock {
  let released = false;
  return {
    file,
    holder,
    release() {
      if (released) return;
      released = true;
      const entry = heldHere.get(file);
      if (entry && --entry.users > 0) return;
      heldHere.delete(file);
      const current = readHolder(file);
      if (current && current.pid === holder.pid && current.startedAt === holder.startedAt) fs.rmSync(file, { force: true });
    },
  };
}
