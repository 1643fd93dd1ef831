/**
 * The running app's backups: one at a time (a queue), the number to keep read at each backup, the
 * daily one (a check every hour, by the injected clock: a backup when the newest is a day old),
 * and the last failure kept for Settings → Backups.
 */
import type Database from 'better-sqlite3';
import type { BackupInfo, BackupReason } from '../../shared/features/backupsApi.js';
import { listBackupFiles, writeBackup } from './backupFiles.js';

/** Repeats `fn` every `ms` until the returned function is called; the real one never keeps the process alive. */
export interface Scheduler {
  every(ms: number, fn: () => void): () => void;
}

export const timerScheduler: Scheduler = {
  every(ms, fn) {
    const timer = setInterval(fn, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

export const DAY_MS = 24 * 60 * 60 * 1000;
export const DAILY_CHECK_MS = 60 * 60 * 1000;

export interface BackupProblem {
  at: string;
  reason: BackupReason;
  message: string;
}

export interface BackupRunnerOptions {
  dataDir: string;
  /** The library's open database (it changes when a backup is restored). */
  db: () => Database.Database;
  now: () => Date;
  keep: () => number;
  log?: (message: string) => void;
}

export function createBackupRunner(o: BackupRunnerOptions) {
  let queue: Promise<unknown> = Promise.resolve();
  let problem: BackupProblem | null = null;

  function backup(reason: BackupReason): Promise<BackupInfo> {
    const run = queue.then(() => writeBackup(o.db(), o.dataDir, reason, { now: o.now(), keep: o.keep() }));
    queue = run.catch(() => undefined);
    return run.then(
      (info) => {
        problem = null;
        return info;
      },
      (err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        problem = { at: o.now().toISOString(), reason, message };
        o.log?.(`Verso: ${reason} backup failed: ${message}`);
        throw err;
      },
    );
  }

  /** A daily backup when the newest backup is at least a day old (by the injected clock). */
  async function dailyTick(): Promise<BackupInfo | null> {
    const newest = listBackupFiles(o.dataDir)[0];
    if (newest && o.now().getTime() - Date.parse(newest.createdAt) < DAY_MS) return null;
    return backup('daily');
  }

  return {
    backup,
    dailyTick,
    /** Starts the daily backups; returns the function that stops them. */
    startDaily(scheduler: Scheduler = timerScheduler): () => void {
      return scheduler.every(DAILY_CHECK_MS, () => void dailyTick().catch(() => undefined));
    },
    /** Settles when no backup is being written. */
    idle(): Promise<void> {
      return queue.then(() => undefined);
    },
    lastProblem(): BackupProblem | null {
      return problem;
    },
  };
}

export type BackupRunner = ReturnType<typeof createBackupRunner>;
