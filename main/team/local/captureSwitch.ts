/**
 * Whether local writes become outgoing changes. Capture is on only while this library belongs to
 * a team (`team_state` has `me`), and is suspended while pulled changes are applied, so a change
 * received from the server is never sent back as this member's own.
 */
import type Database from 'better-sqlite3';

const suspended = new WeakSet<Database.Database>();
// Prepared once per connection: asked on every captured write (a library in no team pays one indexed read).
const meStatements = new WeakMap<Database.Database, Database.Statement<[], { n: number }>>();

/** Runs `fn` with capture suspended for `db` (nested calls are fine). */
export function runWithoutCapture<T>(db: Database.Database, fn: () => T): T {
  if (suspended.has(db)) return fn();
  suspended.add(db);
  try {
    return fn();
  } finally {
    suspended.delete(db);
  }
}

/** True while a team is connected and no pulled change is being applied. */
export function captureActive(db: Database.Database): boolean {
  if (suspended.has(db)) return false;
  let stmt = meStatements.get(db);
  if (!stmt) {
    stmt = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM team_state WHERE key = 'me'");
    meStatements.set(db, stmt);
  }
  const row = stmt.get();
  return (row?.n ?? 0) > 0;
}
