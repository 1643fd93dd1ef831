/**
 * The full `PRAGMA integrity_check` once Verso has been idle for a while after start (issue 13):
 * it reads every page, so it waits until no call came for `idleMs` and never runs at open.
 */
import type Database from 'better-sqlite3';
import { checkProblems } from './libraryIntegrity.js';

export interface IdleIntegrityCheckOptions {
  /** The library's connection now (a restore replaces it). */
  db: () => Database.Database;
  /** Quiet time before the check runs (ms). */
  idleMs: number;
  /** Milliseconds (monotonic) of the last API call. */
  lastActivity: () => number;
  now?: () => number;
  /** Called once with the problems found (empty: the library is sound). */
  onResult: (problems: string[]) => void;
}

/** Starts waiting for an idle moment; returns a function that stops waiting. */
export function scheduleIdleIntegrityCheck(options: IdleIntegrityCheckOptions): () => void {
  const now = options.now ?? (() => performance.now());
  let timer: NodeJS.Timeout | null = null;
  const wait = (ms: number): void => {
    timer = setTimeout(tick, Math.max(ms, 10));
    timer.unref();
  };
  const tick = (): void => {
    timer = null;
    const quietFor = now() - options.lastActivity();
    if (quietFor < options.idleMs) return wait(options.idleMs - quietFor);
    const db = options.db();
    let problems: string[];
    try {
      problems = checkProblems(db, 'integrity_check');
    } catch (err) {
      if (!db.open) return;
      problems = [err instanceof Error ? err.message : String(err)];
    }
    options.onResult(problems);
  };
  wait(options.idleMs);
  return () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
}
