/**
 * Is the library file sound? A header check before SQLite opens it (a zero-length or foreign file is
 * damaged; only a missing file is a new library), `PRAGMA quick_check` at open and the full
 * `integrity_check` later, in the background (see idleIntegrityCheck.ts).
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Why the file at `file` cannot be a library ('missing' is a new library), or null when it looks like one. */
export function fileProblem(file: string): string | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return 'the file is empty (0 bytes)';
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read < head.length || !head.equals(SQLITE_HEADER)) return 'the file is not an SQLite database';
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** The problems `PRAGMA quick_check` (or `integrity_check`) reports; empty when the file is sound. */
export function checkProblems(db: Database.Database, kind: 'quick_check' | 'integrity_check', max = 10): string[] {
  const rows = db.pragma(`${kind}(${max})`, { simple: false }) as Record<string, unknown>[];
  const messages = rows.map((r) => String(Object.values(r)[0]));
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}
