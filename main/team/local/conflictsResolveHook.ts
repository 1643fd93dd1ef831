/**
 * The hook between resolving a conflict and capturing it (the outbox helper's capture): while
 * `runResolving(db, ids, fn)` runs, the paragraph change captured from the revision `fn` writes
 * must carry `payload.resolves = ids` (`resolvingIds(db)`), so the server removes those conflicts.
 */
import type Database from 'better-sqlite3';

const resolving = new WeakMap<Database.Database, readonly string[]>();

export function runResolving<T>(db: Database.Database, ids: readonly string[], fn: () => T): T {
  const before = resolving.get(db);
  resolving.set(db, ids);
  try {
    return fn();
  } finally {
    if (before === undefined) resolving.delete(db);
    else resolving.set(db, before);
  }
}

/** The conflict ids the change being captured resolves, or null outside a resolution. */
export function resolvingIds(db: Database.Database): readonly string[] | null {
  return resolving.get(db) ?? null;
}
