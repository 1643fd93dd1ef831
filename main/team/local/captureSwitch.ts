/**
 * Whether local writes become outgoing changes. Capture is on only while this library belongs to
 * a team (`team_state` has `me`), and is suspended while pulled changes are applied, so a change
 * received from the server is never sent back as this member's own.
 */
import type Database from 'better-sqlite3';
import { keptDuringWrite } from '../../db/keptDuringWrite.js';

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

// While `withCaptureStateKept` runs: whether this library is in a team, read once (null until first asked).
const keptMembership = keptDuringWrite<boolean>('withCaptureStateKept');

/**
 * Runs `fn`, a bulk write inside a transaction (an import, a pre-fill: one question per revision,
 * 13,000 on a 10,000-paragraph import), with team membership read once and kept until `fn` ends.
 * `fn` must not join or leave a team; suspension (runWithoutCapture) is still honoured.
 */
export function withCaptureStateKept<T>(db: Database.Database, fn: () => T): T {
  return keptMembership.during(db, fn);
}

/** True while a team is connected and no pulled change is being applied. */
export function captureActive(db: Database.Database): boolean {
  if (suspended.has(db)) return false;
  const kept = keptMembership.get(db);
  if (kept !== undefined && kept !== null) return kept;
  const member = inTeam(db);
  keptMembership.keep(db, member);
  return member;
}

function inTeam(db: Database.Database): boolean {
  let stmt = meStatements.get(db);
  if (!stmt) {
    stmt = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM team_state WHERE key = 'me'");
    meStatements.set(db, stmt);
  }
  const row = stmt.get();
  return (row?.n ?? 0) > 0;
}
