/**
 * One desktop Verso (issue 13, item 3): Electron's single-instance lock. A second start says which
 * process holds the library (from `verso.lock`) in one sentence and quits; the first one comes to
 * the front. The lock file (main/library/dataDirLock.ts) still guards the data directory against
 * browser mode and the CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LOCK_FILE_NAME } from '../library/dataDirLock.js';

/** The part of Electron's `app` this needs (typed here so it can be tested without Electron). */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  quit(): void;
}

/** The one sentence a second instance prints. */
export function secondInstanceMessage(dataDir: string): string {
  let holder = '';
  try {
    const lock = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE_NAME), 'utf8')) as { pid?: unknown; startedAt?: unknown };
    if (typeof lock.pid === 'number') holder = ` (process ${lock.pid}, since ${String(lock.startedAt)})`;
  } catch {
    /* no lock file yet: the first instance is still starting */
  }
  return `Verso is already running${holder} with the library in ${dataDir}: switching to that window.`;
}

/** True when this is the first instance; otherwise prints why, quits, and returns false. */
export function claimSingleInstance(
  app: SingleInstanceApp,
  dataDir: string,
  focusWindow: () => void,
  log: (line: string) => void = console.error,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    log(secondInstanceMessage(dataDir));
    app.quit();
    return false;
  }
  app.on('second-instance', focusWindow);
  return true;
}
